// Package judge0 serves the Judge0 CE 1.13.1 API on Verdict's engine, so
// that existing Judge0 clients work unchanged: submissions (single and
// batch, base64_encoded, wait, fields), statuses, languages with Judge0's
// stable ids, about, config_info, system_info and the other informational
// endpoints.
//
// A Judge0 submission is stored (Store) and queued for a worker, which runs
// it with Execute; the HTTP side (Handler) only decodes, validates, stores
// and renders. Status ids, field names, their order and JSON types follow
// Judge0 1.13.1 exactly.
package judge0

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Status is a Judge0 status.
type Status struct {
	ID          int    `json:"id"`
	Description string `json:"description"`
}

// Judge0's statuses (app/enumerations/status.rb).
var Statuses = []Status{
	{1, "In Queue"}, {2, "Processing"}, {3, "Accepted"}, {4, "Wrong Answer"},
	{5, "Time Limit Exceeded"}, {6, "Compilation Error"}, {7, "Runtime Error (SIGSEGV)"},
	{8, "Runtime Error (SIGXFSZ)"}, {9, "Runtime Error (SIGFPE)"}, {10, "Runtime Error (SIGABRT)"},
	{11, "Runtime Error (NZEC)"}, {12, "Runtime Error (Other)"}, {13, "Internal Error"},
	{14, "Exec Format Error"},
}

// The status ids used by name.
const (
	InQueue            = 1
	Processing         = 2
	Accepted           = 3
	WrongAnswer        = 4
	TimeLimitExceeded  = 5
	CompilationError   = 6
	RuntimeSIGSEGV     = 7
	RuntimeSIGXFSZ     = 8
	RuntimeSIGFPE      = 9
	RuntimeSIGABRT     = 10
	RuntimeNZEC        = 11
	RuntimeOther       = 12
	InternalError      = 13
	ExecFormatError    = 14
	firstFinalStatusID = Accepted
)

func statusOf(id int) Status {
	if id >= 1 && id <= len(Statuses) {
		return Statuses[id-1]
	}
	return Status{ID: id}
}

// Submission is a Judge0 submission: what was asked and, once run, what
// happened. Text fields hold the raw bytes (never base64); nil pointers are
// JSON null.
type Submission struct {
	Token      string
	LanguageID int
	SourceCode []byte
	Stdin      []byte
	// ExpectedOutput is nil when none was given (then any exit 0 is
	// Accepted).
	ExpectedOutput       []byte
	AdditionalFiles      []byte // the zip, decoded
	CompilerOptions      *string
	CommandLineArguments *string
	CallbackURL          *string

	NumberOfRuns     int
	CPUTimeLimit     float64 // seconds
	CPUExtraTime     float64
	WallTimeLimit    float64
	MemoryLimit      int // KB
	StackLimit       int // KB
	MaxProcesses     int
	PerProcessTime   bool
	PerProcessMemory bool
	MaxFileSize      int // KB
	RedirectStderr   bool
	EnableNetwork    bool

	StatusID      int
	CreatedAt     time.Time
	FinishedAt    *time.Time
	Stdout        []byte
	Stderr        []byte
	CompileOutput []byte
	Message       []byte
	Time          *float64 // CPU seconds
	WallTime      *float64
	Memory        *int // KB
	ExitCode      *int
	ExitSignal    *int
}

// Columns are Judge0 1.13.1's submission fields in the order of its table,
// which is the order of the keys in every answer.
var Columns = []string{
	"source_code", "language_id", "stdin", "expected_output", "stdout", "status_id",
	"created_at", "finished_at", "time", "memory", "stderr", "token", "number_of_runs",
	"cpu_time_limit", "cpu_extra_time", "wall_time_limit", "memory_limit", "stack_limit",
	"max_processes_and_or_threads", "enable_per_process_and_thread_time_limit",
	"enable_per_process_and_thread_memory_limit", "max_file_size", "compile_output",
	"exit_code", "exit_signal", "message", "wall_time", "compiler_options",
	"command_line_arguments", "redirect_stderr_to_stdout", "callback_url",
	"additional_files", "enable_network", "status", "language",
}

// DefaultFields are the fields of an answer without ?fields=.
var DefaultFields = []string{"token", "time", "memory", "stdout", "stderr", "compile_output", "message", "status"}

// parseFields reads ?fields=: empty gives the defaults, * every field;
// unknown names are an error naming them, as Judge0 words it.
func parseFields(s string) ([]string, error) {
	if s == "" {
		return order(DefaultFields), nil
	}
	if s == "*" {
		return Columns, nil
	}
	known := map[string]bool{}
	for _, c := range Columns {
		known[c] = true
	}
	var want, bad []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !known[f] {
			bad = append(bad, f)
			continue
		}
		want = append(want, f)
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("invalid fields: [%s]", strings.Join(bad, ", "))
	}
	return order(want), nil
}

// order puts field names in column order.
func order(fields []string) []string {
	in := map[string]bool{}
	for _, f := range fields {
		in[f] = true
	}
	var out []string
	for _, c := range Columns {
		if in[c] {
			out = append(out, c)
		}
	}
	return out
}

// encodeText renders a text field: base64 as Ruby's Base64.encode64 (a
// newline every 60 characters and at the end), or the text itself. ok is
// false when the text is not UTF-8 and base64 was not asked for.
func encodeText(b []byte, b64 bool) (v any, ok bool) {
	if b == nil {
		return nil, true
	}
	if !b64 {
		if !utf8.Valid(b) {
			return nil, false
		}
		return string(b), true
	}
	return encode64(b), true
}

// encode64 is Ruby's Base64.encode64.
func encode64(b []byte) string {
	enc := base64.StdEncoding.EncodeToString(b)
	var sb strings.Builder
	for len(enc) > 60 {
		sb.WriteString(enc[:60])
		sb.WriteByte('\n')
		enc = enc[60:]
	}
	if enc != "" {
		sb.WriteString(enc)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// decode64 is Ruby's lenient Base64.decode64: characters outside the
// alphabet (newlines, padding) are skipped.
func decode64(s string) []byte {
	var clean strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '+', r == '/':
			clean.WriteRune(r)
		}
	}
	c := clean.String()
	if len(c)%4 == 1 {
		c = c[:len(c)-1] // a lone trailing character carries no byte
	}
	b, _ := base64.RawStdEncoding.DecodeString(c) // cannot fail on a clean alphabet
	return b
}

// decimal renders a number as Rails renders a decimal column: a string
// such as "0.011" or "5.0".
func decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// timeDecimal renders a measured time in seconds with millisecond
// precision, as Judge0 stores it.
func timeDecimal(f float64) string {
	return decimal(float64(int64(f*1000+0.5)) / 1000)
}

// railsTime is the JSON form of created_at and finished_at.
func railsTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// render returns the submission's fields as ordered key/value pairs.
// bad is true when a text field cannot be shown without base64.
func (s *Submission) render(fields []string, b64 bool, langs *Languages) (kv []pair, bad bool) {
	text := func(b []byte) any {
		v, ok := encodeText(b, b64)
		bad = bad || !ok
		return v
	}
	optStr := func(p *string) any {
		if p == nil {
			return nil
		}
		return *p
	}
	optDec := func(p *float64, f func(float64) string) any {
		if p == nil {
			return nil
		}
		return f(*p)
	}
	optInt := func(p *int) any {
		if p == nil {
			return nil
		}
		return *p
	}
	for _, f := range fields {
		var v any
		switch f {
		case "source_code":
			v = text(s.SourceCode)
		case "language_id":
			v = s.LanguageID
		case "stdin":
			v = text(s.Stdin)
		case "expected_output":
			v = text(s.ExpectedOutput)
		case "stdout":
			v = text(s.Stdout)
		case "status_id":
			v = s.StatusID
		case "created_at":
			v = railsTime(s.CreatedAt)
		case "finished_at":
			if s.FinishedAt != nil {
				v = railsTime(*s.FinishedAt)
			}
		case "time":
			v = optDec(s.Time, timeDecimal)
		case "memory":
			v = optInt(s.Memory)
		case "stderr":
			v = text(s.Stderr)
		case "token":
			v = s.Token
		case "number_of_runs":
			v = s.NumberOfRuns
		case "cpu_time_limit":
			v = decimal(s.CPUTimeLimit)
		case "cpu_extra_time":
			v = decimal(s.CPUExtraTime)
		case "wall_time_limit":
			v = decimal(s.WallTimeLimit)
		case "memory_limit":
			v = s.MemoryLimit
		case "stack_limit":
			v = s.StackLimit
		case "max_processes_and_or_threads":
			v = s.MaxProcesses
		case "enable_per_process_and_thread_time_limit":
			v = s.PerProcessTime
		case "enable_per_process_and_thread_memory_limit":
			v = s.PerProcessMemory
		case "max_file_size":
			v = s.MaxFileSize
		case "compile_output":
			v = text(s.CompileOutput)
		case "exit_code":
			v = optInt(s.ExitCode)
		case "exit_signal":
			v = optInt(s.ExitSignal)
		case "message":
			v = text(s.Message)
		case "wall_time":
			v = optDec(s.WallTime, timeDecimal)
		case "compiler_options":
			v = optStr(s.CompilerOptions)
		case "command_line_arguments":
			v = optStr(s.CommandLineArguments)
		case "redirect_stderr_to_stdout":
			v = s.RedirectStderr
		case "callback_url":
			v = optStr(s.CallbackURL)
		case "additional_files":
			if s.AdditionalFiles != nil {
				v = encode64(s.AdditionalFiles) // always base64, as Judge0
			}
		case "enable_network":
			v = s.EnableNetwork
		case "status":
			v = statusOf(s.StatusID)
		case "language":
			v = langs.ref(s.LanguageID)
		}
		kv = append(kv, pair{f, v})
	}
	return kv, bad
}
