package judge

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/verdict-judge/verdict/sandbox"
)

// Files an output validator may write in its feedback directory that the
// judge reads.
const (
	judgeMessageFile    = "judgemessage.txt"
	judgeErrorFile      = "judgeerror.txt"
	nextPassFile        = "nextpass.in"
	scoreFile           = "score.txt"
	scoreMultiplierFile = "score_multiplier.txt"
)

// maxFeedback caps the bytes read back from a validator's feedback
// directory, nextpass.in included.
const maxFeedback = 64 << 20

// feedbackDir is the feedback directory in the validator's work directory,
// as its third argument names it.
const feedbackDir = "feedback/"

// validation is what one run of a custom output validator said.
type validation struct {
	accepted bool
	message  string            // judgemessage.txt, trimmed
	feedback map[string][]byte // every file of the feedback directory, by name
}

// feedbackFiles are the files that put a feedback directory's contents
// back in place for the next run of the validator (multi-pass problems:
// everything but nextpass.in persists between passes). The directory
// exists even when empty.
func feedbackFiles(fb map[string][]byte) []sandbox.File {
	files := []sandbox.File{{Name: feedbackDir + ".keep"}}
	names := make([]string, 0, len(fb))
	for n := range fb {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		files = append(files, sandbox.File{Name: feedbackDir + n, Data: fb[n], Mode: 0o644})
	}
	return files
}

// feedbackOf returns the feedback directory a validator's run left, keyed
// by name within the directory. A directory that cannot be read back (a
// link, a device, more than maxFeedback bytes) is an error: the
// validator misbehaved.
func feedbackOf(res *sandbox.Result) (map[string][]byte, error) {
	if e, ok := res.FileErrors[feedbackDir]; ok {
		return nil, fmt.Errorf("judge: the output validator's feedback directory cannot be read back: %s", e)
	}
	fb := map[string][]byte{}
	for name, data := range res.Files {
		n, ok := strings.CutPrefix(name, feedbackDir)
		if !ok || n == "" || n == ".keep" && len(data) == 0 {
			continue
		}
		fb[n] = data
	}
	return fb, nil
}

// validate runs the output validator once: `validator input answer
// feedback/ [flags] < output`, with input as the input file (the test's
// .in, or a later pass's nextpass.in) and feedback as the feedback
// directory's contents to start from. An error is a judge error: the
// validator did not run, or ended otherwise than with exit code 42 or 43.
func (c *programChecker) validate(ctx context.Context, tc *TestCase, input sandbox.File, output []byte, feedback map[string][]byte) (*validation, error) {
	if err := checkAnswer(tc); err != nil {
		return nil, err
	}
	files := append([]sandbox.File(nil), c.prog.Files...)
	input.Name = "judge/input"
	files = append(files, input, sandbox.File{Name: "judge/answer", Path: tc.Answer})
	files = append(files, feedbackFiles(feedback)...)
	args := append(append(c.prog.Args(c.lim.Memory), "judge/input", "judge/answer", feedbackDir), tc.CheckArgs...)
	res, err := c.sb.Run(ctx, &sandbox.Spec{
		Args: args, Env: c.prog.Lang.Env, Files: files, Stdin: bytes.NewReader(output),
		Collect: []string{feedbackDir}, CollectLimit: maxFeedback, Limits: c.lim,
	})
	if err != nil {
		return nil, fmt.Errorf("judge: output validator: %w", err)
	}
	accepted := validatorExit(res, 42)
	if !accepted && !validatorExit(res, 43) {
		return nil, validatorFailure(res, res.Files[feedbackDir+judgeErrorFile])
	}
	fb, err := feedbackOf(res)
	if err != nil {
		return nil, err
	}
	return &validation{accepted: accepted, message: strings.TrimSpace(string(fb[judgeMessageFile])), feedback: fb}, nil
}

// validatorFailure explains how an output validator failed: anything
// but exit code 42 or 43 is the judge's fault, never the submission's.
func validatorFailure(res *sandbox.Result, judgeError []byte) error {
	var what string
	switch {
	case res.Status == sandbox.StatusTLE:
		what = "ran out of time (" + res.Message + ")"
	case res.Status == sandbox.StatusMLE:
		what = "ran out of memory (" + res.Message + ")"
	case res.Status == sandbox.StatusOLE:
		what = "wrote too much (" + res.Message + ")"
	case res.Signal != 0:
		what = "crashed (" + res.Message + ")"
	case res.Status == sandbox.StatusOK || res.Status == sandbox.StatusRE:
		what = fmt.Sprintf("exited with code %d; it must exit with 42 (accepted) or 43 (wrong answer)", res.ExitCode)
	default:
		what = fmt.Sprintf("ended %s (%s)", res.Status, res.Message)
	}
	msg := "judge: the output validator " + what
	if e := strings.TrimSpace(string(judgeError)); e != "" {
		msg += "; judgeerror.txt: " + tail(e, 1000)
	}
	if len(res.Stderr) > 0 {
		msg += "; stderr: " + tail(strings.TrimSpace(string(res.Stderr)), 1000)
	}
	return fmt.Errorf("%s", msg)
}

// checkAnswer makes sure the test's answer file is there before anything
// runs: a package that lost it is the judge's fault.
func checkAnswer(tc *TestCase) error {
	st, err := os.Stat(tc.Answer)
	if err != nil {
		return fmt.Errorf("judge: test %s: the answer file is missing: %w", tc.Name, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("judge: test %s: the answer file %s is not a regular file", tc.Name, tc.Answer)
	}
	return nil
}

// checkOutput checks a submission's output for a test with chk, reading
// the score files of a custom validator into tr. It returns the verdict
// and the message.
func checkOutput(ctx context.Context, chk Checker, tc *TestCase, output []byte, tr *TestResult) (Verdict, string) {
	pc, ok := chk.(*programChecker)
	if !ok {
		if err := checkAnswer(tc); err != nil {
			return JE, err.Error()
		}
		ok, msg, err := chk.Check(ctx, tc, output)
		switch {
		case err != nil:
			return JE, err.Error()
		case ok:
			return AC, msg
		}
		return WA, msg
	}
	v, err := pc.validate(ctx, tc, sandbox.File{Path: tc.Input}, output, nil)
	if err != nil {
		return JE, err.Error()
	}
	pr := passResult{tr: *tr, fb: v.feedback, byValidator: true}
	pr.tr.Verdict, pr.tr.Message = WA, v.message
	if v.accepted {
		pr.tr.Verdict = AC
	}
	*tr = pr.finish(pc.scores)
	return tr.Verdict, tr.Message
}

// passResult is one run of a submission with its validation: a whole
// test, or one pass of a multi-pass test.
type passResult struct {
	tr TestResult        // verdict, message and usage
	fb map[string][]byte // the feedback directory after the validator ran; nil when it did not
	// byValidator says the verdict is the validator's (42 or 43), not the
	// submission's run (TLE, RE, ...) or a judge error.
	byValidator bool
}

// finish returns the pass's result as the test's, with the validator's
// score files read when the validator decided it.
func (pr *passResult) finish(scores bool) TestResult {
	tr := pr.tr
	if pr.byValidator && (tr.Verdict == AC || tr.Verdict == WA) {
		if err := readScores(&tr, tr.Verdict == AC, pr.fb, scores); err != nil {
			tr.Verdict, tr.Message = JE, err.Error()
		}
	}
	return tr
}

// readScores reads score.txt and score_multiplier.txt into tr. The
// validator may write one of them, for an accepted test case, of a
// problem that takes scores from its validator; anything else is a
// judge error, as problemtools has it.
func readScores(tr *TestResult, accepted bool, fb map[string][]byte, scores bool) error {
	s, hasScore := fb[scoreFile]
	m, hasMult := fb[scoreMultiplierFile]
	if !hasScore && !hasMult {
		return nil
	}
	name := scoreFile
	if !hasScore {
		name = scoreMultiplierFile
	}
	switch {
	case !scores:
		return fmt.Errorf("judge: the output validator wrote %s, but the problem takes no scores from its validator", name)
	case hasScore && hasMult:
		return fmt.Errorf("judge: the output validator wrote both %s and %s", scoreFile, scoreMultiplierFile)
	case !accepted:
		return fmt.Errorf("judge: the output validator wrote %s for a test case it rejected", name)
	}
	data := s
	if hasMult {
		data = m
	}
	text := strings.TrimSpace(string(data))
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return fmt.Errorf("judge: the output validator's %s holds %q, not a number", name, tail(text, 100))
	}
	if hasMult {
		if x < 0 || x > 1 {
			return fmt.Errorf("judge: the output validator's %s holds %v, outside [0, 1]", name, x)
		}
		tr.ScoreMultiplier = &x
	} else {
		tr.ValidatorScore = &x
	}
	return nil
}

// runFiles is what a submission's work directory holds for a test: the
// program's files, then the test case's .files directory over them (its
// files win on a clash of names, as the 2025-09 format says).
func runFiles(p *Program, tc *TestCase) ([]sandbox.File, error) {
	if tc.FilesDir == "" {
		return p.Files, nil
	}
	extra, err := dirFiles(tc.FilesDir)
	if err != nil {
		return nil, fmt.Errorf("judge: test %s: %w", tc.Name, err)
	}
	taken := map[string]bool{}
	for _, f := range extra {
		taken[f.Name] = true
	}
	out := make([]sandbox.File, 0, len(p.Files)+len(extra))
	for _, f := range p.Files {
		if !taken[f.Name] {
			out = append(out, f)
		}
	}
	return append(out, extra...), nil
}

// dirFiles reads the regular files below a package directory (a test
// case's .files) into files to place in a work directory. They are read
// through an os.Root of the directory: a link is followed only while it
// stays inside it, whatever was done to the package after it was loaded.
func dirFiles(dir string) ([]sandbox.File, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	fsys := root.FS()
	var files []sandbox.File
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := fs.Stat(fsys, p)
		if err != nil {
			return err
		}
		if !st.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files = append(files, sandbox.File{Name: p, Data: data, Mode: st.Mode().Perm() | 0o444})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return files, nil
}
