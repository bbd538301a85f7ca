package judge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/checker"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// Judge judges submissions to problems.
type Judge struct {
	SB       *sandbox.Sandbox
	Compiler *Compiler
	Langs    *lang.Registry
}

// Options change how a submission is judged.
type Options struct {
	// RunAll runs every test even after a failure.
	RunAll bool
	// NoAnswers judges custom inputs that have no expected answers
	// (function problems' "Run" with custom input): a test whose program
	// gives a result is AC, and its result is shown as the test's Output.
	NoAnswers bool
	// TimeLimit overrides the problem's; used when the problem has none.
	TimeLimit time.Duration
	// Progress, when set, is called as the judging moves on: once when
	// compiling starts, and after each test with its result. It is called
	// from the judging goroutine and must not block for long.
	Progress func(Progress)
}

// Stage is where a judging is.
type Stage string

// The stages of a judging, as Progress reports them.
const (
	StageCompiling Stage = "compiling"
	StageRunning   Stage = "running"
)

// Progress is one step of a judging.
type Progress struct {
	Stage Stage `json:"stage"`
	// Test is the number of tests done so far (running stage), of Total.
	Test  int `json:"test,omitempty"`
	Total int `json:"total,omitempty"`
	// Result is the result of the test just done.
	Result *TestResult `json:"result,omitempty"`
}

// progress reports p when the options ask for it.
func (o *Options) progress(p Progress) {
	if o.Progress != nil {
		o.Progress(p)
	}
}

// DefaultTimeLimit is used when neither the problem nor the options give one.
const DefaultTimeLimit = time.Second

// CompileReport is the compile step of a Report.
type CompileReport struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"`
	Cached bool   `json:"cached"`
}

// Report is the judgement of one submission.
type Report struct {
	Verdict     Verdict       `json:"verdict"`
	Score       float64       `json:"score"`
	Language    string        `json:"language"`
	TimeLimitMs int64         `json:"time_limit_ms"`
	Compile     CompileReport `json:"compile"`
	Tests       []TestResult  `json:"tests"`
	Groups      []GroupResult `json:"groups,omitempty"`
	Message     string        `json:"message,omitempty"`
	// Stdout is what a function problem's solution printed (capped),
	// shown to its author; never part of the results.
	Stdout string `json:"stdout,omitempty"`
}

// ErrUnsupported is returned for problems of a kind this judge cannot judge yet.
var ErrUnsupported = errors.New("judge: not supported yet")

// Submit compiles and judges a submission. A *SourceError means the
// submission itself is malformed; any other error is a judge error.
func (j *Judge) Submit(ctx context.Context, p *problem.Problem, l *lang.Language, srcs []Source, opt Options) (*Report, error) {
	if p.Function != nil {
		return j.submitFunction(ctx, p, l, srcs, opt)
	}
	if err := CheckSources(srcs, p.Limits.Code); err != nil {
		return nil, err
	}
	srcs, err := includeSources(p, l, srcs)
	if err != nil {
		return nil, err
	}
	rep := &Report{Language: l.ID, Tests: []TestResult{}}
	opt.progress(Progress{Stage: StageCompiling})
	comp, err := j.Compiler.Compile(ctx, l, srcs)
	if err != nil {
		return nil, err
	}
	rep.Compile = CompileReport{OK: comp.OK, Output: comp.Output, Cached: comp.Cached}
	if !comp.OK {
		rep.Verdict = CE
		return rep, nil
	}
	chk, err := j.checkerFor(ctx, p)
	if err != nil {
		return nil, err
	}
	lim := runLimits(p, opt)
	rep.TimeLimitMs = lim.Time.Milliseconds()
	run := func(tc *TestCase) TestResult { return RunTest(ctx, j.SB, comp.Program, tc, lim, chk) }
	if p.Interactive {
		run = func(tc *TestCase) TestResult { return j.runInteractive(ctx, p, comp.Program, tc, lim, chk) }
	}
	if p.MultiPass {
		run = func(tc *TestCase) TestResult { return j.runMultiPass(ctx, p, comp.Program, tc, lim, chk) }
	}
	if opt.Progress != nil {
		total, done, runTest := len(p.Cases()), 0, run
		run = func(tc *TestCase) TestResult {
			tr := runTest(tc)
			done++
			opt.progress(Progress{Stage: StageRunning, Test: done, Total: total, Result: &tr})
			return tr
		}
	}
	if p.Type == problem.Scoring {
		if err := j.judgeScoring(ctx, p, run, rep); err != nil {
			return nil, err
		}
		return rep, nil
	}
	if gradedPassFail(p) {
		if err := j.judgePassFailGraded(ctx, p, run, rep); err != nil {
			return nil, err
		}
		return rep, nil
	}
	rep.Verdict = AC
	for _, c := range p.Cases() {
		tr := run(testCase(c))
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rep.Tests = append(rep.Tests, tr)
		if tr.Verdict == JE {
			rep.Verdict, rep.Message = JE, fmt.Sprintf("%s: %s", tr.Name, tr.Message)
			return rep, nil
		}
		if tr.Verdict != AC && rep.Verdict == AC {
			rep.Verdict = tr.Verdict
			if !opt.RunAll {
				break
			}
		}
	}
	if rep.Verdict == AC {
		rep.Score = 1
	}
	return rep, nil
}

// testCase turns a package's test case into the judge's.
func testCase(c *problem.Case) *TestCase {
	return &TestCase{
		Name: c.Name, Group: filepath.Dir(c.Name), Input: c.InPath, Answer: c.AnsPath,
		Args: c.Args, CheckArgs: c.OutputValidatorArgs, FilesDir: c.FilesDir,
	}
}

// checkerFor returns the problem's output validator: the default one, or
// its own program compiled once.
func (j *Judge) checkerFor(ctx context.Context, p *problem.Problem) (Checker, error) {
	if p.OutputValidator == nil {
		return defaultChecker{}, nil
	}
	comp, err := j.compileProgram(ctx, p, p.OutputValidator, "output validator")
	if err != nil {
		return nil, err
	}
	lim := sandbox.Limits{CPU: p.Limits.ValidationTime, Memory: p.Limits.ValidationMemory, Stdout: p.Limits.ValidationOutput, Stderr: 1 << 20, Pids: 64}
	if lim.CPU <= 0 {
		lim.CPU = 60 * time.Second
	}
	return &programChecker{sb: j.SB, prog: comp.Program, lim: lim, scores: p.ValidatorScores}, nil
}

// compileProgram compiles one of the package's own programs (a validator),
// with the package's constants substituted in its sources (2025-09).
func (j *Judge) compileProgram(ctx context.Context, p *problem.Problem, prog *problem.Program, what string) (*Compiled, error) {
	srcs, err := programSources(prog)
	if err != nil {
		return nil, err
	}
	for i := range srcs {
		srcs[i].Data = substituteConstants(p, srcs[i].Data)
	}
	l, ok := j.Langs.ForFile(srcs[0].Name)
	if !ok || l.Version == "" {
		return nil, fmt.Errorf("judge: %s %s: no language present here for it", what, prog.Path)
	}
	if len(srcs) == 1 {
		srcs[0].Name = l.SourceName(srcs[0].Data)
	}
	comp, err := j.Compiler.Compile(ctx, l, srcs)
	if err != nil {
		return nil, fmt.Errorf("judge: %s %s: %w", what, prog.Path, err)
	}
	if !comp.OK {
		return nil, fmt.Errorf("judge: %s %s does not compile: %s", what, prog.Path, comp.Output)
	}
	return comp, nil
}

// programSources reads a validator's files (a file, or a directory's files).
func programSources(prog *problem.Program) ([]Source, error) {
	if !prog.IsDir {
		b, err := os.ReadFile(prog.Path)
		if err != nil {
			return nil, fmt.Errorf("judge: %w", err)
		}
		return []Source{{Name: filepath.Base(prog.Path), Data: b}}, nil
	}
	entries, err := os.ReadDir(prog.Path)
	if err != nil {
		return nil, fmt.Errorf("judge: %w", err)
	}
	var srcs []Source
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(prog.Path, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("judge: %w", err)
		}
		srcs = append(srcs, Source{Name: e.Name(), Data: b})
	}
	if len(srcs) == 0 {
		return nil, fmt.Errorf("judge: %s: no source files", prog.Path)
	}
	// The file that selects the language first: the one with a known
	// extension other than headers.
	for i, s := range srcs {
		if ext := filepath.Ext(s.Name); ext != ".h" && ext != ".hpp" && ext != "" {
			srcs[0], srcs[i] = srcs[i], srcs[0]
			break
		}
	}
	return srcs, nil
}

// defaultChecker is the package format's default output validator.
type defaultChecker struct{}

func (defaultChecker) Check(ctx context.Context, tc *TestCase, output []byte) (bool, string, error) {
	opt, err := checker.ParseDefaultFlags(tc.CheckArgs)
	if err != nil {
		return false, "", fmt.Errorf("judge: validator flags: %w", err)
	}
	ans, err := os.Open(tc.Answer)
	if err != nil {
		return false, "", fmt.Errorf("judge: answer: %w", err)
	}
	defer ans.Close()
	res, err := checker.Default(ans, bytes.NewReader(output), opt)
	if err != nil {
		return false, "", fmt.Errorf("judge: default validator: %w", err)
	}
	return res.Accepted, res.Message, nil
}

// programChecker runs a problem's own output validator in the sandbox:
// `validator input answer feedback_dir/ [flags] < output`, exit 42 accepts,
// 43 rejects, anything else is a judge error.
type programChecker struct {
	sb   *sandbox.Sandbox
	prog *Program
	lim  sandbox.Limits
	// scores says the problem takes scores from the validator's score.txt
	// or score_multiplier.txt.
	scores bool
}

func (c *programChecker) Check(ctx context.Context, tc *TestCase, output []byte) (bool, string, error) {
	v, err := c.validate(ctx, tc, sandbox.File{Path: tc.Input}, output, nil)
	if err != nil {
		return false, "", err
	}
	return v.accepted, v.message, nil
}

// runLimits are the limits of a submission's runs: the problem's, the
// options' time limit over the problem's, and the judge's defaults.
func runLimits(p *problem.Problem, opt Options) RunLimits {
	lim := RunLimits{Time: p.Limits.TimeLimit, Memory: p.Limits.Memory, Output: p.Limits.Output}
	if opt.TimeLimit > 0 {
		lim.Time = opt.TimeLimit
	}
	if lim.Time <= 0 {
		lim.Time = DefaultTimeLimit
	}
	if lim.Memory <= 0 {
		lim.Memory = 1 << 30
	}
	if lim.Output <= 0 {
		lim.Output = 8 << 20
	}
	return lim
}
