package judge

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/problem"
)

// scoringWant is what a submission to a scoring test problem must get.
type scoringWant struct {
	verdict Verdict
	score   float64
	groups  map[string]float64 // group name to score
}

// scoringExpected maps "problem/submission" to its expected judgement.
var scoringExpected = map[string]scoringWant{
	// Legacy: group1 is min with accept_score 40, group2 sum of 3 × 20,
	// secret accepts if any group does and sums, the root ignores sample.
	"bigadd/accepted/exact.py": {AC, 100, map[string]float64{"sample": 1, "secret": 100, "secret/group1": 40, "secret/group2": 60}},
	// group2 has a rejected case, so it is WA and its score is ignored.
	"bigadd/partially_accepted/floats.py": {AC, 40, map[string]float64{"sample": 1, "secret": 40, "secret/group1": 40, "secret/group2": 0}},
	"bigadd/wrong_answer/difference.py":   {WA, 0, map[string]float64{"sample": 0, "secret": 0, "secret/group1": 0, "secret/group2": 0}},
	// 2025-09: group1 pass-fail max 40, group2 sum max 60 (20 a case).
	"bigadd2025/accepted/exact.py": {AC, 100, map[string]float64{"sample": 0, "secret": 100, "secret/group1": 40, "secret/group2": 60}},
	// One case of group2 (small numbers) is accepted: 40 + 20.
	"bigadd2025/partially_accepted/floats.py": {WA, 60, map[string]float64{"sample": 0, "secret": 60, "secret/group1": 40, "secret/group2": 20}},
	"bigadd2025/wrong_answer/difference.py":   {WA, 0, map[string]float64{"sample": 0, "secret": 0, "secret/group1": 0, "secret/group2": 0}},
	// Legacy, scores from the validator's score.txt (10 - distance):
	// group1 by graders/ (sum, halved), group2 by the default grader (min).
	"closest/accepted/exact.py":                {AC, 20, map[string]float64{"sample": 10, "secret": 20, "secret/group1": 10, "secret/group2": 10}},
	"closest/partially_accepted/off_by_one.py": {AC, 18, map[string]float64{"sample": 9, "secret": 18, "secret/group1": 9, "secret/group2": 9}},
	"closest/partially_accepted/halfway.c":     {AC, 9.5, map[string]float64{"sample": 9, "secret": 9.5, "secret/group1": 2.5, "secret/group2": 7}},
	"closest/wrong_answer/words.py":            {WA, 0, map[string]float64{"sample": 0, "secret": 0, "secret/group1": 0, "secret/group2": 0}},
}

// TestScoringProblems judges every submission of the scoring test problems
// and checks verdict, score and group scores.
func TestScoringProblems(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	dirs, _ := filepath.Glob("../testdata/problems/*")
	seen := 0
	for _, dir := range dirs {
		p, err := problem.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		defer p.Close()
		if p.Type != problem.Scoring {
			continue
		}
		for _, s := range p.Submissions {
			name := p.ShortName + "/" + s.Name
			t.Run(name, func(t *testing.T) {
				want, ok := scoringExpected[name]
				if !ok {
					t.Fatalf("no expectation for %s: add it to scoringExpected", name)
				}
				seen++
				rep := judgeFile(t, e, j, p, s.Path)
				if rep.Verdict != want.verdict || rep.Score != want.score {
					t.Errorf("got %s %v, want %s %v; tests %+v", rep.Verdict, rep.Score, want.verdict, want.score, rep.Tests)
				}
				grade, err := j.legacyGrader(context.Background(), p)
				if err != nil {
					t.Fatal(err)
				}
				sc, err := scoreWith(p, rep.Tests, grade)
				if err != nil {
					t.Fatal(err)
				}
				for _, g := range sc.Groups {
					if w, ok := want.groups[g.Name]; !ok || w != g.Score {
						t.Errorf("group %s: score %v, want %v (%+v)", g.Name, g.Score, w, g)
					}
				}
				// The package's own expectations, where it states a score.
				for _, r := range s.Requirements {
					if r.Scope == "" && r.Score != nil && (rep.Score < r.Score[0] || rep.Score > r.Score[1]) {
						t.Errorf("score %v outside the package's %v", rep.Score, r.Score)
					}
				}
				t.Logf("%s %v groups %+v", rep.Verdict, rep.Score, sc.Groups)
			})
		}
	}
	if seen < len(scoringExpected) {
		t.Errorf("judged %d of the %d expected submissions", seen, len(scoringExpected))
	}
}

func TestScoringGradeLegacy(t *testing.T) {
	r := func(v Verdict, s float64) subresult { return subresult{verdict: v, score: s} }
	for _, c := range []struct {
		name  string
		flags []string
		subs  []subresult
		v     Verdict
		score float64
	}{
		{"empty", nil, nil, AC, 0},
		{"sum", nil, []subresult{r(AC, 1), r(AC, 2)}, AC, 3},
		{"avg", []string{"avg"}, []subresult{r(AC, 1), r(AC, 2)}, AC, 1.5},
		{"min", []string{"min"}, []subresult{r(AC, 5), r(AC, 2)}, AC, 2},
		{"max", []string{"max"}, []subresult{r(AC, 5), r(AC, 2)}, AC, 5},
		{"last mode wins", []string{"min", "max"}, []subresult{r(AC, 5), r(AC, 2)}, AC, 5},
		{"worst error", nil, []subresult{r(WA, 0), r(TLE, 0), r(AC, 1)}, TLE, 0},
		{"worst error RE over TLE", []string{"worst_error"}, []subresult{r(TLE, 0), r(RE, 0), r(OLE, 0)}, RE, 0},
		{"MLE over TLE", nil, []subresult{r(TLE, 0), r(MLE, 0)}, MLE, 0},
		{"OLE over WA", nil, []subresult{r(WA, 0), r(OLE, 0)}, OLE, 0},
		{"first error", []string{"first_error"}, []subresult{r(AC, 1), r(WA, 0), r(TLE, 0)}, WA, 0},
		{"always accept", []string{"always_accept"}, []subresult{r(AC, 40), r(WA, 0), r(AC, 60)}, AC, 100},
		{"always accept min", []string{"always_accept", "min"}, []subresult{r(AC, 40), r(WA, 0)}, AC, 0},
		{"any accepted", []string{"accept_if_any_accepted"}, []subresult{r(AC, 40), r(WA, 0)}, AC, 40},
		{"any accepted none", []string{"accept_if_any_accepted"}, []subresult{r(RE, 0), r(WA, 0)}, RE, 0},
		{"judge error wins", []string{"always_accept"}, []subresult{r(AC, 1), r(JE, 0)}, JE, 0},
		{"ignore sample", []string{"ignore_sample"}, []subresult{{verdict: WA, sample: true}, r(AC, 70)}, AC, 70},
		{"sample counts", nil, []subresult{{verdict: AC, score: 1, sample: true}, r(AC, 70)}, AC, 71},
		{"rejected scores 0", nil, []subresult{r(AC, 50), r(WA, 0)}, WA, 0},
		{"rounding", nil, []subresult{r(AC, 0.1), r(AC, 0.2)}, AC, 0.3},
	} {
		v, s := gradeLegacy(c.flags, c.subs)
		if v != c.v || s != c.score {
			t.Errorf("%s: %s %v, want %s %v", c.name, v, s, c.v, c.score)
		}
	}
}

// tree builds a test group with n test cases named name/01...
func tree(name string, st problem.Settings, n int, subs ...*problem.Group) *problem.Group {
	g := &problem.Group{Name: name, Settings: st}
	for i := 1; i <= n; i++ {
		g.Entries = append(g.Entries, problem.Entry{Case: &problem.Case{Name: filepath.Join(name, string(rune('0'+i/10))+string(rune('0'+i%10)))}})
	}
	for _, s := range subs {
		g.Entries = append(g.Entries, problem.Entry{Group: s})
	}
	return g
}

func legacySettings(onReject string, accept float64, flags ...string) problem.Settings {
	return problem.Settings{OnReject: onReject, Grading: "default", GraderFlags: flags, AcceptScore: accept, Range: [2]float64{math.Inf(-1), math.Inf(1)}}
}

// legacyProblem is shaped like testdata/problems/bigadd.
func legacyProblem() *problem.Problem {
	return &problem.Problem{ShortName: "legacy", Type: problem.Scoring, LegacyGrading: true, Data: tree("", legacySettings("continue", 1, "ignore_sample"), 0,
		tree("sample", legacySettings("continue", 1, "ignore_sample"), 1),
		tree("secret", legacySettings("continue", 1, "accept_if_any_accepted"), 0,
			tree("secret/group1", legacySettings("break", 40, "min"), 3),
			tree("secret/group2", legacySettings("continue", 20, "sum"), 3)))}
}

// newProblem is shaped like testdata/problems/bigadd2025.
func newProblem() *problem.Problem {
	return &problem.Problem{ShortName: "new", Type: problem.Scoring, FormatVersion: problem.Format2025, Data: tree("", problem.Settings{}, 0,
		tree("sample", problem.Settings{}, 2),
		tree("secret", problem.Settings{MaxScore: 100, ScoreAggregation: "sum"}, 0,
			tree("secret/group1", problem.Settings{MaxScore: 40, ScoreAggregation: "pass-fail"}, 3),
			tree("secret/group2", problem.Settings{MaxScore: 60, ScoreAggregation: "sum", RequirePass: []string{"sample"}}, 3)))}
}

// results gives every case of p verdict AC but those in other; cases
// mapped to "" are left out (not run).
func results(p *problem.Problem, other map[string]Verdict) []TestResult {
	var trs []TestResult
	for _, c := range p.Cases() {
		v, ok := other[c.Name]
		if !ok {
			v = AC
		}
		if v != "" {
			trs = append(trs, TestResult{Name: c.Name, Group: filepath.Dir(c.Name), Verdict: v})
		}
	}
	return trs
}

func groupScores(s *Scoring) map[string]float64 {
	m := map[string]float64{}
	for _, g := range s.Groups {
		m[g.Name] = g.Score
	}
	return m
}

func TestScoringAggregate(t *testing.T) {
	for _, c := range []struct {
		name   string
		p      *problem.Problem
		other  map[string]Verdict
		v      Verdict
		score  float64
		groups map[string]float64
	}{
		{"legacy all AC", legacyProblem(), nil, AC, 100, map[string]float64{"sample": 1, "secret": 100, "secret/group1": 40, "secret/group2": 60}},
		{"legacy sample ignored", legacyProblem(), map[string]Verdict{"sample/01": WA}, AC, 100, map[string]float64{"sample": 0, "secret": 100, "secret/group1": 40, "secret/group2": 60}},
		{"legacy group2 fails", legacyProblem(), map[string]Verdict{"secret/group2/02": TLE}, AC, 40, map[string]float64{"sample": 1, "secret": 40, "secret/group1": 40, "secret/group2": 0}},
		{"legacy group1 breaks", legacyProblem(), map[string]Verdict{"secret/group1/01": WA, "secret/group1/02": "", "secret/group1/03": ""}, AC, 60, map[string]float64{"sample": 1, "secret": 60, "secret/group1": 0, "secret/group2": 60}},
		{"legacy all fail", legacyProblem(), map[string]Verdict{"secret/group1/01": RE, "secret/group1/02": "", "secret/group1/03": "", "secret/group2/01": WA, "secret/group2/02": TLE, "secret/group2/03": WA}, RE, 0, map[string]float64{"sample": 1, "secret": 0, "secret/group1": 0, "secret/group2": 0}},
		{"legacy judge error", legacyProblem(), map[string]Verdict{"secret/group2/01": JE, "secret/group2/02": "", "secret/group2/03": ""}, JE, 0, map[string]float64{"sample": 1, "secret": 0, "secret/group1": 40, "secret/group2": 0}},
		{"2025 all AC", newProblem(), nil, AC, 100, map[string]float64{"sample": 0, "secret": 100, "secret/group1": 40, "secret/group2": 60}},
		{"2025 sum group splits", newProblem(), map[string]Verdict{"secret/group2/01": WA, "secret/group2/02": TLE}, TLE, 60, map[string]float64{"sample": 0, "secret": 60, "secret/group1": 40, "secret/group2": 20}},
		{"2025 pass-fail stopped", newProblem(), map[string]Verdict{"secret/group1/02": RE, "secret/group1/03": ""}, RE, 60, map[string]float64{"sample": 0, "secret": 60, "secret/group1": 0, "secret/group2": 60}},
		{"2025 require_pass sample", newProblem(), map[string]Verdict{"sample/02": WA}, WA, 40, map[string]float64{"sample": 0, "secret": 40, "secret/group1": 40, "secret/group2": 0}},
		{"2025 worst error", newProblem(), map[string]Verdict{"secret/group2/01": WA, "secret/group2/02": OLE, "secret/group2/03": MLE}, MLE, 40, map[string]float64{"sample": 0, "secret": 40, "secret/group1": 40, "secret/group2": 0}},
	} {
		s, err := ScoreResults(c.p, results(c.p, c.other))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if s.Verdict != c.v || s.Score != c.score {
			t.Errorf("%s: %s %v, want %s %v", c.name, s.Verdict, s.Score, c.v, c.score)
		}
		if got := groupScores(s); !mapsEqual(got, c.groups) {
			t.Errorf("%s: groups %v, want %v", c.name, got, c.groups)
		}
	}
}

func mapsEqual(a, b map[string]float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestScoringCaseScoresAndMax(t *testing.T) {
	p := legacyProblem()
	s, err := ScoreResults(p, results(p, map[string]Verdict{"secret/group2/01": WA}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range s.Tests {
		want := map[string]float64{"sample": 1, "secret/group1": 40, "secret/group2": 20}[tr.Group]
		if tr.Verdict != AC {
			want = 0
		}
		if tr.Score != want {
			t.Errorf("%s: score %v, want %v", tr.Name, tr.Score, want)
		}
	}
	max := map[string]float64{}
	for _, g := range s.Groups {
		max[g.Name] = g.MaxScore
	}
	if !mapsEqual(max, map[string]float64{"sample": 1, "secret": 100, "secret/group1": 40, "secret/group2": 60}) {
		t.Errorf("legacy max scores %v", max)
	}

	// data/secret holding test cases itself: a sum over 3 cases, each
	// worth a third, adding up to exactly 100.
	q := &problem.Problem{ShortName: "flat", Type: problem.Scoring, Data: tree("", problem.Settings{}, 0,
		tree("secret", problem.Settings{MaxScore: 100, ScoreAggregation: "sum"}, 3))}
	s, err = ScoreResults(q, results(q, nil))
	if err != nil || s.Score != 100 || s.Verdict != AC {
		t.Fatalf("flat: %+v %v", s, err)
	}
	s, _ = ScoreResults(q, results(q, map[string]Verdict{"secret/01": WA}))
	if s.Score != 66.666666667 || s.Tests[1].Score != 33.333333333 || s.Verdict != WA {
		t.Errorf("flat with one WA: %v %+v", s.Score, s.Tests)
	}
	// min over groups.
	r := newProblem()
	r.Group("secret").Settings.ScoreAggregation = "min"
	s, _ = ScoreResults(r, results(r, map[string]Verdict{"secret/group2/01": WA, "secret/group2/02": WA}))
	if s.Score != 20 {
		t.Errorf("secret min: %v", s.Score)
	}
}

func TestScoringUnsupported(t *testing.T) {
	// Scores from score.txt need no program: ScoreResults computes them.
	p := legacyProblem()
	p.ValidatorScores = true
	if _, err := ScoreResults(p, nil); err != nil {
		t.Errorf("score.txt: %v", err)
	}
	// A custom grader is a program: ScoreResults cannot run it.
	p = legacyProblem()
	p.Group("secret/group2").Settings.Grading = "custom"
	if _, err := ScoreResults(p, nil); !errors.Is(err, ErrUnsupported) {
		t.Errorf("custom grader: %v", err)
	}
	// The judge can, when the package has one.
	rep := &Report{}
	if err := (&Judge{}).judgeScoring(context.Background(), p, nil, rep); err == nil || !strings.Contains(err.Error(), "graders/ holds no grader") {
		t.Errorf("judgeScoring with a custom grader and no graders/: %v", err)
	}
}

// TestScoringRun checks which test cases run, without the sandbox.
func TestScoringRun(t *testing.T) {
	for _, c := range []struct {
		name    string
		p       *problem.Problem
		verdict map[string]Verdict
		ran     []string
		v       Verdict
		score   float64
	}{
		{"legacy break skips the group's rest only", legacyProblem(),
			map[string]Verdict{"sample/01": WA, "secret/group1/02": WA, "secret/group2/01": WA},
			[]string{"sample/01", "secret/group1/01", "secret/group1/02", "secret/group2/01", "secret/group2/02", "secret/group2/03"}, WA, 0},
		{"2025 pass-fail breaks, sum does not", newProblem(),
			map[string]Verdict{"secret/group1/01": TLE, "secret/group2/01": WA},
			[]string{"sample/01", "sample/02", "secret/group1/01", "secret/group2/01", "secret/group2/02", "secret/group2/03"}, TLE, 40},
		{"judge error stops", newProblem(),
			map[string]Verdict{"secret/group1/02": JE},
			[]string{"sample/01", "sample/02", "secret/group1/01", "secret/group1/02"}, JE, 0},
	} {
		var ran []string
		run := func(tc *TestCase) TestResult {
			ran = append(ran, tc.Name)
			v := c.verdict[tc.Name]
			if v == "" {
				v = AC
			}
			return TestResult{Name: tc.Name, Group: tc.Group, Verdict: v}
		}
		rep := &Report{}
		if err := (&Judge{}).judgeScoring(context.Background(), c.p, run, rep); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !slices.Equal(ran, c.ran) {
			t.Errorf("%s: ran %v, want %v", c.name, ran, c.ran)
		}
		if rep.Verdict != c.v || rep.Score != c.score || len(rep.Tests) != len(c.ran) {
			t.Errorf("%s: %s %v with %d tests, want %s %v", c.name, rep.Verdict, rep.Score, len(rep.Tests), c.v, c.score)
		}
	}
	// A cancelled context is an error, not a verdict.
	ctx, cancel := context.WithCancel(context.Background())
	run := func(tc *TestCase) TestResult { cancel(); return TestResult{Name: tc.Name, Verdict: TLE} }
	if err := (&Judge{}).judgeScoring(ctx, newProblem(), run, &Report{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
