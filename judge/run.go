package judge

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/sandbox"
)

// Verdict is the judgement of a test or of a whole submission.
type Verdict string

// The verdicts, as contest judges give them. JE is a judge error: the
// judging failed, never the submission's fault.
const (
	AC  Verdict = "AC" // accepted
	WA  Verdict = "WA" // wrong answer
	TLE Verdict = "TLE"
	MLE Verdict = "MLE"
	OLE Verdict = "OLE"
	RE  Verdict = "RE"
	CE  Verdict = "CE"
	JE  Verdict = "JE"
)

// TestCase is one test: an input, the expected answer, and how to check.
type TestCase struct {
	Name   string // e.g. secret/group1/03
	Group  string // e.g. secret/group1
	Input  string // host path of the .in file
	Answer string // host path of the .ans file
	// Args are extra command-line arguments of the submission (2025-09).
	Args []string
	// CheckArgs are the output validator's flags for this test.
	CheckArgs []string
	// FilesDir is the test case's .files directory, copied into the
	// submission's work directory over its own files; "" for none.
	FilesDir string
}

// TestResult is what one test gave.
type TestResult struct {
	Name      string  `json:"name"`
	Group     string  `json:"group"`
	Verdict   Verdict `json:"verdict"`
	CPUMs     float64 `json:"cpu_ms"`
	WallMs    float64 `json:"wall_ms"`
	MemoryKiB int64   `json:"memory_kib"`
	Message   string  `json:"message,omitempty"`
	Score     float64 `json:"score,omitempty"`
	// ValidatorScore and ScoreMultiplier are what the output validator
	// wrote in score.txt and score_multiplier.txt, if anything (scoring
	// problems); Score is computed from them.
	ValidatorScore  *float64 `json:"validator_score,omitempty"`
	ScoreMultiplier *float64 `json:"score_multiplier,omitempty"`
	// Output is what the program printed, for sample tests only (capped
	// at MaxShownOutput); a function problem's result value as JSON.
	Output string `json:"output,omitempty"`
}

// RunLimits are the limits of a submission's run on one test.
type RunLimits struct {
	Time   time.Duration // CPU time
	Memory int64         // bytes
	Output int64         // bytes of standard output
}

// Checker decides whether a submission's output for a test is right.
// An error is a judge error.
type Checker interface {
	Check(ctx context.Context, tc *TestCase, output []byte) (ok bool, message string, err error)
}

// sandboxLimits turns a problem's limits into the sandbox's, with the room
// the language needs.
func sandboxLimits(p *Program, lim RunLimits) sandbox.Limits {
	l := sandbox.Limits{
		CPU:    lim.Time,
		Wall:   2*lim.Time + time.Second,
		Memory: lim.Memory + int64(p.Lang.RunLimits.ExtraMemoryMiB)<<20,
		Pids:   max(16, p.Lang.RunLimits.Pids),
		Stdout: lim.Output,
		// Standard error is not the answer: a crash report (a Go program's
		// dump of thousands of goroutines) must not turn into OLE. The
		// sandbox's default cap bounds a flood.
		Stderr: sandbox.DefaultLimits.Stderr,
	}
	return l
}

// RunTest runs the program on one test and checks its output.
func RunTest(ctx context.Context, sb *sandbox.Sandbox, p *Program, tc *TestCase, lim RunLimits, chk Checker) TestResult {
	tr := TestResult{Name: tc.Name, Group: tc.Group}
	in, err := os.Open(tc.Input)
	if err != nil {
		tr.Verdict, tr.Message = JE, fmt.Sprintf("test input: %v", err)
		return tr
	}
	defer in.Close()
	if err := checkAnswer(tc); err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return tr
	}
	sl := sandboxLimits(p, lim)
	args := append(p.Args(lim.Memory), tc.Args...)
	files, err := runFiles(p, tc)
	if err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return tr
	}
	res, err := sb.Run(ctx, &sandbox.Spec{Args: args, Env: p.Lang.Env, Stdin: in, Files: files, Limits: sl})
	if err != nil {
		tr.Verdict, tr.Message = JE, err.Error()
		return tr
	}
	tr.CPUMs = float64(res.CPU.Microseconds()) / 1000
	tr.WallMs = float64(res.Wall.Microseconds()) / 1000
	tr.MemoryKiB = res.Memory >> 10
	if v, msg := runVerdict(res); v != "" {
		tr.Verdict, tr.Message = v, msg
		return tr
	}
	tr.Verdict, tr.Message = checkOutput(ctx, chk, tc, res.Stdout, &tr)
	if tc.Visible() {
		tr.Output = clipOutput(res.Stdout)
	}
	return tr
}

// MaxShownOutput caps the output a TestResult shows of a sample test.
const MaxShownOutput = 64 << 10

// Visible reports whether the test is a sample, whose data its author
// may see (hidden tests never show theirs).
func (tc *TestCase) Visible() bool {
	return tc.Group == "sample" || strings.HasPrefix(tc.Group, "sample/")
}

// clipOutput is the part of a program's output a result shows.
func clipOutput(b []byte) string {
	if len(b) > MaxShownOutput {
		return strings.ToValidUTF8(string(b[:MaxShownOutput]), "\uFFFD") + "\n[output cut at 64 KiB]\n"
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// runVerdict is the verdict of a run that did not end normally, with its
// message; "" when the program exited with status 0.
func runVerdict(res *sandbox.Result) (Verdict, string) {
	switch v := StatusVerdict(res.Status); v {
	case AC:
		return "", ""
	case RE:
		msg := res.Message
		if len(res.Stderr) > 0 {
			msg += ": " + tail(string(res.Stderr), 2000)
		}
		return RE, msg
	default:
		return v, res.Message
	}
}

// StatusVerdict is the verdict of a run that ended with the sandbox's
// status s, before its output is checked: AC for a run that ended well,
// JE for the sandbox's own failure.
func StatusVerdict(s sandbox.Status) Verdict {
	switch s {
	case sandbox.StatusOK:
		return AC
	case sandbox.StatusTLE:
		return TLE
	case sandbox.StatusMLE:
		return MLE
	case sandbox.StatusOLE:
		return OLE
	case sandbox.StatusRE:
		return RE
	}
	return JE
}

// tail keeps the end of s, where a crash's message is.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
