package judge

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/verdict-judge/verdict/problem"
)

// expected maps a submissions/ directory to the verdicts that fit it.
var expected = map[string][]Verdict{
	"accepted":            {AC},
	"wrong_answer":        {WA},
	"time_limit_exceeded": {TLE},
	"run_time_error":      {RE, MLE},
}

// TestProblems judges every submission of every test problem and checks
// the verdict against the directory it sits in.
func TestProblems(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	dirs, _ := filepath.Glob("../testdata/problems/*")
	if len(dirs) == 0 {
		t.Fatal("no test problems")
	}
	for _, dir := range dirs {
		p, err := problem.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		defer p.Close()
		if p.Interactive || p.Type == problem.Scoring {
			continue
		}
		for _, s := range p.Submissions {
			t.Run(p.ShortName+"/"+s.Category+"/"+filepath.Base(s.Path), func(t *testing.T) {
				want, ok := expected[s.Category]
				if !ok {
					t.Skipf("no expectation for %s", s.Category)
				}
				rep := judgeFile(t, e, j, p, s.Path)
				for _, w := range want {
					if rep.Verdict == w {
						return
					}
				}
				t.Errorf("verdict %s, want %v; compile %q; tests %+v", rep.Verdict, want, rep.Compile.Output, rep.Tests)
			})
		}
	}
}

// judgeFile judges one submission file of a test problem, or skips the
// test where its language's toolchain is missing.
func judgeFile(t *testing.T, e *env, j *Judge, p *problem.Problem, path string) *Report {
	t.Helper()
	l, ok := e.reg.ForFile(path)
	if !ok || e.langs[l.ID] == nil {
		t.Skipf("no toolchain for %s", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var steps []Progress
	opt := Options{Progress: func(pr Progress) { steps = append(steps, pr) }}
	rep, err := j.Submit(context.Background(), p, l, []Source{{Name: l.SourceName(data), Data: data}}, opt)
	if err != nil {
		t.Fatal(err)
	}
	checkProgress(t, steps, rep, len(p.Cases()))
	return rep
}

// checkProgress checks what Options.Progress reported of a judging: the
// compile step first, then one step per test run, in order, with its result.
func checkProgress(t *testing.T, steps []Progress, rep *Report, total int) {
	t.Helper()
	if len(steps) == 0 || steps[0].Stage != StageCompiling {
		t.Fatalf("progress %+v: want the compile step first", steps)
	}
	runs := steps[1:]
	if len(runs) != len(rep.Tests) {
		t.Fatalf("%d running steps for %d tests", len(runs), len(rep.Tests))
	}
	for i, s := range runs {
		if s.Stage != StageRunning || s.Test != i+1 || s.Total != total || s.Result == nil || s.Result.Name != rep.Tests[i].Name {
			t.Errorf("step %d: %+v, want test %d of %d (%s)", i+1, s, i+1, total, rep.Tests[i].Name)
		}
	}
}
