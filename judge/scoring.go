package judge

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/verdict-judge/verdict/problem"
)

// GroupResult is the judgement of one test data group of a scoring problem.
type GroupResult struct {
	// Name is the group's path under data/: "sample", "secret",
	// "secret/group1", ...
	Name string `json:"name"`
	// Score is what the submission got on the group.
	Score float64 `json:"score"`
	// MaxScore is the most the group can give: 2025-09 max_score (0 when
	// unbounded, and for sample, which never scores); for legacy packages,
	// the score of a submission accepted on every test case.
	MaxScore float64 `json:"max_score"`
	// Verdict is the group's aggregated verdict.
	Verdict Verdict `json:"verdict"`
}

// Scoring is the outcome of aggregating a scoring problem's test results.
type Scoring struct {
	Verdict Verdict
	Score   float64
	// Groups has every group of the problem but the root (data/ itself),
	// in judging order, parents before their subgroups.
	Groups []GroupResult
	// Tests are the test results given, each with its Score set.
	Tests []TestResult
	// Message explains a judge error that no test result carries (a
	// grader that failed, a score out of its group's range).
	Message string
}

// judgeScoring runs every test group of a scoring problem and aggregates
// the groups' scores into rep.
func (j *Judge) judgeScoring(ctx context.Context, p *problem.Problem, run func(*TestCase) TestResult, rep *Report) error {
	if err := scoringSupported(p); err != nil {
		return err
	}
	grade := defaultGrade
	if p.LegacyGrading {
		var err error
		if grade, err = j.legacyGrader(ctx, p); err != nil {
			return err
		}
	}
	tests, err := runScoring(ctx, p, run)
	if err != nil {
		return err
	}
	s, err := scoreWith(p, tests, grade)
	if err != nil {
		return err
	}
	rep.Tests, rep.Verdict, rep.Score = s.Tests, s.Verdict, s.Score
	for _, tr := range s.Tests {
		if tr.Verdict == JE {
			rep.Message = fmt.Sprintf("%s: %s", tr.Name, tr.Message)
			break
		}
	}
	if rep.Message == "" {
		rep.Message = s.Message
	}
	rep.Groups = s.Groups
	return nil
}

// scoringSupported reports a scoring problem this judge cannot score.
func scoringSupported(p *problem.Problem) error {
	if p.Data == nil {
		return fmt.Errorf("judge: %s: no test data", p.ShortName)
	}
	return nil
}

// walkGroups calls f on g and its descendant groups, parents first.
func walkGroups(g *problem.Group, f func(*problem.Group)) {
	f(g)
	for _, e := range g.Entries {
		if e.Group != nil {
			walkGroups(e.Group, f)
		}
	}
}

// runScoring runs the test cases of every group. Inside a group that stops
// at its first rejection (legacy on_reject: break, 2025-09 pass-fail), the
// remaining test cases are skipped, but its subgroups, and every other
// group, still run. A judge error stops everything.
func runScoring(ctx context.Context, p *problem.Problem, run func(*TestCase) TestResult) ([]TestResult, error) {
	tests := []TestResult{}
	stop := false
	var walk func(g *problem.Group) error
	walk = func(g *problem.Group) error {
		rejected := false
		for _, e := range g.Entries {
			if stop {
				return nil
			}
			if e.Group != nil {
				if err := walk(e.Group); err != nil {
					return err
				}
				continue
			}
			if rejected {
				continue
			}
			tr := run(testCase(e.Case))
			if err := ctx.Err(); err != nil {
				return err
			}
			tests = append(tests, tr)
			if tr.Verdict == JE {
				stop = true
				return nil
			}
			if tr.Verdict != AC && breaksOnReject(p, g) {
				rejected = true
			}
		}
		return nil
	}
	if err := walk(p.Data); err != nil {
		return nil, err
	}
	return tests, nil
}

// breaksOnReject reports whether the test cases of g stop at the first one
// rejected.
func breaksOnReject(p *problem.Problem, g *problem.Group) bool {
	if p.LegacyGrading {
		return g.Settings.OnReject == "break"
	}
	return g.Settings.ScoreAggregation == "pass-fail"
}

// errorOrder ranks the verdicts for worst_error: the first present wins.
var errorOrder = []Verdict{JE, RE, MLE, TLE, OLE, WA}

// worstError returns the worst verdict of vs, or AC when all are AC.
func worstError(vs []Verdict) Verdict {
	best := len(errorOrder)
	for _, v := range vs {
		i := slices.Index(errorOrder, v)
		if i < 0 && v != AC {
			i = len(errorOrder) - 1 // an unknown rejection counts as WA
		}
		if i >= 0 && i < best {
			best = i
		}
	}
	if best == len(errorOrder) {
		return AC
	}
	return errorOrder[best]
}

// roundScore removes the noise of floating-point sums (100/3 * 3).
func roundScore(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	return math.Round(x*1e9) / 1e9
}

// ScoreResults aggregates the results of a scoring problem's test cases
// into the verdict, the score and the groups' results. tests are matched
// to the problem's cases by name; cases without a result were not run
// (skipped after a rejection) and count as rejected where that matters.
// It runs nothing, so it also serves to recompute the groups of a Report;
// a legacy package with a custom grader (graders/) needs the judge to run
// it, and gets ErrUnsupported here.
func ScoreResults(p *problem.Problem, tests []TestResult) (*Scoring, error) {
	if p.Type != problem.Scoring {
		return nil, fmt.Errorf("judge: %s is not a scoring problem", p.ShortName)
	}
	if p.LegacyGrading {
		if g := usesCustomGrader(p); g != "" {
			return nil, fmt.Errorf("%w: ScoreResults runs no grader program (%s, group %s has grading: custom)", ErrUnsupported, p.ShortName, g)
		}
	}
	return scoreWith(p, tests, defaultGrade)
}

// scoreWith is ScoreResults with grade as the legacy groups' grader.
func scoreWith(p *problem.Problem, tests []TestResult, grade grader) (*Scoring, error) {
	if p.Type != problem.Scoring && !p.LegacyGrading {
		return nil, fmt.Errorf("judge: %s is not a scoring problem", p.ShortName)
	}
	if err := scoringSupported(p); err != nil {
		return nil, err
	}
	s := &Scoring{Tests: slices.Clone(tests)}
	byName := map[string]*TestResult{}
	for i := range s.Tests {
		s.Tests[i].Score = 0
		byName[s.Tests[i].Name] = &s.Tests[i]
	}
	if p.LegacyGrading {
		scoreLegacy(p, byName, s, grade)
	} else {
		score2025(p, byName, s)
	}
	if s.Verdict == JE {
		s.Score = 0
	}
	return s, nil
}

// subresult is one item's result within a legacy group.
type subresult struct {
	verdict Verdict
	score   float64
	sample  bool // the item is the group data/sample
}

// legacyFlags are the default grader's modes.
type legacyFlags struct {
	verdictMode, scoreMode    string
	ignoreSample, acceptIfAny bool
}

func parseGraderFlags(flags []string) legacyFlags {
	f := legacyFlags{verdictMode: "worst_error", scoreMode: "sum"}
	for _, w := range flags {
		switch w {
		case "worst_error", "first_error", "always_accept":
			f.verdictMode = w
		case "sum", "avg", "min", "max":
			f.scoreMode = w
		case "ignore_sample":
			f.ignoreSample = true
		case "accept_if_any_accepted":
			f.acceptIfAny = true
		}
	}
	return f
}

// gradeLegacy is the legacy default grader: it combines a group's
// subresults according to its grader_flags. A judge error anywhere is the
// group's verdict; a group that is not accepted scores 0 (the spec: the
// grader's score is ignored for non-accepted results).
func gradeLegacy(flags []string, subs []subresult) (Verdict, float64) {
	f := parseGraderFlags(flags)
	if f.ignoreSample {
		subs = slices.DeleteFunc(slices.Clone(subs), func(r subresult) bool { return r.sample })
	}
	if len(subs) == 0 {
		return AC, 0
	}
	vs := make([]Verdict, len(subs))
	scores := make([]float64, len(subs))
	for i, r := range subs {
		vs[i], scores[i] = r.verdict, r.score
	}
	if slices.Contains(vs, JE) {
		return JE, 0
	}
	var v Verdict
	switch f.verdictMode {
	case "always_accept":
		v = AC
	case "first_error":
		v = AC
		for _, x := range vs {
			if x != AC {
				v = x
				break
			}
		}
	default:
		v = worstError(vs)
	}
	if f.acceptIfAny && slices.Contains(vs, AC) {
		v = AC
	}
	if v != AC {
		return v, 0
	}
	var sc float64
	switch f.scoreMode {
	case "avg":
		for _, x := range scores {
			sc += x
		}
		sc /= float64(len(scores))
	case "min":
		sc = slices.Min(scores)
	case "max":
		sc = slices.Max(scores)
	default:
		for _, x := range scores {
			sc += x
		}
	}
	return AC, roundScore(sc)
}

// scoreLegacy grades the tree bottom-up with each group's grader. In a
// group with on_reject: break, the items after the first rejected one (a
// test case or a subgroup) take no part in its grade, as problemtools has
// it, though subgroups may have run; test cases not run are left out. A group's MaxScore is its
// grade with every case accepted, or, when the validator gives the scores,
// the top of its range where that is bounded. An accepted test case scores
// the validator's score.txt, else the group's accept_score; a rejected one
// its reject_score. An accepted group whose score falls outside its range
// is a judge error.
func scoreLegacy(p *problem.Problem, byName map[string]*TestResult, s *Scoring, grade grader) {
	// fail records the first judge error no test result carries.
	fail := func(err error) {
		if s.Message == "" {
			s.Message = err.Error()
		}
	}
	// gradeGroup returns the group's result; full says every case is AC
	// (for MaxScore), and out collects the group results in order.
	var gradeGroup func(g *problem.Group, full bool, out *[]GroupResult) (Verdict, float64)
	gradeGroup = func(g *problem.Group, full bool, out *[]GroupResult) (Verdict, float64) {
		at := len(*out)
		if g.Name != "" {
			*out = append(*out, GroupResult{Name: g.Name})
		}
		var subs []subresult
		// broken: the group stopped at a rejected item (on_reject: break);
		// the items after it take no part in its grade.
		broken := false
		for _, e := range g.Entries {
			if e.Group != nil {
				v, sc := gradeGroup(e.Group, full, out)
				if !broken {
					subs = append(subs, subresult{verdict: v, score: sc, sample: e.Group.Name == "sample"})
				}
				broken = broken || !full && v != AC && g.Settings.OnReject == "break"
				continue
			}
			if broken {
				continue
			}
			v := AC
			var tr *TestResult
			if !full {
				if tr = byName[e.Case.Name]; tr == nil {
					continue
				}
				v = tr.Verdict
			}
			sc := g.Settings.RejectScore
			if v == AC {
				sc = g.Settings.AcceptScore
				if tr != nil && tr.ValidatorScore != nil {
					sc = *tr.ValidatorScore
				}
			}
			if tr != nil {
				tr.Score = sc
			}
			subs = append(subs, subresult{verdict: v, score: sc})
			broken = !full && v != AC && g.Settings.OnReject == "break"
		}
		v, sc, err := grade(g, subs)
		if err != nil {
			if !full {
				fail(err)
			}
			v, sc = JE, 0
		}
		if r := g.Settings.Range; v == AC && (sc < r[0] || sc > r[1]) {
			if !full {
				fail(fmt.Errorf("judge: group %s scored %v, outside its range [%v, %v]", groupName(g), sc, r[0], r[1]))
				v, sc = JE, 0
			} else {
				sc = math.Max(r[0], math.Min(sc, r[1]))
			}
		}
		if full && p.ValidatorScores && !math.IsInf(g.Settings.Range[1], 1) {
			// The validator's scores are not known in advance: the most
			// a group can score is the top of its range, when bounded.
			sc = g.Settings.Range[1]
		}
		if v != AC {
			sc = 0 // the score of a rejected result is ignored
		}
		if g.Name != "" {
			(*out)[at].Verdict, (*out)[at].Score = v, sc
		}
		return v, sc
	}
	var maxes []GroupResult
	gradeGroup(p.Data, true, &maxes)
	s.Verdict, s.Score = gradeGroup(p.Data, false, &s.Groups)
	for i := range s.Groups {
		s.Groups[i].MaxScore = maxes[i].Score
	}
}

// score2025 applies the 2025-09 rules: samples never score; a pass-fail
// group gets its max_score when every test case is accepted; a sum group
// gets the sum of its cases' scores, a min group their minimum, each
// accepted case scoring its maximum (max_score/N in a sum group of N,
// max_score in a min group) unless the validator wrote score.txt or
// score_multiplier.txt (see caseScore); a group whose require_pass
// groups are not all accepted gets 0; data/secret sums (or takes the
// minimum of) its groups. The verdict is AC when every test case that ran
// is accepted, else the worst error among them.
func score2025(p *problem.Problem, byName map[string]*TestResult, s *Scoring) {
	// passed reports whether every case of the group (by name) is AC.
	passed := func(name string) bool {
		g := p.Group(name)
		if g == nil {
			return false
		}
		for _, c := range g.Cases() {
			tr := byName[c.Name]
			if tr == nil || tr.Verdict != AC {
				return false
			}
		}
		return true
	}
	verdictOf := func(g *problem.Group) Verdict {
		var vs []Verdict
		for _, c := range g.Cases() {
			if tr := byName[c.Name]; tr != nil {
				vs = append(vs, tr.Verdict)
			}
		}
		return worstError(vs)
	}
	finite := func(x float64) float64 {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return 0
		}
		return x
	}
	// scoreCases scores a group that holds test cases: in a sum or min
	// group, each accepted case scores its maximum, or what the
	// validator's score.txt or score_multiplier.txt says.
	scoreCases := func(g *problem.Group) float64 {
		st := g.Settings
		cases := g.Cases()
		var caseMax float64
		switch st.ScoreAggregation {
		case "sum":
			caseMax = st.MaxScore / float64(len(cases))
		case "min":
			caseMax = st.MaxScore
		default: // pass-fail: its test cases have no score of their own
			for _, c := range cases {
				if tr := byName[c.Name]; tr != nil && tr.Verdict == AC && (tr.ValidatorScore != nil || tr.ScoreMultiplier != nil) {
					tr.Verdict, tr.Message = JE, fmt.Sprintf("judge: the output validator wrote a score for a test case of %s, a pass-fail group", g.Name)
				}
			}
			if passed(g.Name) {
				return roundScore(finite(st.MaxScore))
			}
			return 0
		}
		var sc float64
		for i, c := range cases {
			tr := byName[c.Name]
			x := 0.0
			if tr != nil && tr.Verdict == AC {
				var err error
				if x, err = caseScore(tr, caseMax); err != nil {
					tr.Verdict, tr.Message, x = JE, err.Error(), 0
				} else {
					tr.Score = roundScore(x)
				}
			}
			switch {
			case st.ScoreAggregation == "sum":
				sc += x
			case i == 0 || x < sc:
				sc = x
			}
		}
		return roundScore(sc)
	}
	gated := func(g *problem.Group, sc float64) float64 {
		for _, r := range g.Settings.RequirePass {
			if !passed(r) {
				return 0
			}
		}
		return sc
	}
	var vs []Verdict
	for _, tr := range s.Tests {
		vs = append(vs, tr.Verdict)
	}
	s.Verdict = worstError(vs)
	for _, e := range p.Data.Entries {
		g := e.Group
		if g == nil {
			continue
		}
		if g.Name != "secret" {
			// sample, which never scores.
			s.Groups = append(s.Groups, GroupResult{Name: g.Name, Verdict: verdictOf(g)})
			continue
		}
		at := len(s.Groups)
		s.Groups = append(s.Groups, GroupResult{Name: g.Name, MaxScore: finite(g.Settings.MaxScore), Verdict: verdictOf(g)})
		hasGroups := slices.ContainsFunc(g.Entries, func(e problem.Entry) bool { return e.Group != nil })
		var sc float64
		if !hasGroups {
			sc = scoreCases(g)
		} else {
			var scores []float64
			for _, sub := range g.Entries {
				if sub.Group == nil {
					continue
				}
				gsc := gated(sub.Group, scoreCases(sub.Group))
				scores = append(scores, gsc)
				s.Groups = append(s.Groups, GroupResult{Name: sub.Group.Name, Score: gsc, MaxScore: finite(sub.Group.Settings.MaxScore), Verdict: verdictOf(sub.Group)})
			}
			switch g.Settings.ScoreAggregation {
			case "min":
				sc = slices.Min(scores)
			case "pass-fail":
				if passed(g.Name) {
					sc = finite(g.Settings.MaxScore)
				}
			default:
				for _, x := range scores {
					sc += x
				}
			}
		}
		sc = roundScore(gated(g, sc))
		s.Groups[at].Score = sc
		s.Score = sc
	}
	// A score the validator got wrong is a judge error.
	for _, tr := range s.Tests {
		if tr.Verdict == JE {
			s.Verdict = JE
		}
	}
}

// caseScore is the score of an accepted test case of a sum or min group
// whose cases may score up to caseMax (+Inf when unbounded), by the
// 2025-09 rules; an error is a judge error.
func caseScore(tr *TestResult, caseMax float64) (float64, error) {
	unbounded := math.IsInf(caseMax, 1)
	switch {
	case tr.ValidatorScore != nil:
		x := *tr.ValidatorScore
		if x < 0 {
			return 0, fmt.Errorf("judge: the output validator's score.txt holds %v; a score is not negative", x)
		}
		if !unbounded && x > caseMax+1e-9*math.Max(1, caseMax) {
			return 0, fmt.Errorf("judge: the output validator's score.txt holds %v, above the test case's maximum %v", x, roundScore(caseMax))
		}
		return x, nil
	case tr.ScoreMultiplier != nil:
		if unbounded {
			return 0, fmt.Errorf("judge: the output validator wrote score_multiplier.txt for a test case of unbounded score; it must write score.txt")
		}
		return *tr.ScoreMultiplier * caseMax, nil
	case unbounded:
		return 0, fmt.Errorf("judge: the output validator wrote no score.txt for an accepted test case of unbounded score")
	}
	return caseMax, nil
}
