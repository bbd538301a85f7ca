package judge

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/problem"
)

var posInf = math.Inf(1)

func TestGraderIO(t *testing.T) {
	in := graderInput([]subresult{{verdict: AC, score: 10}, {verdict: RE}, {verdict: MLE, score: 0.5}, {verdict: TLE}, {verdict: WA, score: -2}})
	if want := "AC 10\nRTE 0\nRTE 0.5\nTLE 0\nWA -2\n"; in != want {
		t.Errorf("grader input %q, want %q", in, want)
	}
	for _, tt := range []struct {
		out   string
		v     Verdict
		score float64
		err   string
	}{
		{"AC 10\n", AC, 10, ""},
		{"  WA   0.5  \n", WA, 0.5, ""},
		{"RTE 0", RE, 0, ""},
		{"TLE -1e2\n", TLE, -100, ""},
		{"", "", 0, "want one line"},
		{"AC\n", "", 0, "want one line"},
		{"AC 1\nAC 2\n", "", 0, "want one line"},
		{"OK 1\n", "", 0, "unknown verdict"},
		{"AC ten\n", "", 0, "not a number"},
		{"AC NaN\n", "", 0, "not a number"},
		{"AC +Inf\n", "", 0, "not a number"},
	} {
		v, sc, err := parseGraderOutput(tt.out)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.out, err, tt.err)
			}
		case err != nil || v != tt.v || sc != tt.score:
			t.Errorf("%q: %s %v %v, want %s %v", tt.out, v, sc, err, tt.v, tt.score)
		}
	}
}

// TestGraderFailures breaks the closest test problem's grader and ranges:
// each is a judge error with a message saying what went wrong.
func TestGraderFailures(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	exact := "print(2 * int(input()))\n"
	for _, tt := range []struct {
		name   string
		change func(dir string)
		msg    string
	}{
		{"grader exits 1", func(dir string) {
			os.WriteFile(filepath.Join(dir, "graders/grader.py"), []byte("import sys\nsys.exit(1)\n"), 0o644)
		}, "grader grader.py on group secret/group1 ended RE (exit status 1); it must exit with 0"},
		{"grader prints nonsense", func(dir string) {
			os.WriteFile(filepath.Join(dir, "graders/grader.py"), []byte("print('fine, thanks')\n"), 0o644)
		}, "grader grader.py on group secret/group1: unknown verdict \"fine,\""},
		{"grader does not compile", func(dir string) {
			os.WriteFile(filepath.Join(dir, "graders/grader.py"), []byte("def (\n"), 0o644)
		}, "grader"},
		{"group out of its range", func(dir string) {
			os.WriteFile(filepath.Join(dir, "data/secret/group2/testdata.yaml"), []byte("on_reject: continue\ngrader_flags: min\nrange: 0 5\n"), 0o644)
		}, "group secret/group2 scored 10, outside its range [0, 5]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyPackage(t, "closest")
			tt.change(dir)
			p, err := problem.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			l := e.langs["python"]
			if l == nil {
				t.Skip("no python")
			}
			rep, err := j.Submit(context.Background(), p, l, []Source{{Name: "main.py", Data: []byte(exact)}}, Options{})
			if err != nil {
				// A grader that does not compile is the package's fault: an error.
				if tt.name == "grader does not compile" && strings.Contains(err.Error(), "grader") {
					return
				}
				t.Fatal(err)
			}
			if rep.Verdict != JE || rep.Score != 0 || !strings.Contains(rep.Message, tt.msg) {
				t.Errorf("%s %v (%s), want JE with %q", rep.Verdict, rep.Score, rep.Message, tt.msg)
			}
			for _, tr := range rep.Tests {
				if tr.Verdict != AC {
					t.Errorf("test %s: %s, want AC: the submission is not to blame", tr.Name, tr.Verdict)
				}
			}
		})
	}
}

// TestScoring2025ValidatorScores aggregates 2025-09 results with scores
// from the validator's score.txt and score_multiplier.txt.
func TestScoring2025ValidatorScores(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, tt := range []struct {
		name   string
		set    func(p *problem.Problem)
		scores map[string][2]*float64 // case -> score.txt, score_multiplier.txt
		v      Verdict
		score  float64
		groups map[string]float64
		msg    string // of the test that became a judge error
	}{
		{"multipliers in a sum group", nil,
			map[string][2]*float64{"secret/group2/01": {nil, f(0.5)}, "secret/group2/02": {nil, f(0)}},
			AC, 40 + 10 + 0 + 20, map[string]float64{"sample": 0, "secret": 70, "secret/group1": 40, "secret/group2": 30}, ""},
		{"absolute scores in a sum group", nil,
			map[string][2]*float64{"secret/group2/01": {f(5), nil}, "secret/group2/03": {f(20), nil}},
			AC, 40 + 5 + 20 + 20, map[string]float64{"sample": 0, "secret": 85, "secret/group1": 40, "secret/group2": 45}, ""},
		{"score above the case maximum", nil,
			map[string][2]*float64{"secret/group2/01": {f(21), nil}},
			JE, 0, nil, "above the test case's maximum 20"},
		{"score in a pass-fail group", nil,
			map[string][2]*float64{"secret/group1/01": {f(1), nil}},
			JE, 0, nil, "pass-fail group"},
		{"min group takes the least", func(p *problem.Problem) { p.Group("secret/group2").Settings.ScoreAggregation = "min" },
			map[string][2]*float64{"secret/group2/02": {nil, f(0.25)}},
			AC, 40 + 15, map[string]float64{"sample": 0, "secret": 55, "secret/group1": 40, "secret/group2": 15}, ""},
		{"unbounded group needs score.txt", func(p *problem.Problem) {
			p.Group("secret").Settings.MaxScore = posInf
			p.Group("secret/group2").Settings.MaxScore = posInf
		}, map[string][2]*float64{"secret/group2/01": {f(7), nil}, "secret/group2/02": {f(8), nil}},
			JE, 0, nil, "wrote no score.txt for an accepted test case of unbounded score"},
		{"unbounded group sums score.txt", func(p *problem.Problem) {
			p.Group("secret").Settings.MaxScore = posInf
			p.Group("secret/group2").Settings.MaxScore = posInf
		}, map[string][2]*float64{"secret/group2/01": {f(7), nil}, "secret/group2/02": {f(8), nil}, "secret/group2/03": {f(1000), nil}},
			AC, 40 + 1015, map[string]float64{"sample": 0, "secret": 1055, "secret/group1": 40, "secret/group2": 1015}, ""},
		{"samples ignore scores", nil,
			map[string][2]*float64{"sample/01": {f(1000), nil}},
			AC, 100, map[string]float64{"sample": 0, "secret": 100, "secret/group1": 40, "secret/group2": 60}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newProblem()
			p.ValidatorScores = true
			if tt.set != nil {
				tt.set(p)
			}
			trs := results(p, nil)
			for i := range trs {
				if s, ok := tt.scores[trs[i].Name]; ok {
					trs[i].ValidatorScore, trs[i].ScoreMultiplier = s[0], s[1]
				}
			}
			s, err := ScoreResults(p, trs)
			if err != nil {
				t.Fatal(err)
			}
			if s.Verdict != tt.v || s.Score != tt.score {
				t.Errorf("%s %v, want %s %v", s.Verdict, s.Score, tt.v, tt.score)
			}
			if tt.groups != nil && !mapsEqual(groupScores(s), tt.groups) {
				t.Errorf("groups %v, want %v", groupScores(s), tt.groups)
			}
			if tt.msg != "" {
				found := false
				for _, tr := range s.Tests {
					found = found || tr.Verdict == JE && strings.Contains(tr.Message, tt.msg)
				}
				if !found {
					t.Errorf("no judge error %q in %+v", tt.msg, s.Tests)
				}
			}
		})
	}
}

// TestScoringLegacyValidatorScores aggregates legacy results with
// score.txt, the range and the MaxScore it implies.
func TestScoringLegacyValidatorScores(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	p := legacyProblem()
	p.ValidatorScores = true
	p.Group("secret/group1").Settings.Range = [2]float64{0, 40}
	trs := results(p, nil)
	for i := range trs {
		if trs[i].Name == "secret/group2/01" {
			trs[i].ValidatorScore = f(7.5)
		}
	}
	s, err := ScoreResults(p, trs)
	if err != nil {
		t.Fatal(err)
	}
	// group2 sums 7.5 + 20 + 20; group1 is min of 40s.
	if s.Verdict != AC || s.Score != 87.5 {
		t.Errorf("%s %v, want AC 87.5", s.Verdict, s.Score)
	}
	for _, g := range s.Groups {
		if g.Name == "secret/group1" && g.MaxScore != 40 {
			t.Errorf("group1 max %v, want the top of its range, 40", g.MaxScore)
		}
	}
	// A score.txt pushing group1 out of its range is a judge error.
	for i := range trs {
		if trs[i].Name == "secret/group1/01" {
			trs[i].ValidatorScore = f(41)
			trs[i].Verdict = AC
		}
	}
	for i := range trs {
		if strings.HasPrefix(trs[i].Name, "secret/group1/") && trs[i].Name != "secret/group1/01" {
			trs[i].ValidatorScore = f(45)
		}
	}
	s, err = ScoreResults(p, trs)
	if err != nil {
		t.Fatal(err)
	}
	if s.Verdict != JE || s.Score != 0 || !strings.Contains(s.Message, "secret/group1 scored 41, outside its range [0, 40]") {
		t.Errorf("%s %v (%s), want a judge error for the range", s.Verdict, s.Score, s.Message)
	}
}

// TestScoringLegacyBreak checks on_reject: break across subgroups: after a
// rejected item, later items (subgroups too) take no part in the grade.
func TestScoringLegacyBreak(t *testing.T) {
	p := legacyProblem()
	p.Data.Settings = legacySettings("break", 1, "accept_if_any_accepted")
	s, err := ScoreResults(p, results(p, map[string]Verdict{"sample/01": WA}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Verdict != WA || s.Score != 0 {
		t.Errorf("break at sample: %s %v, want WA 0 (secret takes no part)", s.Verdict, s.Score)
	}
	p.Data.Settings = legacySettings("continue", 1, "accept_if_any_accepted")
	s, _ = ScoreResults(p, results(p, map[string]Verdict{"sample/01": WA}))
	if s.Verdict != AC || s.Score != 100 {
		t.Errorf("continue: %s %v, want AC 100", s.Verdict, s.Score)
	}
}

// TestPassFailGraded judges legacy pass-fail problems that configure their
// grading: the verdict is the root's grade, not the first failure.
func TestPassFailGraded(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	// WA on secret/1, TLE on secret/2, AC on secret/3.
	src := "a, b = map(int, input().split())\nif a == 1:\n    print(0)\nelif a == 5:\n    while True:\n        pass\nelse:\n    print(a + b)\n"
	for _, tt := range []struct {
		name     string
		testdata string
		grader   string
		want     Verdict
		ran      int
	}{
		{"default: the first failure (all run: RunAll)", "", "", WA, 3},
		{"continue: the worst error", "on_reject: continue\n", "", TLE, 3},
		{"continue, first_error", "on_reject: continue\ngrader_flags: first_error\n", "", WA, 3},
		{"continue, accept if any", "on_reject: continue\ngrader_flags: accept_if_any_accepted\n", "", AC, 3},
		{"custom grader", "on_reject: continue\ngrading: custom\n", "import sys\nsys.stdin.read()\nprint('AC 0')\n", AC, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"problem.yaml":                "name: Graded pass-fail\n",
				".timelimit":                  "1\n",
				"data/secret/1.in":            "1 2\n",
				"data/secret/1.ans":           "3\n",
				"data/secret/2.in":            "5 5\n",
				"data/secret/2.ans":           "10\n",
				"data/secret/3.in":            "2 2\n",
				"data/secret/3.ans":           "4\n",
				"submissions/accepted/sum.py": "print(sum(map(int, input().split())))\n",
			}
			if tt.testdata != "" {
				files["data/testdata.yaml"] = tt.testdata
			}
			if tt.grader != "" {
				files["graders/grader.py"] = tt.grader
			}
			rep := judgeSource(t, e, j, writeTree(t, "graded", files), "sol.py", src)
			want := 0.0
			if tt.want == AC {
				want = 1
			}
			if rep.Verdict != tt.want || rep.Score != want || len(rep.Tests) != tt.ran {
				t.Errorf("%s %v with %d tests, want %s %v with %d: %+v", rep.Verdict, rep.Score, len(rep.Tests), tt.want, want, tt.ran, rep.Tests)
			}
		})
	}
}
