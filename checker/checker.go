// Package checker holds the output checkers of the judge: the code that
// decides whether a submission's output is an acceptable answer for a test
// case. Each checker lives in its own file; this file holds the types they
// share.
//
// The default checker (see Default) is a faithful port of the "default output
// validator" of the Kattis/ICPC problem package format, as implemented by
// problemtools' support/default_validator/default_validator.cc.
package checker

import (
	"errors"
	"fmt"
	"strings"
)

// Result is the verdict of one check.
type Result struct {
	// Accepted reports whether the output was accepted (exit code 42 of a
	// package-format validator). When false, the verdict is Wrong Answer
	// (exit code 43).
	Accepted bool

	// Message is the feedback for the jury, i.e. what a package-format
	// validator writes to judgemessage.txt. For the default checker it is
	// byte for byte what problemtools writes, trailing newline included, and
	// it is empty when the output is accepted.
	Message string

	// OutputLine and AnswerLine are the 1-based line numbers in the output
	// and in the answer file where the checker stopped. They are only
	// meaningful when Accepted is false.
	OutputLine, AnswerLine int

	// OutputOffset and AnswerOffset are the byte offsets where the checker
	// stopped, the contents of problemtools' diffposition.txt
	// ("AnswerOffset OutputOffset"). They are only meaningful when Accepted
	// is false.
	OutputOffset, AnswerOffset int64
}

// DefaultOptions configures the default checker. The zero value is the
// default behaviour: tokens compared case-insensitively, amount and kind of
// whitespace ignored, no float tolerance. Use ParseDefaultFlags to build one
// from the package-format flag words (problem.yaml validator_flags or
// output_validator_args).
type DefaultOptions struct {
	// CaseSensitive makes token comparison case-sensitive
	// (flag "case_sensitive"). Without it, ASCII letters compare equal to
	// their other case; other bytes must match exactly.
	CaseSensitive bool

	// SpaceChangeSensitive makes every whitespace sequence, leading and
	// trailing ones included, have to match the answer exactly
	// (flag "space_change_sensitive").
	SpaceChangeSensitive bool

	// AbsoluteTolerance is ε of "float_absolute_tolerance ε": a number is
	// accepted when |output−answer| ≤ ε. It is used only when
	// HasAbsoluteTolerance is set.
	AbsoluteTolerance    float64
	HasAbsoluteTolerance bool

	// RelativeTolerance is ε of "float_relative_tolerance ε": a number is
	// accepted when |output−answer| ≤ ε·|answer|. It is used only when
	// HasRelativeTolerance is set.
	RelativeTolerance    float64
	HasRelativeTolerance bool
}

// absTol returns the absolute tolerance the way problemtools stores it:
// -1 when unset.
func (o DefaultOptions) absTol() float64 {
	if !o.HasAbsoluteTolerance {
		return -1
	}
	return o.AbsoluteTolerance
}

// relTol returns the relative tolerance the way problemtools stores it:
// -1 when unset.
func (o DefaultOptions) relTol() float64 {
	if !o.HasRelativeTolerance {
		return -1
	}
	return o.RelativeTolerance
}

// FloatsEnabled reports whether numeric tokens are compared as floats. As in
// problemtools this is the case when at least one tolerance is set and not
// negative (a negative tolerance, accepted by the lenient parser, is inert).
func (o DefaultOptions) FloatsEnabled() bool {
	return o.absTol() >= 0 || o.relTol() >= 0
}

// Flag words understood by the default checker.
const (
	FlagCaseSensitive          = "case_sensitive"
	FlagSpaceChangeSensitive   = "space_change_sensitive"
	FlagFloatTolerance         = "float_tolerance"
	FlagFloatAbsoluteTolerance = "float_absolute_tolerance"
	FlagFloatRelativeTolerance = "float_relative_tolerance"
)

// ErrInvalidFlags is wrapped by every error of ParseDefaultFlags and
// ParseDefaultFlagsStrict, so callers can tell a broken problem package
// (a Judge Error) from other failures with errors.Is.
var ErrInvalidFlags = errors.New("invalid default validator flags")

// ParseDefaultFlags parses the flag words of the default output validator,
// e.g. []string{"float_tolerance", "1e-6", "case_sensitive"}, the way
// problemtools does (legacy semantics):
//
//   - an unknown word is an error;
//   - a tolerance flag must be followed by a number in C strtod syntax
//     (decimal or hexadecimal, e.g. "1e-6", "0.5", "0x1p-20"); a missing
//     value, trailing garbage, inf, nan or an overflowing value is an error;
//   - a tolerance may be given several times: the last value wins, and
//     float_tolerance sets both the absolute and the relative tolerance, so
//     "float_tolerance 1e-6 float_absolute_tolerance 1e-9" means abs 1e-9,
//     rel 1e-6 (legacy packages do combine them like that);
//   - a negative tolerance is accepted and simply does not count as set
//     (problemtools compares against it, and nothing is within a negative
//     distance), so "float_tolerance -1" leaves float comparison off.
//
// Use ParseDefaultFlagsStrict for the stricter 2025-09 rules.
func ParseDefaultFlags(args []string) (DefaultOptions, error) {
	return parseDefaultFlags(args, false)
}

// ParseDefaultFlagsStrict is ParseDefaultFlags with the rules of the 2025-09
// package format on top: giving a tolerance twice, or combining
// float_tolerance with float_absolute_tolerance or float_relative_tolerance,
// is an error. It also rejects negative tolerances, which the lenient parser
// accepts but which silently turn float comparison off. Use it for packages
// that declare problem_format_version 2025-09 (or newer); legacy packages
// must go through ParseDefaultFlags, since they do combine the flags.
func ParseDefaultFlagsStrict(args []string) (DefaultOptions, error) {
	return parseDefaultFlags(args, true)
}

func parseDefaultFlags(args []string, strict bool) (DefaultOptions, error) {
	var opt DefaultOptions
	// Which tolerance flags were seen, for the strict checks.
	seen := map[string]bool{}
	for i := 0; i < len(args); i++ {
		word := args[i]
		switch word {
		case FlagCaseSensitive:
			opt.CaseSensitive = true
		case FlagSpaceChangeSensitive:
			opt.SpaceChangeSensitive = true
		case FlagFloatTolerance, FlagFloatAbsoluteTolerance, FlagFloatRelativeTolerance:
			if i+1 >= len(args) {
				return DefaultOptions{}, fmt.Errorf("%w: %s (argument %d) needs a number after it", ErrInvalidFlags, word, i+1)
			}
			v, ok := parseFlagFloat(args[i+1])
			if !ok {
				return DefaultOptions{}, fmt.Errorf("%w: %s (argument %d): %q is not a finite number", ErrInvalidFlags, word, i+1, args[i+1])
			}
			if strict {
				if seen[word] {
					return DefaultOptions{}, fmt.Errorf("%w: %s (argument %d) is given twice", ErrInvalidFlags, word, i+1)
				}
				if word == FlagFloatTolerance && (seen[FlagFloatAbsoluteTolerance] || seen[FlagFloatRelativeTolerance]) ||
					word != FlagFloatTolerance && seen[FlagFloatTolerance] {
					return DefaultOptions{}, fmt.Errorf("%w: %s (argument %d): %s cannot be combined with %s or %s",
						ErrInvalidFlags, word, i+1, FlagFloatTolerance, FlagFloatAbsoluteTolerance, FlagFloatRelativeTolerance)
				}
				if v < 0 {
					return DefaultOptions{}, fmt.Errorf("%w: %s (argument %d): tolerance %s is negative", ErrInvalidFlags, word, i+1, args[i+1])
				}
			}
			seen[word] = true
			switch word {
			case FlagFloatTolerance:
				opt.AbsoluteTolerance, opt.HasAbsoluteTolerance = v, true
				opt.RelativeTolerance, opt.HasRelativeTolerance = v, true
			case FlagFloatAbsoluteTolerance:
				opt.AbsoluteTolerance, opt.HasAbsoluteTolerance = v, true
			default:
				opt.RelativeTolerance, opt.HasRelativeTolerance = v, true
			}
			i++
		default:
			return DefaultOptions{}, fmt.Errorf("%w: unknown flag %q (argument %d); known flags are %s, %s, %s, %s and %s",
				ErrInvalidFlags, word, i+1, FlagCaseSensitive, FlagSpaceChangeSensitive,
				FlagFloatTolerance, FlagFloatAbsoluteTolerance, FlagFloatRelativeTolerance)
		}
	}
	return opt, nil
}

// parseFlagFloat parses a flag value like problemtools' isfloat does with
// sscanf("%lf%10s"): surrounding C whitespace is allowed, the rest must be
// one finite number in strtod syntax.
func parseFlagFloat(s string) (float64, bool) {
	s = strings.Trim(s, " \t\n\v\f\r")
	var fs floatScanner
	fs.feed([]byte(s))
	return fs.value()
}
