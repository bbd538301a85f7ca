package judge

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// A legacy grader combines the results of a test data group's items (test
// cases and subgroups, in order) into the group's verdict and score. Groups
// with grading: default use the default grader (gradeLegacy); groups with
// grading: custom use the package's graders/ program:
//
//	grader [grader_flags] < results
//
// which reads one line per item, "<verdict> <score>" (verdict AC, WA, TLE
// or RTE), and writes one such line, its result, and exits 0. Anything
// else is a judge error, as is a judge error among the items (the grader
// is then not run). An item with no result (not run after a rejection
// under on_reject: break) is left out, as problemtools leaves it out.

// grader grades one legacy group. An error is a judge error of the group.
type grader func(g *problem.Group, subs []subresult) (Verdict, float64, error)

// defaultGrade is the default grader of every group.
func defaultGrade(g *problem.Group, subs []subresult) (Verdict, float64, error) {
	v, sc := gradeLegacy(g.Settings.GraderFlags, subs)
	return v, sc, nil
}

// usesCustomGrader names the first group of p graded by graders/, or "".
func usesCustomGrader(p *problem.Problem) string {
	if p.Data == nil {
		return ""
	}
	custom := ""
	walkGroups(p.Data, func(g *problem.Group) {
		if custom == "" && g.Settings.Grading == "custom" {
			custom = g.Name
			if custom == "" {
				custom = "data"
			}
		}
	})
	return custom
}

// legacyGrader returns the grader of p's legacy groups: the default one,
// and the package's own grader program, compiled once, for groups with
// grading: custom.
func (j *Judge) legacyGrader(ctx context.Context, p *problem.Problem) (grader, error) {
	group := usesCustomGrader(p)
	if group == "" {
		return defaultGrade, nil
	}
	switch len(p.Graders) {
	case 0:
		return nil, fmt.Errorf("judge: %s: group %s has grading: custom, but graders/ holds no grader", p.ShortName, group)
	case 1:
	default:
		return nil, fmt.Errorf("judge: %s: graders/ holds %d programs; the format allows one", p.ShortName, len(p.Graders))
	}
	comp, err := j.compileProgram(ctx, p, &p.Graders[0], "grader")
	if err != nil {
		return nil, err
	}
	cg := &customGrader{sb: j.SB, prog: comp.Program, name: p.Graders[0].Name, lim: sandbox.Limits{
		CPU: p.Limits.ValidationTime, Memory: p.Limits.ValidationMemory,
		Stdout: 64 << 10, Stderr: 64 << 10, Pids: max(64, comp.Program.Lang.RunLimits.Pids),
	}}
	if cg.lim.CPU <= 0 {
		cg.lim.CPU = 60 * time.Second
	}
	if cg.lim.Memory <= 0 {
		cg.lim.Memory = 1 << 30
	}
	cg.lim.Memory += int64(comp.Program.Lang.RunLimits.ExtraMemoryMiB) << 20
	return func(g *problem.Group, subs []subresult) (Verdict, float64, error) {
		if g.Settings.Grading != "custom" {
			return defaultGrade(g, subs)
		}
		return cg.grade(ctx, g, subs)
	}, nil
}

// customGrader runs a package's grader program in the sandbox.
type customGrader struct {
	sb   *sandbox.Sandbox
	prog *Program
	name string
	lim  sandbox.Limits
}

// graderVerdict is a verdict as graders read and write it.
func graderVerdict(v Verdict) string {
	switch v {
	case RE, MLE:
		return "RTE"
	}
	return string(v)
}

// graderInput is the grader's standard input for a group's results.
func graderInput(subs []subresult) string {
	var b strings.Builder
	for _, r := range subs {
		fmt.Fprintf(&b, "%s %s\n", graderVerdict(r.verdict), strconv.FormatFloat(r.score, 'f', -1, 64))
	}
	return b.String()
}

// parseGraderOutput reads a grader's one line of result.
func parseGraderOutput(out string) (Verdict, float64, error) {
	f := strings.Fields(out)
	if len(f) != 2 || strings.Count(strings.TrimSpace(out), "\n") > 0 {
		return "", 0, fmt.Errorf("want one line \"<verdict> <score>\", got %q", tail(out, 200))
	}
	var v Verdict
	switch f[0] {
	case "AC", "WA", "TLE", "MLE", "OLE", "JE":
		v = Verdict(f[0])
	case "RTE":
		v = RE
	default:
		return "", 0, fmt.Errorf("unknown verdict %q (want AC, WA, TLE or RTE)", tail(f[0], 20))
	}
	sc, err := strconv.ParseFloat(f[1], 64)
	if err != nil || math.IsNaN(sc) || math.IsInf(sc, 0) {
		return "", 0, fmt.Errorf("score %q is not a number", tail(f[1], 40))
	}
	return v, sc, nil
}

func (c *customGrader) grade(ctx context.Context, g *problem.Group, subs []subresult) (Verdict, float64, error) {
	if len(subs) == 0 {
		return AC, 0, nil
	}
	for _, r := range subs {
		if r.verdict == JE {
			return JE, 0, nil
		}
	}
	res, err := c.sb.Run(ctx, &sandbox.Spec{
		Args:   append(c.prog.Args(c.lim.Memory), g.Settings.GraderFlags...),
		Env:    c.prog.Lang.Env,
		Files:  c.prog.Files,
		Stdin:  strings.NewReader(graderInput(subs)),
		Limits: c.lim,
	})
	if err != nil {
		return JE, 0, fmt.Errorf("judge: grader %s: %w", c.name, err)
	}
	if res.Status != sandbox.StatusOK {
		msg := fmt.Sprintf("judge: grader %s on group %s ended %s (%s); it must exit with 0", c.name, groupName(g), res.Status, res.Message)
		if len(res.Stderr) > 0 {
			msg += "; stderr: " + tail(strings.TrimSpace(string(res.Stderr)), 1000)
		}
		return JE, 0, fmt.Errorf("%s", msg)
	}
	v, sc, err := parseGraderOutput(string(res.Stdout))
	if err != nil {
		return JE, 0, fmt.Errorf("judge: grader %s on group %s: %w", c.name, groupName(g), err)
	}
	return v, sc, nil
}

// groupName names a group in messages.
func groupName(g *problem.Group) string {
	if g.Name == "" {
		return "data"
	}
	return g.Name
}

// gradedPassFail reports whether a legacy pass-fail problem configures its
// grading (on_reject: continue, grader_flags or grading: custom in some
// testdata.yaml): its verdict is then its groups' graders', not simply
// the first failure's.
func gradedPassFail(p *problem.Problem) bool {
	if !p.LegacyGrading || p.Type == problem.Scoring || p.Data == nil {
		return false
	}
	graded := false
	walkGroups(p.Data, func(g *problem.Group) {
		s := g.Settings
		graded = graded || s.OnReject == "continue" || len(s.GraderFlags) > 0 || s.Grading == "custom"
	})
	return graded
}

// judgePassFailGraded judges a legacy pass-fail problem by its graders, as
// problemtools does: each group stops at its first rejection under
// on_reject: break, and the root group's grade is the verdict (score 1
// when accepted).
func (j *Judge) judgePassFailGraded(ctx context.Context, p *problem.Problem, run func(*TestCase) TestResult, rep *Report) error {
	grade, err := j.legacyGrader(ctx, p)
	if err != nil {
		return err
	}
	tests, err := runScoring(ctx, p, run)
	if err != nil {
		return err
	}
	s, err := scoreWith(p, tests, grade)
	if err != nil {
		return err
	}
	rep.Tests, rep.Verdict = s.Tests, s.Verdict
	for i := range rep.Tests {
		rep.Tests[i].Score = 0 // pass-fail test cases have no score
	}
	for _, tr := range rep.Tests {
		if tr.Verdict == JE {
			rep.Message = fmt.Sprintf("%s: %s", tr.Name, tr.Message)
			break
		}
	}
	if rep.Message == "" {
		rep.Message = s.Message
	}
	if rep.Verdict == AC {
		rep.Score = 1
	}
	return nil
}
