package function

import (
	"errors"
	"fmt"
)

// ResultsFile is the file, in the work directory, where a driver writes
// one line of results per test (see Generator).
const ResultsFile = "results.jsonl"

// ErrNoDriver is returned for a language that has no driver generator.
var ErrNoDriver = errors.New("function: no driver for this language")

// A Generator writes, for one language, the program that runs a user's
// code on the tests of a function problem: the prelude LeetCode gives
// (imports, ListNode and TreeNode), the user's code unchanged, and a
// driver that parses each test, calls the user's code and writes the
// result.
//
// The driver's protocol:
//
//   - Standard input holds one test per line. For a function problem the
//     line is a JSON array of the arguments, in the order of the
//     parameters. For a design problem it is a JSON array of two arrays:
//     the names of the calls (the first is the class name: the
//     constructor) and their argument arrays, as LeetCode's two lines.
//     Values are parsed with a real JSON parser: every escape, \u with
//     surrogate pairs, exponents, any whitespace.
//   - integer is 32-bit, long 64-bit, double a float64; character is a
//     JSON string of one character; ListNode is the array of its values;
//     TreeNode is its level order with null holes (trailing nulls
//     trimmed); a null list or tree is [].
//   - For each test, in order, the driver builds fresh values, calls the
//     user's code (design: constructs the object, then calls each method),
//     and appends one line to ResultsFile, flushed at once:
//     {"ok":true,"value":V,"ns":N}, where V is the result as JSON (the
//     return value; parameter output.paramindex after the call for void
//     in-place problems; for a design problem the array of each call's
//     result, null for the constructor and void methods) and N the
//     nanoseconds spent in the user's code on that test (monotonic clock).
//     Doubles are written so that they read back as the same float64;
//     strings with exact JSON escaping.
//   - When the user's code throws (an exception, a panic), the driver
//     appends {"ok":false,"error":"message","ns":N}, writes the message
//     and the user's stack frames to standard error, and exits with
//     status 1. A crash (a signal) writes nothing: the host sees the run's
//     status.
//   - The user's code keeps the program's standard output and standard
//     error for its own prints; the driver never writes to standard
//     output.
//
// Generators are pure: they run nothing.
type Generator interface {
	// Starter returns the code a user starts from, as LeetCode's starter
	// code in that language.
	Starter(sig *Signature) (string, error)
	// Program returns the sources of the whole program around user, the
	// user's code. The language's compile command is given every file.
	Program(sig *Signature, user []byte) (*Program, error)
}

// Program is a generated program.
type Program struct {
	Files []File
	// UserFile is the name the user's code is shown as in messages
	// (solution.cpp, Solution.java, ...).
	UserFile string
	// Maps relate lines of generated files to the user's lines, for
	// messages that name a generated file (see MapMessage).
	Maps []LineMap
}

// File is one source file of a generated program.
type File struct {
	Name string
	Data []byte
}

// LineMap says that lines Start .. Start+Count-1 of the generated file
// File are lines 1 .. Count of the user's file.
type LineMap struct {
	File  string
	Start int
	Count int
}

// GeneratorFor returns the driver generator of a language id.
func GeneratorFor(langID string) (Generator, error) {
	switch langID {
	case "c":
		return cGen{}, nil
	case "cpp":
		return cppGen{}, nil
	case "python":
		return pythonGen{}, nil
	case "java":
		return javaGen{}, nil
	case "javascript":
		return javascriptGen{}, nil
	case "go":
		return goGen{}, nil
	case "rust":
		return rustGen{}, nil
	}
	return nil, fmt.Errorf("%w: %q", ErrNoDriver, langID)
}
