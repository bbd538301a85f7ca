package service

import (
	"context"
	"time"

	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/store"
)

// SubmissionView is a submission as the API shows it.
type SubmissionView struct {
	ID         string               `json:"id"`
	Problem    string               `json:"problem"`
	Language   string               `json:"language"`
	User       string               `json:"user"`
	Status     string               `json:"status"`
	Verdict    string               `json:"verdict,omitempty"`
	Score      float64              `json:"score"`
	CreatedAt  time.Time            `json:"created_at"`
	FinishedAt *time.Time           `json:"finished_at,omitempty"`
	TimeMs     float64              `json:"time_ms"`
	MemoryKiB  int64                `json:"memory_kib"`
	Compile    *judge.CompileReport `json:"compile,omitempty"`
	Tests      []TestView           `json:"tests,omitempty"`
	Groups     []judge.GroupResult  `json:"groups,omitempty"`
	Stdout     string               `json:"stdout,omitempty"`
	Message    string               `json:"message,omitempty"`
	TestCount  int                  `json:"test_count"`
	TestsDone  int                  `json:"tests_done"`
	Source     string               `json:"source,omitempty"`
	Files      []store.File         `json:"files,omitempty"`
	// Attempts and the judge error's cause are shown to admins.
	Attempts int `json:"attempts,omitempty"`
}

// TestView is one test's result as the API shows it: input and expected
// output for sample tests only.
type TestView struct {
	judge.TestResult
	Input    *string `json:"input,omitempty"`
	Expected *string `json:"expected,omitempty"`
	Output   *string `json:"output,omitempty"`
}

// Who says what a caller may see of a submission.
type Who struct {
	Owner, Admin bool
}

// View returns what the API shows of a submission. withTests adds the
// tests (GET of one submission, events); lists go without.
func (s *Service) View(ctx context.Context, sub *store.Submission, who Who, withTests bool) *SubmissionView {
	v := &SubmissionView{
		ID: sub.ID, Problem: sub.Problem, Language: sub.Language, User: sub.User, Status: sub.Status,
		Verdict: sub.Verdict, Score: sub.Score, CreatedAt: sub.CreatedAt, TimeMs: sub.TimeMs,
		MemoryKiB: sub.MemoryKiB, TestCount: sub.TestCount, TestsDone: sub.TestsDone,
	}
	if !sub.FinishedAt.IsZero() {
		t := sub.FinishedAt
		v.FinishedAt = &t
	}
	if who.Owner || who.Admin {
		if len(sub.Files) == 1 {
			v.Source = sub.Files[0].Content
		}
		v.Files = sub.Files
	}
	if who.Admin {
		v.Attempts = sub.Attempts
	}
	if sub.Message != "" && (who.Admin || sub.Verdict != string(judge.JE)) {
		v.Message = sub.Message
	} else if sub.Verdict == string(judge.JE) {
		v.Message = "the judge failed on this submission; an administrator can see why"
	}
	if r := sub.Report; r != nil {
		c := r.Compile
		v.Compile = &c
		if withTests {
			v.Stdout = r.Stdout
			v.Groups = r.Groups
			var samples map[string]Sample
			for _, t := range r.Tests {
				tv := TestView{TestResult: t}
				if t.Group != "sample" && t.Verdict == judge.WA && !who.Admin {
					// A checker's message quotes the expected output:
					// hidden tests never show their data.
					tv.Message = ""
				}
				if t.Group == "sample" {
					if samples == nil {
						samples = s.samples(ctx, sub.Problem)
					}
					if sm, ok := samples[t.Name]; ok {
						in, out := sm.Input, sm.Output
						tv.Input, tv.Expected = &in, &out
					}
					out := t.Output
					tv.Output = &out
				}
				v.Tests = append(v.Tests, tv)
			}
		}
	}
	return v
}

func (s *Service) samples(ctx context.Context, problemID string) map[string]Sample {
	m := map[string]Sample{}
	info, err := s.ProblemInfo(ctx, problemID)
	if err != nil {
		if s.Log != nil {
			s.Log.Warn("samples of a submission's problem", "problem", problemID, "err", err)
		}
		return m
	}
	for _, sm := range info.Samples {
		m[sm.Name] = sm
	}
	return m
}
