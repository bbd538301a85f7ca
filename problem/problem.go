// Package problem loads problem packages in the Kattis / ICPC problem package
// format (legacy, legacy-icpc, 2023-07-draft and 2025-09) from a directory or
// a .zip/.kpp archive into a validated value.
//
// Load only reads and checks: it never runs a program. A package that loads
// has a problem.yaml this package understands, test data in which every .in
// has its .ans, no symbolic link leaving the package, and file names that
// match the format's pattern. Anything wrong is reported as one *Error that
// names the problem and the file.
//
// Archives are untrusted: entries that would land outside the extraction
// directory, symbolic links leaving the package, duplicate names, and archives
// with too many entries or too many bytes are refused before or while they
// are extracted, and nothing is left behind on error.
//
// A loaded Problem is not modified by this package again; callers must treat
// it as read-only.
package problem

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/function"
)

// Format versions, as problem.yaml's problem_format_version names them.
const (
	FormatLegacy     = "legacy"        // the default when problem_format_version is missing
	FormatLegacyICPC = "legacy-icpc"   // the ICPC subset of legacy
	FormatDraft      = "2023-07-draft" // the draft of 2025-09 ("2023-07" is read as this too)
	Format2025       = "2025-09"
)

// Type is a problem's type: pass-fail or scoring.
type Type int

// Problem types.
const (
	PassFail Type = iota // every test case must be accepted
	Scoring              // an accepted submission also gets a score
)

// String returns the type as problem.yaml spells it.
func (t Type) String() string {
	if t == Scoring {
		return "scoring"
	}
	return "pass-fail"
}

// Verdict is a test case verdict as submissions.yaml names it.
type Verdict string

// Test case verdicts.
const (
	AC  Verdict = "AC"  // accepted
	WA  Verdict = "WA"  // wrong answer
	TLE Verdict = "TLE" // time limit exceeded
	RTE Verdict = "RTE" // run-time error
)

// A Problem is a loaded problem package.
type Problem struct {
	// Dir is the package directory, an absolute path with symbolic links
	// resolved. For an archive it lies inside a temporary directory that
	// Close removes.
	Dir string
	// ShortName is the package's directory name (for an archive: its
	// single top-level directory, or else the archive's base name without
	// extension).
	ShortName string
	// Name is the problem's name: problem.yaml's name (the English one when
	// there are several), else the LaTeX statement's \problemname, else
	// ShortName.
	Name string
	// UUID is problem.yaml's uuid, if any.
	UUID string
	// FormatVersion is one of FormatLegacy, FormatLegacyICPC, FormatDraft
	// and Format2025.
	FormatVersion string

	// Type is pass-fail or scoring.
	Type Type
	// Interactive is set for interactive problems (legacy "validation:
	// custom interactive", 2025-09 "type: interactive"): the output
	// validator runs alongside the submission.
	Interactive bool
	// MultiPass is set for multi-pass problems: the output validator may
	// ask for another run with feedback_dir/nextpass.in as input.
	MultiPass bool
	// Function is the signature of a function problem (type: function):
	// LeetCode-style, the submission is a function or class that the judge
	// calls on each test (see package function); nil for other problems.
	Function *function.Signature
	// Difficulty is problem.yaml's difficulty (easy, medium, hard), an
	// extension of the package format shown by the API; "" when absent.
	Difficulty string
	// Tags are problem.yaml's keywords and tags (an extension), in order.
	Tags []string
	// ValidatorScores is set when the output validator reports scores in
	// score.txt (legacy "validation: custom score"; a scoring problem with a
	// custom output validator in 2023-07-draft and 2025-09).
	ValidatorScores bool
	// LegacyGrading tells how results are combined. When set (legacy
	// packages, and 2023-07-draft packages configured only with
	// testdata.yaml, as problemtools' examples are), each group is graded
	// by its Settings' OnReject, Grading, GraderFlags, AcceptScore,
	// RejectScore and Range. Otherwise the 2025-09 rules apply: MaxScore,
	// ScoreAggregation and RequirePass.
	LegacyGrading bool
	// Objective is legacy grading.objective: "max" (the default) when a
	// higher score is better, "min" when a lower one is.
	Objective string
	// AllowFileWriting is set when submissions may write files in their
	// working directory (always for legacy packages).
	AllowFileWriting bool
	// Languages lists the languages submissions may use; nil means all.
	Languages []string
	// Constants holds problem.yaml's constants, to substitute for {{name}}
	// in validators, included code and submissions. They are already
	// substituted in test_group.yaml.
	Constants map[string]string

	// Limits are the problem's limits, with the spec's defaults filled in.
	Limits Limits
	// ValidatorFlags holds legacy validator_flags split into words. They
	// are already part of every Case's OutputValidatorArgs.
	ValidatorFlags []string

	// OutputValidator is the custom output validator, or nil when the
	// default validator is to be used.
	OutputValidator *Program
	// InputValidators are the programs (or .ctd / .viva files) that check
	// test case inputs.
	InputValidators []Program
	// Graders are legacy graders/ programs, used by groups whose Grading is
	// "custom".
	Graders []Program
	// Include maps a language code ("cpp", "java", "default", ...) to the
	// directory of files copied into every submission in that language.
	Include map[string]string

	// Data is the root test data group, data/ itself. Its entries are the
	// groups sample (when present) and secret, in that order.
	Data *Group
	// Submissions are the example submissions under submissions/, sorted
	// by name.
	Submissions []Submission
	// Statements are the problem statements; the English one, when there
	// is one, comes first.
	Statements []Statement

	// Warnings lists what the package gets wrong without being unusable:
	// files that were ignored, keys this package does not know in
	// lenient places, and the like.
	Warnings []string

	tmp string // the extraction directory to remove, for an archive
}

// Limits are a problem's limits. Sizes are in bytes.
type Limits struct {
	// TimeLimit is the time limit per test case, or 0 when it must be
	// computed from the accepted submissions' running times (legacy
	// packages without .timelimit, and 2025-09 packages without
	// limits.time_limit).
	TimeLimit time.Duration
	// TimeMultiplier is ac_to_time_limit (legacy time_multiplier): the
	// time limit is at least the slowest accepted time times this.
	TimeMultiplier float64
	// SafetyMargin is time_limit_to_tle (legacy time_safety_margin):
	// time_limit_exceeded submissions must run at least TimeLimit times
	// this.
	SafetyMargin float64
	// TimeResolution is the granularity of a computed time limit (1s for
	// legacy packages).
	TimeResolution time.Duration

	// Memory is a submission's memory limit (2 GiB by default).
	Memory int64
	// Output caps a submission's output (8 MiB by default).
	Output int64
	// Code caps a submission's source size (128 KiB by default).
	Code int64
	// CompilationTime and CompilationMemory limit compilers (60s and 2
	// GiB by default).
	CompilationTime   time.Duration
	CompilationMemory int64
	// ValidationTime, ValidationMemory and ValidationOutput limit
	// validators (60s, 2 GiB and 8 MiB by default).
	ValidationTime   time.Duration
	ValidationMemory int64
	ValidationOutput int64
	// ValidationPasses is the most passes a multi-pass problem may run.
	ValidationPasses int
}

// A Program is a validator, grader or submission: a single file or a
// directory.
type Program struct {
	// Name identifies the program among those of its kind: the file or
	// directory base name, and for a submission its path under
	// submissions/, such as "accepted/hello.py".
	Name string
	// Path is the absolute path of the file or directory.
	Path  string
	IsDir bool
}

// A Statement is one problem statement file.
type Statement struct {
	Language string // "en", "pt-BR", ...
	Format   string // "tex", "md" or "pdf"
	Path     string
}

// A Group is a test data group: data/ itself, data/sample, data/secret, and
// the directories beneath them (in legacy and 2023-07-draft packages, every
// directory; in 2025-09, the directories right under secret, deeper ones only
// holding their test cases).
type Group struct {
	// Name is the group's path under data/, such as "secret/group1"; the
	// root group, data/ itself, has the empty name.
	Name string
	// Dir is the group's directory.
	Dir string
	// Settings are the group's settings: its own testdata.yaml or
	// test_group.yaml over the inherited ones, over the defaults.
	Settings Settings
	// Entries are the group's test cases and subgroups, in judging order.
	Entries []Entry
}

// An Entry is one item of a group: a test case or a subgroup.
type Entry struct {
	Case  *Case  // nil for a subgroup
	Group *Group // nil for a test case
}

// Settings configure a test data group. Validator arguments, Args and
// FullFeedback are inherited by descendant groups unless they set their own;
// legacy grading settings too. MaxScore, ScoreAggregation and RequirePass are
// not inherited.
type Settings struct {
	// OnReject is "break" (stop the group at the first rejected test case
	// or subgroup) or "continue".
	OnReject string
	// Grading is "default" or "custom" (one of the Graders).
	Grading string
	// GraderFlags are the arguments to the grader, such as "min" or
	// "ignore_sample".
	GraderFlags []string
	// AcceptScore and RejectScore are a test case's score when the
	// validator gives none (scoring problems).
	AcceptScore, RejectScore float64
	// Range is the least and the greatest score of the group (scoring
	// problems); -Inf and +Inf by default.
	Range [2]float64

	// InputValidatorArgs maps an input validator's name to its arguments;
	// the arguments under "" go to every validator that has no entry of
	// its own.
	InputValidatorArgs map[string][]string
	// OutputValidatorArgs are the group's output validator arguments
	// (without the problem's ValidatorFlags).
	OutputValidatorArgs []string
	// Args are passed to the submission on its command line.
	Args []string
	// FullFeedback is set when a failed test case may be shown in full
	// (true in sample by default).
	FullFeedback bool

	// The 2025-09 score settings, set only in scoring problems without
	// LegacyGrading, and only in secret and its groups (zero elsewhere).
	//
	// MaxScore is the group's maximum score, +Inf when unbounded (by
	// default 100 in secret, unbounded in its groups).
	MaxScore float64
	// ScoreAggregation is "pass-fail", "sum" or "min" (by default "sum" in
	// secret, "pass-fail" in its groups).
	ScoreAggregation string
	// RequirePass names the groups (or "sample") whose test cases must all
	// be accepted for this group to be scored.
	RequirePass []string
}

// A Case is one test case.
type Case struct {
	// Name is the case's path under data/ without extension, such as
	// "secret/group1/01".
	Name string
	// InPath and AnsPath are the .in and .ans files.
	InPath, AnsPath string
	// InteractionPath is the sample's .interaction file, or "".
	InteractionPath string
	// FilesDir is the .files directory copied into the submission's
	// working directory, or "".
	FilesDir string

	// Args are passed to the submission on its command line.
	Args []string
	// OutputValidatorArgs are the complete extra arguments to the output
	// validator: the problem's ValidatorFlags, then the group's or the
	// case's own.
	OutputValidatorArgs []string
	// InputValidatorArgs are keyed like Settings.InputValidatorArgs; see
	// InputValidatorArgsFor.
	InputValidatorArgs map[string][]string
	// FullFeedback is set when the case may be shown in full on failure.
	FullFeedback bool
	// Hint and Description come from the case's .yaml (or legacy .hint
	// and .desc files).
	Hint, Description string
}

// InputValidatorArgsFor returns the arguments for the input validator with
// the given name (the test case's Args are to be appended after them).
func (c *Case) InputValidatorArgsFor(name string) []string {
	if a, ok := c.InputValidatorArgs[name]; ok {
		return a
	}
	return c.InputValidatorArgs[""]
}

// A Submission is an example submission.
type Submission struct {
	Program
	// Category is the directory under submissions/ that holds it:
	// "accepted", "wrong_answer", "time_limit_exceeded",
	// "run_time_error", "partially_accepted" (legacy), "rejected",
	// "brute_force" (2025-09), or a directory of the package's own.
	Category string
	// Language and Entrypoint come from submissions.yaml; "" means they
	// are to be detected.
	Language, Entrypoint string
	// ModelSolution comes from submissions.yaml.
	ModelSolution bool
	// Requirements must all hold for the submission: first the defaults
	// of its Category (as submissions.yaml may change them), then those of
	// every submissions.yaml entry that matches it. A legacy
	// partially_accepted submission's default has empty verdict sets: its
	// overall verdict must be accepted, without the maximum score.
	Requirements []Requirement
}

// A Requirement constrains the verdicts of a submission on a set of test
// cases.
type Requirement struct {
	// Scope is the test case or group glob the requirement is limited to,
	// as submissions.yaml writes it; "" covers every test case.
	Scope string
	// Cases are the names of the test cases in Scope, in judging order;
	// nil when Scope is "".
	Cases []string
	// Permitted: every test case must get one of these verdicts. Nil
	// permits any verdict.
	Permitted []Verdict
	// Required: at least one test case must get one of these verdicts.
	// Nil requires nothing.
	Required []Verdict
	// Score is nil, or the inclusive range [min, max] the score (of the
	// submission, or of the group in Scope) must fall in.
	Score []float64
	// Message must appear in at least one judgemessage.txt, unless "".
	Message string
	// UseForTimeLimit is "" (decided by the verdict sets), "true",
	// "false", "lower" or "upper", as submissions.yaml gives it.
	UseForTimeLimit string
}

// Cases returns the test cases in the group and its descendants, in judging
// order.
func (g *Group) Cases() []*Case {
	var cs []*Case
	for _, e := range g.Entries {
		if e.Case != nil {
			cs = append(cs, e.Case)
		} else {
			cs = append(cs, e.Group.Cases()...)
		}
	}
	return cs
}

// Group returns the group with the given name ("", "sample", "secret",
// "secret/group1", ...), or nil.
func (p *Problem) Group(name string) *Group {
	var find func(g *Group) *Group
	find = func(g *Group) *Group {
		if g.Name == name {
			return g
		}
		for _, e := range g.Entries {
			if e.Group != nil && (name == e.Group.Name || strings.HasPrefix(name, e.Group.Name+"/")) {
				return find(e.Group)
			}
		}
		return nil
	}
	if p.Data == nil {
		return nil
	}
	return find(p.Data)
}

// Cases returns all test cases, in judging order: samples first.
func (p *Problem) Cases() []*Case {
	if p.Data == nil {
		return nil
	}
	return p.Data.Cases()
}

// Close removes the directory an archive was extracted into. It does nothing
// for a package loaded from a directory. Close is not safe to call
// concurrently with itself.
func (p *Problem) Close() error {
	if p.tmp == "" {
		return nil
	}
	err := os.RemoveAll(p.tmp)
	if err == nil {
		p.tmp = ""
	}
	return err
}

// An Error reports what is wrong with a problem package. Load returns an
// *Error for every fault of the package itself; other errors (a temporary
// directory that cannot be created, say) are returned as they are.
type Error struct {
	// Problem is the package's short name.
	Problem string
	// File is the faulty file's path in the package, with slashes (for an
	// archive member refused while extracting: its name in the archive);
	// "" when the fault is the package's as a whole.
	File string
	// Err says what is wrong.
	Err error
}

func (e *Error) Error() string {
	if e.File == "" {
		return fmt.Sprintf("problem %q: %v", e.Problem, e.Err)
	}
	return fmt.Sprintf("problem %q: %s: %v", e.Problem, e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Errors wrapped by *Error, for errors.Is.
var (
	// ErrUnsafePath: an archive entry or symbolic link would reach outside
	// the package.
	ErrUnsafePath = errors.New("path leaves the package")
	// ErrTooLarge: a package holds too many files, or an archive too many
	// bytes.
	ErrTooLarge = errors.New("package too large")
)

// Default limits of Options.
const (
	DefaultMaxFiles = 100_000
	DefaultMaxSize  = 2 << 30 // 2 GiB
)

// Options configure Load. The zero value uses the defaults.
type Options struct {
	// MaxFiles caps the number of entries in an archive and the number of
	// files and directories in a package; DefaultMaxFiles when 0.
	MaxFiles int
	// MaxSize caps the bytes an archive extracts to; DefaultMaxSize when 0.
	MaxSize int64
	// TempDir is where archives are extracted; os.TempDir() when "".
	TempDir string
}

// Load reads the package at path, a directory or a .zip or .kpp archive,
// with the default Options.
func Load(path string) (*Problem, error) {
	return Options{}.Load(path)
}

// Load reads the package at path, a directory or a .zip or .kpp archive. An
// archive is extracted into a new temporary directory under o.TempDir, which
// the Problem's Close removes. On error nothing is left behind and the
// Problem is nil.
func (o Options) Load(path string) (*Problem, error) {
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	if o.MaxSize <= 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.TempDir == "" {
		o.TempDir = os.TempDir()
	}
	short := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	fi, err := os.Stat(path)
	if err != nil {
		return nil, &Error{Problem: short, Err: err}
	}
	if fi.IsDir() {
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, &Error{Problem: filepath.Base(path), Err: err}
		}
		dir, err := filepath.EvalSymlinks(abs)
		if err != nil {
			return nil, &Error{Problem: filepath.Base(abs), Err: err}
		}
		return o.load(dir, filepath.Base(abs), "")
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".zip", ".kpp":
	default:
		return nil, &Error{Problem: short, Err: errors.New("not a directory, .zip or .kpp file")}
	}
	tmp, err := os.MkdirTemp(o.TempDir, "verdict-problem-")
	if err != nil {
		return nil, fmt.Errorf("problem %q: %w", short, err)
	}
	// The package's links are checked against its real, absolute path.
	if real, err := filepath.Abs(tmp); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("problem %q: %w", short, err)
	} else if tmp, err = filepath.EvalSymlinks(real); err != nil {
		os.RemoveAll(real)
		return nil, fmt.Errorf("problem %q: %w", short, err)
	}
	dir, top, err := extract(path, tmp, o)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, &Error{Problem: short, File: errFile(err), Err: errCause(err)}
	}
	if top != "" {
		short = top
	}
	p, err := o.load(dir, short, tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return p, nil
}

// load reads the package in dir, which has been checked to be an absolute
// path without symbolic links.
func (o Options) load(dir, short, tmp string) (*Problem, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, &Error{Problem: short, Err: err}
	}
	defer root.Close()
	l := &loader{
		opts: o,
		dir:  dir,
		root: root,
		fsys: root.FS(),
		p:    &Problem{Dir: dir, ShortName: short, tmp: tmp},
	}
	if err := l.loadAll(); err != nil {
		return nil, &Error{Problem: short, File: errFile(err), Err: errCause(err)}
	}
	return l.p, nil
}

// fileError is an error about one file of the package, turned into an *Error
// by Load.
type fileError struct {
	file string
	err  error
}

func (e *fileError) Error() string { return e.file + ": " + e.err.Error() }
func (e *fileError) Unwrap() error { return e.err }

// ferr returns an error about file.
func ferr(file string, format string, args ...any) error {
	return &fileError{file: file, err: fmt.Errorf(format, args...)}
}

// wrapf wraps err as an error about file.
func wrapf(file string, err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return err
	}
	return &fileError{file: file, err: err}
}

func errFile(err error) string {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.file
	}
	return ""
}

func errCause(err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.err
	}
	return err
}

// seconds converts a positive number of seconds into a Duration.
func seconds(s float64) (time.Duration, error) {
	if math.IsNaN(s) || s <= 0 || s > 7*24*3600 {
		return 0, fmt.Errorf("%v seconds is out of range", s)
	}
	return time.Duration(math.Round(s * float64(time.Second))), nil
}
