package judge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/function"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// Function problems (LeetCode style): the submission is a function or a
// class; package function generates the program around it. All the tests
// run in one process, one after another: the driver reads one test a line
// on standard input and writes each test's result and time (of the user's
// code only) to function.ResultsFile.
//
// CPU limit of a run: the time limit times the number of tests still to
// run, capped at max(time limit, functionBatchCap), plus functionStartup
// for the language's start-up. A test whose result came with a time over
// the time limit is TLE. A run that hits its limit in a test that was not
// its first is started again from that test (test by test from then on:
// the time limit plus functionStartup), so that a test is only TLE for
// its own time, never for the sum of the others'; a test that was the
// first of its run is TLE. A hanging solution thus costs at most
// functionBatchCap + functionStartup of CPU time.
const (
	functionStartup  = 2 * time.Second
	functionBatchCap = 5 * time.Second
	// maxFunctionStdout is the most of the user's standard output kept
	// in the report.
	maxFunctionStdout = 64 << 10
	// maxResultsSize caps the driver's results file (file size limit of
	// the run: beyond it the run is OLE).
	maxResultsSize = 64 << 20
)

// functionTest is one test of a function problem.
type functionTest struct {
	tc     *TestCase
	test   *function.Test
	answer []byte
}

// functionTests reads and checks every test of a function problem, in
// judging order. An error names the test; it is the package's fault.
func functionTests(p *problem.Problem, checkAnswers bool) ([]functionTest, error) {
	var tests []functionTest
	for _, c := range p.Cases() {
		in, err := os.ReadFile(c.InPath)
		if err != nil {
			return nil, fmt.Errorf("judge: test %s: %w", c.Name, err)
		}
		t, err := p.Function.ParseTest(in)
		if err != nil {
			return nil, fmt.Errorf("judge: test %s: %w", c.Name, err)
		}
		ans, err := os.ReadFile(c.AnsPath)
		if err != nil {
			return nil, fmt.Errorf("judge: test %s: %w", c.Name, err)
		}
		if checkAnswers {
			if err := p.Function.CheckAnswer(t, ans); err != nil {
				return nil, fmt.Errorf("judge: test %s: %w", c.Name, err)
			}
		}
		tests = append(tests, functionTest{tc: testCase(c), test: t, answer: ans})
	}
	return tests, nil
}

// submitFunction judges a submission to a function problem.
func (j *Judge) submitFunction(ctx context.Context, p *problem.Problem, l *lang.Language, srcs []Source, opt Options) (*Report, error) {
	if err := CheckSources(srcs, p.Limits.Code); err != nil {
		return nil, err
	}
	if len(srcs) != 1 {
		return nil, &SourceError{fmt.Sprintf("a function problem takes one source file, not %d", len(srcs))}
	}
	gen, err := function.GeneratorFor(l.ID)
	var prog *function.Program
	if err == nil {
		prog, err = gen.Program(p.Function, srcs[0].Data)
	}
	if errors.Is(err, function.ErrNoDriver) {
		return nil, &SourceError{fmt.Sprintf("function problems are not available in %s yet", l.Name)}
	}
	if err != nil {
		return nil, &SourceError{err.Error()}
	}
	tests, err := functionTests(p, p.OutputValidator == nil && !opt.NoAnswers)
	if err != nil {
		return nil, err
	}

	rep := &Report{Language: l.ID, Tests: []TestResult{}}
	opt.progress(Progress{Stage: StageCompiling})
	gsrcs := make([]Source, len(prog.Files))
	for i, f := range prog.Files {
		gsrcs[i] = Source{Name: f.Name, Data: f.Data}
	}
	comp, err := j.Compiler.Compile(ctx, l, gsrcs)
	if err != nil {
		return nil, err
	}
	rep.Compile = CompileReport{OK: comp.OK, Output: function.MapMessage(comp.Output, prog), Cached: comp.Cached}
	if !comp.OK {
		rep.Verdict = CE
		return rep, nil
	}
	var chk Checker
	if p.OutputValidator != nil {
		if chk, err = j.checkerFor(ctx, p); err != nil {
			return nil, err
		}
	}
	lim := runLimits(p, opt)
	rep.TimeLimitMs = lim.Time.Milliseconds()
	rep.Verdict = AC

	fr := &functionRun{j: j, p: p, prog: prog, comp: comp.Program, sig: p.Function, lim: lim, chk: chk, tests: tests, rep: rep, opt: &opt}
	if err := fr.judge(ctx); err != nil {
		return nil, err
	}
	if rep.Verdict == AC {
		rep.Score = 1
	}
	return rep, nil
}

// functionRun is the judging of one submission to a function problem.
type functionRun struct {
	j     *Judge
	p     *problem.Problem
	prog  *function.Program
	comp  *Program
	sig   *function.Signature
	lim   RunLimits
	chk   Checker // the problem's output validator, or nil
	tests []functionTest
	rep   *Report
	opt   *Options
	done  bool // stop: a failure and not RunAll, or a judge error
}

// judge runs the tests, in as many runs as it takes.
func (f *functionRun) judge(ctx context.Context) error {
	from, afterTLE := 0, false
	for from < len(f.tests) && !f.done {
		budget := min(f.lim.Time*time.Duration(len(f.tests)-from), max(f.lim.Time, functionBatchCap))
		if afterTLE {
			// The last run ran out of time: go on test by test's limit.
			budget = f.lim.Time
		}
		budget += functionStartup
		res, results, perr, err := f.run(ctx, from, budget)
		if err != nil {
			return err
		}
		afterTLE = res.Status == sandbox.StatusTLE
		for i, r := range results {
			f.add(ctx, from+i, f.fromResult(ctx, from+i, r, res))
			if f.done {
				return ctx.Err()
			}
		}
		next := from + len(results)
		if next == len(f.tests) {
			return nil
		}
		if len(results) > 0 && !results[len(results)-1].OK {
			// The user's code threw: the driver stopped after that test.
			from = next
			continue
		}
		// Test next has no result: the run ended before it.
		if res.Status == sandbox.StatusTLE && next != from {
			// The tests before it used the run's time: it gets a run
			// that starts with it.
			from = next
			continue
		}
		tr := f.result(next, res)
		switch {
		case perr != nil:
			tr.Verdict, tr.Message = RE, perr.Error()
		case res.Status == sandbox.StatusOK:
			tr.Verdict, tr.Message = RE, "the program ended before this test's result"
		default:
			tr.Verdict, tr.Message = runVerdict(res)
			tr.Message = function.MapMessage(tr.Message, f.prog)
		}
		if res.Status == sandbox.StatusTLE {
			tr.CPUMs = float64(res.CPU.Microseconds()) / 1000
		}
		f.add(ctx, next, tr)
		from = next + 1
	}
	return ctx.Err()
}

// run runs the program once on the tests from index from on.
func (f *functionRun) run(ctx context.Context, from int, budget time.Duration) (*sandbox.Result, []function.Result, error, error) {
	var in bytes.Buffer
	for _, t := range f.tests[from:] {
		in.Write(t.test.Line())
		in.WriteByte('\n')
	}
	sl := sandboxLimits(f.comp, RunLimits{Time: budget, Memory: f.lim.Memory, Output: f.lim.Output})
	sl.FileSize = maxResultsSize
	res, err := f.j.SB.Run(ctx, &sandbox.Spec{
		Args: f.comp.Args(f.lim.Memory), Env: f.comp.Lang.Env, Stdin: &in, Files: f.comp.Files, Limits: sl,
		Collect: []string{function.ResultsFile}, CollectLimit: maxResultsSize + 1,
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("judge: run: %w", err)
	}
	if res.Status == sandbox.StatusIE {
		return nil, nil, nil, fmt.Errorf("judge: run: %s", res.Message)
	}
	if len(f.rep.Stdout) < maxFunctionStdout {
		out := string(res.Stdout)
		if len(f.rep.Stdout)+len(out) > maxFunctionStdout {
			out = strings.ToValidUTF8(out[:maxFunctionStdout-len(f.rep.Stdout)], "\uFFFD") + "\n[output cut]"
		}
		f.rep.Stdout += out
	}
	results, perr := function.ParseResults(res.Files[function.ResultsFile])
	if e, ok := res.FileErrors[function.ResultsFile]; ok && perr == nil && !strings.Contains(e, "no such file") {
		// The program replaced the results file (a link, a pipe...): the
		// sandbox would not read it back.
		perr = fmt.Errorf("the results file cannot be read back: %s", e)
	}
	if len(results) > len(f.tests)-from {
		results = results[:len(f.tests)-from]
	}
	return res, results, perr, nil
}

// result starts the result of test i from its run.
func (f *functionRun) result(i int, res *sandbox.Result) TestResult {
	tc := f.tests[i].tc
	return TestResult{Name: tc.Name, Group: tc.Group, MemoryKiB: res.Memory >> 10}
}

// fromResult judges test i from the line the driver wrote for it.
func (f *functionRun) fromResult(ctx context.Context, i int, r function.Result, res *sandbox.Result) TestResult {
	tr := f.result(i, res)
	tr.CPUMs = float64(r.NS) / 1e6
	tr.WallMs = tr.CPUMs
	if f.tests[i].tc.Visible() && r.OK {
		tr.Output = clipOutput(r.Value)
	}
	switch {
	case !r.OK:
		msg := string(bytes.TrimSpace(res.Stderr))
		if msg == "" {
			msg = r.Error
		}
		tr.Verdict, tr.Message = RE, function.MapMessage(tail(msg, 2000), f.prog)
	case time.Duration(r.NS) > f.lim.Time:
		tr.Verdict, tr.Message = TLE, fmt.Sprintf("%.0f ms in the solution; the time limit is %v", tr.CPUMs, f.lim.Time)
	case f.opt.NoAnswers:
		tr.Verdict, tr.Output = AC, clipOutput(r.Value)
	case f.chk != nil:
		ok, msg, err := f.chk.Check(ctx, f.tests[i].tc, append(append([]byte(nil), r.Value...), '\n'))
		switch {
		case err != nil:
			tr.Verdict, tr.Message = JE, err.Error()
		case ok:
			tr.Verdict, tr.Message = AC, msg
		default:
			tr.Verdict, tr.Message = WA, msg
		}
	default:
		ok, msg, err := f.sig.Check(f.tests[i].test, f.tests[i].answer, r.Value)
		switch {
		case err != nil:
			tr.Verdict, tr.Message = JE, err.Error()
		case ok:
			tr.Verdict = AC
		default:
			tr.Verdict, tr.Message = WA, msg
		}
	}
	return tr
}

// add records a test's result and says whether to go on.
func (f *functionRun) add(ctx context.Context, i int, tr TestResult) {
	rep := f.rep
	rep.Tests = append(rep.Tests, tr)
	f.opt.progress(Progress{Stage: StageRunning, Test: len(rep.Tests), Total: len(f.tests), Result: &tr})
	if ctx.Err() != nil {
		f.done = true
		return
	}
	if tr.Verdict == JE {
		rep.Verdict, rep.Message = JE, fmt.Sprintf("%s: %s", tr.Name, tr.Message)
		f.done = true
		return
	}
	if tr.Verdict != AC && rep.Verdict == AC {
		rep.Verdict = tr.Verdict
		if !f.opt.RunAll {
			f.done = true
		}
	}
}

// validateFunctionTests checks a function problem's tests against its
// signature, for `verdict problem verify`: each bad test is an invalid
// input.
func validateFunctionTests(p *problem.Problem, rep *VerifyReport) {
	if p.Function == nil {
		return
	}
	for _, c := range p.Cases() {
		in, err := os.ReadFile(c.InPath)
		if err == nil {
			var t *function.Test
			if t, err = p.Function.ParseTest(in); err == nil && p.OutputValidator == nil {
				var ans []byte
				if ans, err = os.ReadFile(c.AnsPath); err == nil {
					err = p.Function.CheckAnswer(t, ans)
				}
			}
		}
		if err != nil {
			rep.InvalidInputs = append(rep.InvalidInputs, InputCheck{Validator: "function signature", Case: c.Name, Message: err.Error()})
		}
	}
}
