package service

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/internal/safefs"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
	"github.com/verdict-judge/verdict/store"
)

// RunLimits are the limits of a run, as the API gives them (zero: the
// default).
type RunLimits struct {
	TimeMs    int64 `json:"time_ms,omitempty"`
	MemoryMiB int64 `json:"memory_mib,omitempty"`
}

// RunRequest asks for a program to be compiled and run on an input.
type RunRequest struct {
	Language string
	Files    []store.File
	Stdin    string
	Limits   RunLimits
}

// RunResult is what a run gave.
type RunResult struct {
	Status    string              `json:"status"`
	ExitCode  int                 `json:"exit_code"`
	Signal    int                 `json:"signal"`
	Stdout    string              `json:"stdout"`
	Stderr    string              `json:"stderr"`
	TimeMs    float64             `json:"time_ms"`
	WallMs    float64             `json:"wall_ms"`
	MemoryKiB int64               `json:"memory_kib"`
	Message   string              `json:"message,omitempty"`
	Compile   judge.CompileReport `json:"compile"`
}

// Bounds of the limits a caller may ask for.
const (
	maxRunTime   = 10 * time.Second
	maxRunMemory = 1024 << 20
	maxStdin     = 1 << 20
)

func (l RunLimits) sandbox() (sandbox.Limits, error) {
	var out sandbox.Limits
	if l.TimeMs < 0 || time.Duration(l.TimeMs)*time.Millisecond > maxRunTime {
		return out, errorf(OutOfRange, "limits.time_ms=%d: must be between 1 and %d", l.TimeMs, maxRunTime.Milliseconds())
	}
	if l.MemoryMiB < 0 || l.MemoryMiB<<20 > maxRunMemory || (l.MemoryMiB > 0 && l.MemoryMiB < 8) {
		return out, errorf(OutOfRange, "limits.memory_mib=%d: must be between 8 and %d", l.MemoryMiB, maxRunMemory>>20)
	}
	out.CPU = time.Duration(l.TimeMs) * time.Millisecond
	if out.CPU == 0 {
		out.CPU = 2 * time.Second
	}
	out.Memory = l.MemoryMiB << 20
	if out.Memory == 0 {
		out.Memory = 256 << 20
	}
	out.Stdout, out.Stderr = 1<<20, 64<<10
	return out, nil
}

// Run compiles and runs a program once on the given input ("Run code").
func (s *Service) Run(ctx context.Context, r RunRequest) (*RunResult, error) {
	files, err := s.sources(r.Language, r.Files)
	if err != nil {
		return nil, err
	}
	if len(r.Stdin) > maxStdin {
		return nil, errorf(TooLarge, "stdin is %d bytes, more than the limit of %d", len(r.Stdin), maxStdin)
	}
	lim, err := r.Limits.sandbox()
	if err != nil {
		return nil, err
	}
	l, _ := s.Engine.Language(r.Language)
	res, err := s.Engine.Judge.RunCode(ctx, &judge.CodeRun{Lang: l, Sources: JudgeSources(files), Stdin: []byte(r.Stdin), Limits: lim, MaxSourceSize: s.maxSource()})
	var se *judge.SourceError
	if errors.As(err, &se) {
		return nil, errorf(Invalid, "%v", se)
	}
	if err != nil {
		return nil, fmt.Errorf("service: run: %w", err)
	}
	if s.Metrics != nil {
		s.Metrics.SandboxRuns.WithLabelValues("run").Inc()
		if res.Compile.Cached {
			s.Metrics.CompileHits.Inc()
		}
	}
	out := &RunResult{Compile: res.Compile}
	if res.Run == nil {
		out.Status = "CE"
		return out, nil
	}
	rr := res.Run
	out.Status, out.ExitCode, out.Signal = string(rr.Status), rr.ExitCode, rr.Signal
	out.Stdout, out.Stderr = string(rr.Stdout), string(rr.Stderr)
	out.TimeMs, out.WallMs = ms(rr.CPU), ms(rr.Wall)
	out.MemoryKiB, out.Message = rr.Memory>>10, rr.Message
	return out, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// ProblemRunRequest runs code as a problem's submission, on its samples
// (Tests empty) or on custom inputs.
type ProblemRunRequest struct {
	Problem  string
	Language string
	Files    []store.File
	Tests    []string
}

// ProblemRun judges code on a problem's samples, or runs it on custom
// inputs, without recording anything. The answer has the shape of a
// submission.
func (s *Service) ProblemRun(ctx context.Context, r ProblemRunRequest) (*SubmissionView, error) {
	info, err := s.bodyProblem(ctx, r.Problem)
	if err != nil {
		return nil, err
	}
	if len(info.Languages) > 0 && !contains(info.Languages, r.Language) {
		return nil, errorf(Invalid, "problem %s does not accept language %s", r.Problem, r.Language)
	}
	files, err := s.sources(r.Language, r.Files)
	if err != nil {
		return nil, err
	}
	l, _ := s.Engine.Language(r.Language)
	view := &SubmissionView{Problem: r.Problem, Language: r.Language, Status: store.StatusDone, CreatedAt: time.Now().UTC()}
	if len(r.Tests) > 0 && info.Kind == "function" {
		return s.functionCustomRun(ctx, r, l, files, view)
	}
	if len(r.Tests) > 0 {
		if info.Kind != "stdio" {
			return nil, errorf(Invalid, "custom tests are supported for stdio and function problems only; this one is %s (run it on its samples)", info.Kind)
		}
		if len(r.Tests) > 20 {
			return nil, errorf(OutOfRange, "%d custom tests: at most 20", len(r.Tests))
		}
		for i, in := range r.Tests {
			if len(in) > maxStdin {
				return nil, errorf(TooLarge, "tests[%d] is %d bytes, more than the limit of %d", i, len(in), maxStdin)
			}
		}
		worst := judge.AC
		for i, in := range r.Tests {
			res, err := s.Engine.Judge.RunCode(ctx, &judge.CodeRun{Lang: l, Sources: JudgeSources(files), Stdin: []byte(in),
				Limits: sandbox.Limits{CPU: time.Duration(info.TimeLimitMs) * time.Millisecond, Memory: info.MemoryMiB << 20, Stdout: 1 << 20, Stderr: 64 << 10}, MaxSourceSize: s.maxSource()})
			if err != nil {
				var se *judge.SourceError
				if errors.As(err, &se) {
					return nil, errorf(Invalid, "%v", se)
				}
				return nil, fmt.Errorf("service: run: %w", err)
			}
			c := res.Compile
			view.Compile = &c
			if res.Run == nil {
				view.Verdict = string(judge.CE)
				return view, nil
			}
			rr := res.Run
			v := judge.StatusVerdict(rr.Status) // AC: ran to its end, nothing to compare
			if v != judge.AC && worst == judge.AC {
				worst = v
			}
			input, output := in, string(rr.Stdout)
			view.Tests = append(view.Tests, TestView{TestResult: judge.TestResult{Name: fmt.Sprintf("custom/%d", i+1), Group: "custom",
				Verdict: v, CPUMs: ms(rr.CPU), WallMs: ms(rr.Wall), MemoryKiB: rr.Memory >> 10, Message: rr.Message}, Input: &input})
			view.Tests[len(view.Tests)-1].Output = &output
			view.Stdout += string(rr.Stderr)
		}
		view.Verdict = string(worst)
		view.TestCount, view.TestsDone = len(r.Tests), len(r.Tests)
		return view, nil
	}
	row, err := s.Store.Problem(ctx, r.Problem)
	if err != nil {
		return nil, err
	}
	p, err := s.Problems.Load(ctx, row.BlobKey)
	if err != nil {
		return nil, fmt.Errorf("service: problem %s: %w", r.Problem, err)
	}
	samples := p.Group("sample")
	if samples == nil || len(samples.Cases()) == 0 {
		return nil, errorf(Invalid, "problem %s has no samples; give custom tests", r.Problem)
	}
	cp := *p
	cp.Data = &problem.Group{Name: "", Dir: p.Data.Dir, Settings: p.Data.Settings, Entries: []problem.Entry{{Group: samples}}}
	rep, err := s.Engine.Judge.Submit(ctx, &cp, l, JudgeSources(files), judge.Options{RunAll: true})
	var se *judge.SourceError
	if errors.As(err, &se) {
		return nil, errorf(Invalid, "%v", se)
	}
	if err != nil {
		return nil, fmt.Errorf("service: run on samples: %w", err)
	}
	sub := &store.Submission{Problem: r.Problem, Language: r.Language, Status: store.StatusDone, Verdict: string(rep.Verdict),
		Score: rep.Score, Report: rep, TestCount: len(samples.Cases()), TestsDone: len(rep.Tests), CreatedAt: view.CreatedAt}
	FillTimes(sub)
	return s.View(ctx, sub, Who{}, true), nil
}

// FillTimes sets a submission's time and memory from its report: the
// slowest test's CPU time, the largest memory.
func FillTimes(sub *store.Submission) {
	if sub.Report == nil {
		return
	}
	for _, t := range sub.Report.Tests {
		sub.TimeMs = max(sub.TimeMs, t.CPUMs)
		sub.MemoryKiB = max(sub.MemoryKiB, t.MemoryKiB)
	}
}

// ExecFile is a file placed in the work directory of an exec.
type ExecFile struct {
	Name    string `json:"name"`
	Content string `json:"content"`
	Base64  bool   `json:"base64,omitempty"`
}

// ExecLimits are an exec's limits (zero: the sandbox's default).
type ExecLimits struct {
	CPUMs     int64 `json:"cpu_ms,omitempty"`
	WallMs    int64 `json:"wall_ms,omitempty"`
	MemoryMiB int64 `json:"memory_mib,omitempty"`
	Pids      int   `json:"pids,omitempty"`
	OutputKiB int64 `json:"output_kib,omitempty"`
}

// ExecRequest is a raw sandbox run.
type ExecRequest struct {
	Argv   []string   `json:"argv"`
	Stdin  string     `json:"stdin,omitempty"`
	Env    []string   `json:"env,omitempty"`
	Files  []ExecFile `json:"files,omitempty"`
	Limits ExecLimits `json:"limits,omitempty"`
}

// ExecResult is the sandbox's result.
type ExecResult struct {
	Status    string  `json:"status"`
	ExitCode  int     `json:"exit_code"`
	Signal    int     `json:"signal"`
	Stdout    string  `json:"stdout"`
	Stderr    string  `json:"stderr"`
	CPUMs     float64 `json:"cpu_ms"`
	WallMs    float64 `json:"wall_ms"`
	MemoryKiB int64   `json:"memory_kib"`
	Message   string  `json:"message,omitempty"`
}

// Exec runs one program in the sandbox as it is asked.
func (s *Service) Exec(ctx context.Context, r ExecRequest) (*ExecResult, error) {
	if len(r.Argv) == 0 || r.Argv[0] == "" {
		return nil, errorf(Invalid, "argv: give the program and its arguments")
	}
	if len(r.Stdin) > 16<<20 {
		return nil, errorf(TooLarge, "stdin is %d bytes, more than the limit of %d", len(r.Stdin), 16<<20)
	}
	for i, e := range r.Env {
		if !strings.Contains(e, "=") || strings.HasPrefix(e, "=") {
			return nil, errorf(Invalid, "env[%d] %q: not NAME=VALUE", i, e)
		}
	}
	lim := r.Limits
	switch {
	case lim.CPUMs < 0 || lim.CPUMs > 60_000:
		return nil, errorf(OutOfRange, "limits.cpu_ms=%d: must be between 1 and 60000", lim.CPUMs)
	case lim.WallMs < 0 || lim.WallMs > 180_000:
		return nil, errorf(OutOfRange, "limits.wall_ms=%d: must be between 1 and 180000", lim.WallMs)
	case lim.MemoryMiB < 0 || lim.MemoryMiB > 4096 || (lim.MemoryMiB > 0 && lim.MemoryMiB < 4):
		return nil, errorf(OutOfRange, "limits.memory_mib=%d: must be between 4 and 4096", lim.MemoryMiB)
	case lim.Pids < 0 || lim.Pids > 1024:
		return nil, errorf(OutOfRange, "limits.pids=%d: must be between 1 and 1024", lim.Pids)
	case lim.OutputKiB < 0 || lim.OutputKiB > 65536:
		return nil, errorf(OutOfRange, "limits.output_kib=%d: must be between 1 and 65536", lim.OutputKiB)
	}
	spec := &sandbox.Spec{Args: r.Argv, Env: r.Env, Stdin: strings.NewReader(r.Stdin), Limits: sandbox.Limits{
		CPU: time.Duration(lim.CPUMs) * time.Millisecond, Wall: time.Duration(lim.WallMs) * time.Millisecond,
		Memory: lim.MemoryMiB << 20, Pids: lim.Pids, Stdout: lim.OutputKiB << 10, Stderr: lim.OutputKiB << 10,
	}}
	if r.Stdin == "" {
		spec.Stdin = nil
	}
	var total int
	for i, f := range r.Files {
		if clean, err := safefs.CleanName(f.Name); err != nil || clean != f.Name {
			return nil, errorf(Invalid, "files[%d].name %q: must be a clean relative path inside the work directory", i, f.Name)
		}
		data := []byte(f.Content)
		if f.Base64 {
			var err error
			if data, err = base64.StdEncoding.DecodeString(f.Content); err != nil {
				return nil, errorf(Invalid, "files[%d].content: not base64: %v", i, err)
			}
		}
		total += len(data)
		if total > 64<<20 {
			return nil, errorf(TooLarge, "files: more than %d bytes", 64<<20)
		}
		spec.Files = append(spec.Files, sandbox.File{Name: f.Name, Data: data, Mode: 0o755})
	}
	res, err := s.Engine.SB.Run(ctx, spec)
	if err != nil {
		return nil, fmt.Errorf("service: exec: %w", err)
	}
	if s.Metrics != nil {
		s.Metrics.SandboxRuns.WithLabelValues("exec").Inc()
	}
	return &ExecResult{Status: string(res.Status), ExitCode: res.ExitCode, Signal: res.Signal, Stdout: string(res.Stdout),
		Stderr: string(res.Stderr), CPUMs: ms(res.CPU), WallMs: ms(res.Wall), MemoryKiB: res.Memory >> 10, Message: res.Message}, nil
}

// functionCustomRun runs code on a function problem's custom inputs (in
// LeetCode's test text), which have no expected answers: each test that
// gives a result is AC and shows it as its output.
func (s *Service) functionCustomRun(ctx context.Context, r ProblemRunRequest, l *lang.Language, files []store.File, view *SubmissionView) (*SubmissionView, error) {
	if len(r.Tests) > 20 {
		return nil, errorf(OutOfRange, "%d custom tests: at most 20", len(r.Tests))
	}
	row, err := s.Store.Problem(ctx, r.Problem)
	if err != nil {
		return nil, err
	}
	p, err := s.Problems.Load(ctx, row.BlobKey)
	if err != nil {
		return nil, fmt.Errorf("service: problem %s: %w", r.Problem, err)
	}
	dir, err := os.MkdirTemp("", "verdict-custom-")
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	defer os.RemoveAll(dir)
	group := &problem.Group{Name: "sample", Dir: dir, Settings: p.Data.Settings}
	for i, in := range r.Tests {
		if len(in) > maxStdin {
			return nil, errorf(TooLarge, "tests[%d] is %d bytes, more than the limit of %d", i, len(in), maxStdin)
		}
		if _, err := p.Function.ParseTest([]byte(in)); err != nil {
			return nil, errorf(Invalid, "tests[%d]: %v", i, err)
		}
		c := &problem.Case{Name: fmt.Sprintf("sample/custom-%d", i+1), InPath: filepath.Join(dir, fmt.Sprintf("%d.in", i+1)), AnsPath: filepath.Join(dir, fmt.Sprintf("%d.ans", i+1))}
		if err := os.WriteFile(c.InPath, []byte(in), 0o600); err != nil {
			return nil, fmt.Errorf("service: %w", err)
		}
		if err := os.WriteFile(c.AnsPath, []byte("null\n"), 0o600); err != nil {
			return nil, fmt.Errorf("service: %w", err)
		}
		group.Entries = append(group.Entries, problem.Entry{Case: c})
	}
	cp := *p
	cp.OutputValidator = nil
	cp.Data = &problem.Group{Name: "", Dir: dir, Settings: p.Data.Settings, Entries: []problem.Entry{{Group: group}}}
	rep, err := s.Engine.Judge.Submit(ctx, &cp, l, JudgeSources(files), judge.Options{RunAll: true, NoAnswers: true})
	var se *judge.SourceError
	if errors.As(err, &se) {
		return nil, errorf(Invalid, "%v", se)
	}
	if err != nil {
		return nil, fmt.Errorf("service: run on custom tests: %w", err)
	}
	sub := &store.Submission{Problem: r.Problem, Language: r.Language, Status: store.StatusDone, Verdict: string(rep.Verdict),
		Score: rep.Score, Report: rep, TestCount: len(r.Tests), TestsDone: len(rep.Tests), CreatedAt: view.CreatedAt}
	FillTimes(sub)
	v := s.View(ctx, sub, Who{}, true)
	for i := range v.Tests {
		if i < len(r.Tests) {
			in := r.Tests[i]
			v.Tests[i].Input, v.Tests[i].Expected = &in, nil
			out := v.Tests[i].TestResult.Output
			v.Tests[i].Output = &out
		}
	}
	return v, nil
}
