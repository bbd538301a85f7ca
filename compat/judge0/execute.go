package judge0

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/verdict-judge/verdict/internal/safefs"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// Runner runs code: Verdict's engine as the Judge0 API sees it.
type Runner interface {
	// Languages returns the languages whose toolchain is present.
	Languages() []*lang.Language
	// RunCode compiles and runs a program once.
	RunCode(ctx context.Context, r *judge.CodeRun) (*judge.CodeResult, error)
}

// Execute runs a submission as Judge0 does (number_of_runs times, stopping
// at the first run that is not accepted; time and memory are the average)
// and sets its results and status. An error means the engine failed (the
// caller may retry, and in the end mark the submission InternalError with
// the message); what the submission does wrong is its status.
func Execute(ctx context.Context, r Runner, langs *Languages, s *Submission, maxExtract int64) error {
	l, ok := langs.Lookup(s.LanguageID)
	if !ok {
		s.finish(InternalError, fmt.Sprintf("language with id %d is not available on this worker", s.LanguageID))
		return nil
	}
	files, err := extract(s.AdditionalFiles, maxExtract)
	if err != nil {
		s.finish(InternalError, err.Error())
		return nil
	}
	run := &judge.CodeRun{
		Lang:    l.lang,
		Sources: []judge.Source{{Name: l.lang.SourceName(s.SourceCode), Data: s.SourceCode}},
		Stdin:   s.Stdin,
		Files:   files,
		Limits: sandbox.Limits{
			// The program is stopped at the limit plus the extra time and
			// judged over the limit, as isolate's -t and -x.
			CPU:      time.Duration((s.CPUTimeLimit + s.CPUExtraTime) * float64(time.Second)),
			Wall:     time.Duration(s.WallTimeLimit * float64(time.Second)),
			Memory:   int64(s.MemoryLimit) << 10,
			Stack:    int64(s.StackLimit) << 10,
			Pids:     s.MaxProcesses,
			FileSize: int64(s.MaxFileSize) << 10,
			Stdout:   int64(s.MaxFileSize) << 10,
			Stderr:   int64(s.MaxFileSize) << 10,
		},
	}
	if run.Limits.Stack <= 0 {
		run.Limits.Stack = run.Limits.Memory
	}
	if s.CommandLineArguments != nil {
		// Judge0 hands the arguments to a shell; Verdict runs argv only, so
		// they are split on white space, without quoting or expansion.
		run.Args = strings.Fields(*s.CommandLineArguments)
	}
	var cpu, wall float64
	var mem int64
	runs := max(s.NumberOfRuns, 1)
	for i := 0; i < runs; i++ {
		res, err := r.RunCode(ctx, run)
		if err != nil {
			var se *judge.SourceError
			if errors.As(err, &se) {
				s.CompileOutput = []byte(se.Msg)
				s.finish(CompilationError, "")
				return nil
			}
			return err
		}
		if res.Run == nil {
			s.CompileOutput = []byte(res.Compile.Output)
			if strings.Contains(res.Compile.Output, "time limit") {
				s.CompileOutput = []byte("Compilation time limit exceeded.")
			}
			s.finish(CompilationError, "")
			return nil
		}
		if out := res.Compile.Output; out != "" {
			s.CompileOutput = []byte(out) // warnings
		}
		rr := res.Run
		cpu += rr.CPU.Seconds()
		wall += rr.Wall.Seconds()
		mem += rr.Memory
		s.Stdout, s.Stderr = rr.Stdout, rr.Stderr
		if s.RedirectStderr {
			s.Stdout = append(append([]byte(nil), rr.Stdout...), rr.Stderr...)
			s.Stderr = nil
		}
		status, msg := s.status(rr)
		n := float64(i + 1)
		t, w, m := cpu/n, wall/n, int(mem/int64(i+1)>>10)
		s.Time, s.WallTime, s.Memory = &t, &w, &m
		s.setExit(rr)
		if status != Accepted || i == runs-1 {
			s.finish(status, msg)
			return nil
		}
	}
	return nil
}

// status maps a run onto Judge0's status and message, as isolate's meta
// file would give them.
func (s *Submission) status(r *sandbox.Result) (int, string) {
	limit := time.Duration(s.CPUTimeLimit * float64(time.Second))
	switch {
	case r.Status == sandbox.StatusIE:
		return InternalError, r.Message
	case r.Status == sandbox.StatusTLE || r.CPU > limit:
		return TimeLimitExceeded, "Time limit exceeded"
	case r.Status == sandbox.StatusOLE:
		// The output goes to a file capped at max_file_size in Judge0.
		return RuntimeSIGXFSZ, "Caught fatal signal 25"
	case r.Signal != 0:
		msg := fmt.Sprintf("Caught fatal signal %d", r.Signal)
		switch r.Signal {
		case 11:
			return RuntimeSIGSEGV, msg
		case 25:
			return RuntimeSIGXFSZ, msg
		case 8:
			return RuntimeSIGFPE, msg
		case 6:
			return RuntimeSIGABRT, msg
		}
		return RuntimeOther, msg
	case r.Status == sandbox.StatusMLE:
		// isolate reports the cgroup's OOM kill as SIGKILL.
		return RuntimeOther, "Caught fatal signal 9"
	case r.ExitCode != 0:
		return RuntimeNZEC, fmt.Sprintf("Exited with error status %d", r.ExitCode)
	}
	if s.ExpectedOutput == nil || strip(s.Stdout) == strip(s.ExpectedOutput) {
		return Accepted, ""
	}
	return WrongAnswer, ""
}

func (s *Submission) setExit(r *sandbox.Result) {
	s.ExitCode, s.ExitSignal = nil, nil
	switch {
	case r.Signal != 0:
		sig := r.Signal
		s.ExitSignal = &sig
	case r.Status == sandbox.StatusTLE || r.Status == sandbox.StatusMLE || r.Status == sandbox.StatusOLE:
		sig := 9
		s.ExitSignal = &sig
	default:
		code := r.ExitCode
		s.ExitCode = &code
	}
}

// finish sets the final status.
func (s *Submission) finish(status int, msg string) {
	s.StatusID = status
	if msg != "" {
		s.Message = []byte(msg)
	}
	now := time.Now().UTC()
	s.FinishedAt = &now
}

// Fail ends a submission as an internal error (the engine failed for good).
func (s *Submission) Fail(msg string) { s.finish(InternalError, msg) }

// strip is Judge0's comparison form: trailing white space off every line and
// off the end.
func strip(b []byte) string {
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r\v\f")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), " \t\r\n\v\f")
}

// extract unpacks additional_files (a zip) into files for the work
// directory, within maxSize bytes in all; names are checked, links and
// special files refused.
func extract(zipData []byte, maxSize int64) ([]sandbox.File, error) {
	if zipData == nil {
		return nil, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		return nil, fmt.Errorf("additional_files: not a zip: %v", err)
	}
	var files []sandbox.File
	var total int64
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		if !f.Mode().IsRegular() {
			return nil, fmt.Errorf("additional_files: %s is not a regular file", f.Name)
		}
		name, err := safefs.CleanName(f.Name)
		if err != nil {
			return nil, fmt.Errorf("additional_files: %v", err)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("additional_files: %s: %v", f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxSize-total+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("additional_files: %s: %v", f.Name, err)
		}
		total += int64(len(data))
		if total > maxSize {
			return nil, fmt.Errorf("additional_files: more than %d bytes unpacked", maxSize)
		}
		files = append(files, sandbox.File{Name: name, Data: data, Mode: f.Mode().Perm() | 0o400})
	}
	return files, nil
}
