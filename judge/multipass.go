package judge

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// A multi-pass test (2025-09 type multi-pass) runs the submission several
// times. After each pass the output validator either decides (exit 43:
// wrong answer; exit 42 without nextpass.in: accepted) or asks for another
// pass by exiting 42 with feedback_dir/nextpass.in, which becomes the
// input of the next pass: the submission's standard input, and the
// validator's input_file (problemtools passes it so). The feedback
// directory persists between passes, nextpass.in aside. Time and memory
// limits apply to each pass on its own; the test reports its largest pass.
// Writing nextpass.in and rejecting, or asking for more passes than
// limits.validation_passes, is a judge error. A multi-pass problem may
// also be interactive: each pass is then an interaction.

// runMultiPass runs the program on one test of a multi-pass problem.
func (j *Judge) runMultiPass(ctx context.Context, p *problem.Problem, prog *Program, tc *TestCase, lim RunLimits, chk Checker) TestResult {
	tr := TestResult{Name: tc.Name, Group: tc.Group}
	val, ok := chk.(*programChecker)
	if !ok {
		tr.Verdict, tr.Message = JE, "judge: a multi-pass problem without an output validator"
		return tr
	}
	passes := p.Limits.ValidationPasses
	if passes < 2 {
		passes = 2
	}
	input := sandbox.File{Path: tc.Input}
	var fb map[string][]byte
	for pass := 1; ; pass++ {
		var pr passResult
		if p.Interactive {
			pr = j.interactivePass(ctx, prog, tc, lim, val, input, fb)
		} else {
			pr = j.batchPass(ctx, prog, tc, lim, val, input, fb)
		}
		// Each pass has its own limits: the test reports the largest.
		tr.CPUMs = max(tr.CPUMs, pr.tr.CPUMs)
		tr.WallMs = max(tr.WallMs, pr.tr.WallMs)
		tr.MemoryKiB = max(tr.MemoryKiB, pr.tr.MemoryKiB)
		usage := tr
		if pr.fb != nil {
			fb = pr.fb
		}
		next, more := pr.fb[nextPassFile]
		if pr.byValidator && more && pr.tr.Verdict != AC {
			tr.Verdict = JE
			tr.Message = fmt.Sprintf("judge: pass %d: the output validator wrote %s but rejected the output (exit 43); it must exit with 42 to ask for another pass", pass, nextPassFile)
			return tr
		}
		if pr.tr.Verdict != AC || !more {
			final := pr.finish(val.scores)
			final.CPUMs, final.WallMs, final.MemoryKiB = usage.CPUMs, usage.WallMs, usage.MemoryKiB
			if pass > 1 && final.Verdict != AC {
				final.Message = fmt.Sprintf("pass %d: %s", pass, final.Message)
			}
			return final
		}
		if pass >= passes {
			tr.Verdict = JE
			tr.Message = fmt.Sprintf("judge: the output validator asked for pass %d, but limits.validation_passes is %d", pass+1, passes)
			return tr
		}
		if err := ctx.Err(); err != nil {
			tr.Verdict, tr.Message = JE, err.Error()
			return tr
		}
		delete(fb, nextPassFile)
		input = sandbox.File{Data: next}
	}
}

// batchPass runs the program once on input, then the output validator on
// its output, starting from the feedback directory fb.
func (j *Judge) batchPass(ctx context.Context, prog *Program, tc *TestCase, lim RunLimits, val *programChecker, input sandbox.File, fb map[string][]byte) passResult {
	pr := passResult{tr: TestResult{Name: tc.Name, Group: tc.Group}}
	if err := checkAnswer(tc); err != nil {
		pr.tr.Verdict, pr.tr.Message = JE, err.Error()
		return pr
	}
	stdin, closeIn, err := openInput(input)
	if err != nil {
		pr.tr.Verdict, pr.tr.Message = JE, fmt.Sprintf("judge: test input: %v", err)
		return pr
	}
	defer closeIn()
	files, err := runFiles(prog, tc)
	if err != nil {
		pr.tr.Verdict, pr.tr.Message = JE, err.Error()
		return pr
	}
	res, err := j.SB.Run(ctx, &sandbox.Spec{
		Args: append(prog.Args(lim.Memory), tc.Args...), Env: prog.Lang.Env,
		Stdin: stdin, Files: files, Limits: sandboxLimits(prog, lim),
	})
	if err != nil {
		pr.tr.Verdict, pr.tr.Message = JE, err.Error()
		return pr
	}
	setUsage(&pr.tr, res)
	if v, msg := runVerdict(res); v != "" {
		pr.tr.Verdict, pr.tr.Message = v, msg
		return pr
	}
	v, err := val.validate(ctx, tc, input, res.Stdout, fb)
	if err != nil {
		pr.tr.Verdict, pr.tr.Message = JE, err.Error()
		return pr
	}
	pr.fb, pr.byValidator = v.feedback, true
	pr.tr.Verdict, pr.tr.Message = WA, v.message
	if v.accepted {
		pr.tr.Verdict = AC
	}
	return pr
}

// openInput opens a pass's input: a host file (the test's .in), or the
// bytes of the previous pass's nextpass.in.
func openInput(f sandbox.File) (io.Reader, func(), error) {
	if f.Path == "" {
		return bytes.NewReader(f.Data), func() {}, nil
	}
	in, err := os.Open(f.Path)
	if err != nil {
		return nil, nil, err
	}
	return in, func() { in.Close() }, nil
}
