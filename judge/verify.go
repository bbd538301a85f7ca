package judge

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// SubmissionCheck is how one of a package's own submissions fared.
type SubmissionCheck struct {
	Path     string  `json:"path"`     // relative to the package
	Expected string  `json:"expected"` // the directory it sits in
	Verdict  Verdict `json:"verdict"`
	Score    float64 `json:"score"`
	MaxCPUMs float64 `json:"max_cpu_ms"` // its slowest test
	OK       bool    `json:"ok"`
	Message  string  `json:"message,omitempty"`
}

// InputCheck is one failure of an input validator.
type InputCheck struct {
	Validator string `json:"validator"`
	Case      string `json:"case"`
	Message   string `json:"message"`
}

// VerifyReport is what `verdict problem verify` found.
type VerifyReport struct {
	Problem       string            `json:"problem"`
	TimeLimitMs   int64             `json:"time_limit_ms"`
	TimeLimitFrom string            `json:"time_limit_from"` // "problem" or "submissions"
	Submissions   []SubmissionCheck `json:"submissions"`
	InvalidInputs []InputCheck      `json:"invalid_inputs"`
	Summary       VerifySummary     `json:"summary"`
}

// VerifySummary counts the findings.
type VerifySummary struct {
	Submissions   int  `json:"submissions"`
	Mismatches    int  `json:"mismatches"`
	Cases         int  `json:"cases"`
	InvalidInputs int  `json:"invalid_inputs"`
	OK            bool `json:"ok"`
}

// verdictFor maps the judge's verdicts to the package format's.
func verdictFor(v Verdict) problem.Verdict {
	switch v {
	case RE, MLE, OLE:
		return problem.RTE
	}
	return problem.Verdict(v)
}

// provisionalTimeLimit is the limit accepted submissions run with when the
// time limit is to be computed from them.
const provisionalTimeLimit = 20 * time.Second

// Verify validates a package's test data with its input validators, sets
// the time limit from the accepted submissions when the package gives none
// (as problemtools does), judges every submission and compares each with
// the directory it sits in (and submissions.yaml).
func (j *Judge) Verify(ctx context.Context, p *problem.Problem) (*VerifyReport, error) {
	rep := &VerifyReport{Problem: p.ShortName, Submissions: []SubmissionCheck{}, InvalidInputs: []InputCheck{}}
	cases := p.Cases()
	rep.Summary.Cases = len(cases)
	if err := j.validateInputs(ctx, p, cases, rep); err != nil {
		return nil, err
	}
	validateFunctionTests(p, rep)

	subs := append([]problem.Submission(nil), p.Submissions...)
	sort.SliceStable(subs, func(a, b int) bool { return subs[a].Category == "accepted" && subs[b].Category != "accepted" })
	tl := p.Limits.TimeLimit
	rep.TimeLimitFrom = "problem"
	results := map[string]*Report{}
	if tl <= 0 {
		rep.TimeLimitFrom = "submissions"
		var slowest float64
		for _, s := range subs {
			if s.Category != "accepted" {
				continue
			}
			r, err := j.judgeSubmission(ctx, p, s, provisionalTimeLimit)
			if err != nil {
				return nil, err
			}
			results[s.Path] = r
			for _, t := range r.Tests {
				slowest = math.Max(slowest, t.CPUMs)
			}
		}
		mult := p.Limits.TimeMultiplier
		if mult <= 0 {
			mult = 5
		}
		res := p.Limits.TimeResolution
		if res <= 0 {
			res = time.Second
		}
		steps := math.Ceil(slowest / 1000 * mult / res.Seconds())
		tl = time.Duration(math.Max(1, steps)) * res
		// The accepted ones ran with the provisional limit: judge them
		// again with the real one, as every other submission will be.
		results = map[string]*Report{}
	}
	rep.TimeLimitMs = tl.Milliseconds()
	for _, s := range subs {
		rel, _ := filepath.Rel(p.Dir, s.Path)
		sc := SubmissionCheck{Path: rel, Expected: s.Category}
		r := results[s.Path]
		if r == nil {
			var err error
			if r, err = j.judgeSubmission(ctx, p, s, tl); err != nil {
				sc.Verdict, sc.Message = JE, err.Error()
			}
		}
		if r != nil {
			sc.Verdict, sc.Score = r.Verdict, r.Score
			for _, t := range r.Tests {
				sc.MaxCPUMs = math.Max(sc.MaxCPUMs, t.CPUMs)
			}
			sc.OK, sc.Message = meets(p, s, r)
		}
		if !sc.OK {
			rep.Summary.Mismatches++
		}
		rep.Submissions = append(rep.Submissions, sc)
	}
	rep.Summary.Submissions = len(rep.Submissions)
	rep.Summary.InvalidInputs = len(rep.InvalidInputs)
	rep.Summary.OK = rep.Summary.Mismatches == 0 && rep.Summary.InvalidInputs == 0
	return rep, nil
}

// judgeSubmission judges one of the package's submissions, running every
// test so that per-case requirements can be checked.
func (j *Judge) judgeSubmission(ctx context.Context, p *problem.Problem, s problem.Submission, tl time.Duration) (*Report, error) {
	srcs, err := programSources(&s.Program)
	if err != nil {
		return nil, err
	}
	l, ok := j.Langs.Lookup(s.Language)
	if !ok {
		if l, ok = j.Langs.ForFile(srcs[0].Name); !ok {
			return nil, fmt.Errorf("judge: %s: no language for it", s.Path)
		}
	}
	if l.Version == "" {
		return nil, fmt.Errorf("judge: %s: the %s toolchain is not installed here", s.Path, l.ID)
	}
	if len(srcs) == 1 {
		srcs[0].Name = l.SourceName(srcs[0].Data)
	}
	for i := range srcs {
		srcs[i].Data = substituteConstants(p, srcs[i].Data)
	}
	return j.Submit(ctx, p, l, srcs, Options{RunAll: true, TimeLimit: tl})
}

// meets checks a judged submission against its requirements.
func meets(p *problem.Problem, s problem.Submission, r *Report) (bool, string) {
	if r.Verdict == JE {
		return false, "judge error: " + r.Message
	}
	if r.Verdict == CE {
		return false, "compile error: " + firstLine(r.Compile.Output)
	}
	byCase := map[string]problem.Verdict{}
	for _, t := range r.Tests {
		byCase[t.Name] = verdictFor(t.Verdict)
	}
	for _, req := range s.Requirements {
		names := req.Cases
		if req.Scope == "" {
			names = nil
			for _, t := range r.Tests {
				names = append(names, t.Name)
			}
		}
		if len(req.Permitted) == 0 && len(req.Required) == 0 && req.Score == nil && r.Verdict != AC {
			// Legacy partially_accepted: accepted overall.
			return false, fmt.Sprintf("verdict %s; expected accepted overall", r.Verdict)
		}
		if len(req.Permitted) == 0 && len(req.Required) == 0 && req.Score == nil {
			// ... but without the best score of the range (legacy
			// grading.objective).
			if best, ok := bestScore(p); ok && r.Score == best {
				return false, fmt.Sprintf("score %g is the best the range allows; expected partially accepted", r.Score)
			}
		}
		if len(req.Permitted) > 0 {
			for _, n := range names {
				if v, ok := byCase[n]; ok && !hasVerdict(req.Permitted, v) {
					return false, fmt.Sprintf("%s got %s; %s permits %v", n, v, scopeName(req.Scope), req.Permitted)
				}
			}
		}
		if len(req.Required) > 0 {
			found := false
			for _, n := range names {
				found = found || hasVerdict(req.Required, byCase[n])
			}
			if !found {
				return false, fmt.Sprintf("no test case of %s got any of %v (verdict %s)", scopeName(req.Scope), req.Required, r.Verdict)
			}
		}
		if req.Score != nil && req.Scope == "" && len(req.Score) == 2 && (r.Score < req.Score[0] || r.Score > req.Score[1]) {
			return false, fmt.Sprintf("score %g outside %v", r.Score, req.Score)
		}
	}
	return true, ""
}

// bestScore is the best score a legacy scoring problem's range allows:
// its upper end when the objective is max, its lower end when min; false
// when that end is unbounded.
func bestScore(p *problem.Problem) (float64, bool) {
	if p.Data == nil || p.Type != problem.Scoring {
		return 0, false
	}
	r := p.Data.Settings.Range
	best := r[1]
	if p.Objective == "min" {
		best = r[0]
	}
	return best, !math.IsInf(best, 0)
}

func scopeName(scope string) string {
	if scope == "" {
		return "the problem"
	}
	return scope
}

func hasVerdict(list []problem.Verdict, v problem.Verdict) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// validateInputs runs every input validator on every test input: exit 42
// means valid.
func (j *Judge) validateInputs(ctx context.Context, p *problem.Problem, cases []*problem.Case, rep *VerifyReport) error {
	for _, v := range p.InputValidators {
		comp, err := j.compileProgram(ctx, p, &v, "input validator")
		if err != nil {
			return err
		}
		l := comp.Program.Lang
		for _, c := range cases {
			in, err := os.Open(c.InPath)
			if err != nil {
				return fmt.Errorf("judge: %w", err)
			}
			files, err := runFiles(comp.Program, &TestCase{Name: c.Name, FilesDir: c.FilesDir})
			if err != nil {
				in.Close()
				return err
			}
			res, err := j.SB.Run(ctx, &sandbox.Spec{
				Args:  append(comp.Program.Args(1<<30), c.InputValidatorArgsFor(v.Name)...),
				Env:   l.Env,
				Files: files,
				Stdin: in,
				Limits: sandbox.Limits{CPU: 60 * time.Second, Memory: 1 << 30,
					Pids: max(64, l.RunLimits.Pids)},
			})
			in.Close()
			if err != nil {
				return fmt.Errorf("judge: input validator %s: %w", v.Path, err)
			}
			if validatorExit(res, 42) {
				continue
			}
			msg := strings.TrimSpace(string(res.Stdout) + " " + string(res.Stderr))
			rep.InvalidInputs = append(rep.InvalidInputs, InputCheck{Validator: v.Name, Case: c.Name,
				Message: fmt.Sprintf("%s (%s): %s", res.Status, res.Message, tail(msg, 500))})
		}
	}
	return nil
}
