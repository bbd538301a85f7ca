// Package piston serves the Piston v2 execution API (POST /api/v2/execute,
// GET /api/v2/runtimes) on Verdict's engine, so that existing Piston
// clients work unchanged. It maps Piston's requests onto a judge.CodeRun and
// the sandbox's result back onto Piston's shapes; it knows nothing of
// storage or queues.
package piston

import (
	"context"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/Masterminds/semver/v3"

	"github.com/verdict-judge/verdict/internal/safefs"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// Runner runs code: Verdict's engine as the Piston API sees it.
type Runner interface {
	// Languages returns the languages whose toolchain is present.
	Languages() []*lang.Language
	// RunCode compiles and runs a program once.
	RunCode(ctx context.Context, r *judge.CodeRun) (*judge.CodeResult, error)
}

// Config holds the server's limits, as Piston's configuration does. Zero
// fields take DefaultConfig's.
type Config struct {
	RunTimeout, CompileTimeout time.Duration // wall time
	RunCPUTime, CompileCPUTime time.Duration
	RunMemoryLimit             int64 // bytes; also the most a client may ask
	CompileMemoryLimit         int64
	OutputMaxSize              int64 // bytes of each of stdout and stderr
	MaxProcessCount            int
	MaxFileSize                int64
	MaxBodySize                int64
}

// DefaultConfig is Piston's default configuration, with a memory limit
// (Piston's default is none) and a larger output cap (Piston's is 1 KiB).
var DefaultConfig = Config{
	RunTimeout: 3 * time.Second, CompileTimeout: 10 * time.Second,
	RunCPUTime: 3 * time.Second, CompileCPUTime: 10 * time.Second,
	RunMemoryLimit: 256 << 20, CompileMemoryLimit: 1 << 30,
	OutputMaxSize: 64 << 10, MaxProcessCount: 64, MaxFileSize: 10_000_000,
	MaxBodySize: 1 << 20,
}

// Handler serves the Piston API. Mount it at /api/v2/ (it answers
// /api/v2/execute and /api/v2/runtimes).
type Handler struct {
	run Runner
	rts []runtime // the languages present, in Piston's terms
	cfg Config
	log *slog.Logger
}

// NewHandler returns the Piston API on the given runner.
func NewHandler(r Runner, cfg Config, log *slog.Logger) *Handler {
	d := DefaultConfig
	set := func(v *time.Duration, dv time.Duration) {
		if *v <= 0 {
			*v = dv
		}
	}
	set(&cfg.RunTimeout, d.RunTimeout)
	set(&cfg.CompileTimeout, d.CompileTimeout)
	set(&cfg.RunCPUTime, d.RunCPUTime)
	set(&cfg.CompileCPUTime, d.CompileCPUTime)
	for _, p := range []struct{ v, d *int64 }{
		{&cfg.RunMemoryLimit, &d.RunMemoryLimit}, {&cfg.CompileMemoryLimit, &d.CompileMemoryLimit},
		{&cfg.OutputMaxSize, &d.OutputMaxSize}, {&cfg.MaxFileSize, &d.MaxFileSize}, {&cfg.MaxBodySize, &d.MaxBodySize},
	} {
		if *p.v <= 0 {
			*p.v = *p.d
		}
	}
	if cfg.MaxProcessCount <= 0 {
		cfg.MaxProcessCount = d.MaxProcessCount
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Handler{run: r, rts: available(r.Languages()), cfg: cfg, log: log}
}

// ServeHTTP answers GET /api/v2/runtimes and POST /api/v2/execute.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch strings.TrimSuffix(r.URL.Path, "/") {
	case "/api/v2/runtimes":
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			writeMessage(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		writeJSON(w, http.StatusOK, h.runtimes())
	case "/api/v2/execute":
		if r.Method != http.MethodPost {
			writeMessage(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		h.execute(w, r)
	default:
		writeMessage(w, http.StatusNotFound, "not found")
	}
}

// Runtime is one entry of GET /api/v2/runtimes.
type Runtime struct {
	Language string   `json:"language"`
	Version  string   `json:"version"`
	Aliases  []string `json:"aliases"`
	Runtime  string   `json:"runtime,omitempty"`
	// compiled says whether Piston's package has a compile stage; the
	// other languages' checks (Python's byte-compiling) show as the run.
	compiled bool
}

// pistonNames gives Verdict's languages Piston's names, aliases and
// runtime (the package that provides them).
var pistonNames = map[string]Runtime{
	"c":          {Language: "c", Aliases: []string{"gcc"}, Runtime: "gcc", compiled: true},
	"cpp":        {Language: "c++", Aliases: []string{"cpp", "g++"}, Runtime: "gcc", compiled: true},
	"python":     {Language: "python", Aliases: []string{"py", "py3", "python3"}},
	"java":       {Language: "java", Aliases: []string{}, compiled: true},
	"javascript": {Language: "javascript", Aliases: []string{"node-javascript", "node-js", "javascript", "js"}, Runtime: "node"},
	"go":         {Language: "go", Aliases: []string{"go", "golang"}, compiled: true},
	"rust":       {Language: "rust", Aliases: []string{"rs"}, compiled: true},
}

// versionRE finds a semantic version in a toolchain's version line.
var versionRE = regexp.MustCompile(`\d+\.\d+(?:\.\d+)?`)

// runtime is a language as Piston names it.
type runtime struct {
	Runtime
	lang *lang.Language
	ver  *semver.Version
}

// available lists languages in Piston's terms (a toolchain without a
// version is left out).
func available(langs []*lang.Language) []runtime {
	var rts []runtime
	for _, l := range langs {
		rt, ok := pistonNames[l.ID]
		if !ok {
			rt = Runtime{Language: l.ID, Aliases: []string{}, compiled: len(l.Compile) > 0}
		}
		v, err := semver.NewVersion(versionRE.FindString(l.Version))
		if err != nil {
			continue // a toolchain without a version is not offered
		}
		rt.Version = v.String()
		rts = append(rts, runtime{Runtime: rt, lang: l, ver: v})
	}
	sort.Slice(rts, func(i, j int) bool { return rts[i].Language < rts[j].Language })
	return rts
}

func (h *Handler) runtimes() []Runtime {
	out := []Runtime{}
	for _, rt := range h.rts {
		out = append(out, rt.Runtime)
	}
	return out
}

// find picks the runtime for a language name or alias and a version
// range, as Piston does (the latest that satisfies it).
func (h *Handler) find(language, version string) (*runtime, error) {
	c, err := semver.NewConstraint(version)
	if err != nil {
		return nil, err
	}
	var best *runtime
	for _, rt := range h.rts {
		match := rt.Language == language || rt.lang.ID == language
		for _, a := range rt.Aliases {
			match = match || a == language
		}
		if match && c.Check(rt.ver) && (best == nil || rt.ver.GreaterThan(best.ver)) {
			best = &rt
		}
	}
	if best == nil {
		return nil, errors.New("not found")
	}
	return best, nil
}

// ExecuteRequest is the body of POST /api/v2/execute.
type ExecuteRequest struct {
	Language           string          `json:"language"`
	Version            string          `json:"version"`
	Files              []File          `json:"files"`
	Stdin              *string         `json:"stdin"`
	Args               []string        `json:"args"`
	CompileTimeout     json.RawMessage `json:"compile_timeout"`
	RunTimeout         json.RawMessage `json:"run_timeout"`
	CompileCPUTime     json.RawMessage `json:"compile_cpu_time"`
	RunCPUTime         json.RawMessage `json:"run_cpu_time"`
	CompileMemoryLimit json.RawMessage `json:"compile_memory_limit"`
	RunMemoryLimit     json.RawMessage `json:"run_memory_limit"`
}

// File is one file of an execute request.
type File struct {
	Name     string  `json:"name"`
	Content  *string `json:"content"`
	Encoding string  `json:"encoding"`
}

// Stage is the result of the compile or run stage, with Piston's keys in
// Piston's order.
type Stage struct {
	Signal   *string `json:"signal"`
	Stdout   string  `json:"stdout"`
	Stderr   string  `json:"stderr"`
	Code     *int    `json:"code"`
	Output   string  `json:"output"`
	Memory   *int64  `json:"memory"`
	Message  *string `json:"message"`
	Status   *string `json:"status"`
	CPUTime  *int64  `json:"cpu_time"`
	WallTime *int64  `json:"wall_time"`
}

// ExecuteResponse is the answer to POST /api/v2/execute.
type ExecuteResponse struct {
	Compile  *Stage `json:"compile,omitempty"`
	Run      *Stage `json:"run"`
	Language string `json:"language"`
	Version  string `json:"version"`
}

// requestError is a 400 with Piston's {"message": ...}.
type requestError struct{ msg string }

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, a ...any) error { return &requestError{fmt.Sprintf(format, a...)} }

func (h *Handler) execute(w http.ResponseWriter, r *http.Request) {
	// Piston asks for application/json; the npm piston-client sends its
	// JSON as text/plain (node-fetch's default), so that is taken too.
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "text/plain") {
		writeMessage(w, http.StatusUnsupportedMediaType, "requests must be of type application/json")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.MaxBodySize))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeMessage(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit))
			return
		}
		writeMessage(w, http.StatusBadRequest, "reading the request: "+err.Error())
		return
	}
	run, rt, err := h.decode(body)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := h.run.RunCode(r.Context(), run)
	if err != nil {
		var se *judge.SourceError
		if errors.As(err, &se) {
			writeMessage(w, http.StatusBadRequest, se.Msg)
			return
		}
		if r.Context().Err() != nil {
			return // the client went away
		}
		h.log.Error("piston execute", "err", err, "language", rt.lang.ID)
		// Piston answers an execution failure with a 500 and no body.
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, response(rt, res))
}

// decode checks an execute request and turns it into a CodeRun.
func (h *Handler) decode(body []byte) (*judge.CodeRun, *runtime, error) {
	var req ExecuteRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return nil, nil, badRequest("invalid JSON body: %v", err)
	}
	if req.Language == "" {
		return nil, nil, badRequest("language is required as a string")
	}
	if req.Version == "" {
		return nil, nil, badRequest("version is required as a string")
	}
	rt, err := h.find(req.Language, req.Version)
	if err != nil {
		return nil, nil, badRequest("%s-%s runtime is unknown", req.Language, req.Version)
	}
	if req.Files == nil {
		return nil, nil, badRequest("files is required as an array")
	}
	run := &judge.CodeRun{Lang: rt.lang, Args: req.Args}
	for i, f := range req.Files {
		if f.Content == nil {
			return nil, nil, badRequest("files[%d].content is required as a string", i)
		}
		data, utf, err := decodeContent(f)
		if err != nil {
			return nil, nil, badRequest("files[%d]: %v", i, err)
		}
		name := f.Name
		if name == "" {
			name = fmt.Sprintf("file%d.code", i)
		}
		if name, err = safefs.CleanName(name); err != nil {
			return nil, nil, badRequest("files[%d]: %v", i, err)
		}
		if utf && !strings.Contains(name, "/") {
			run.Sources = append(run.Sources, judge.Source{Name: name, Data: data})
			continue
		}
		run.Files = append(run.Files, sandbox.File{Name: name, Data: data})
	}
	if len(run.Sources) == 0 {
		return nil, nil, badRequest("files must include at least one utf8 encoded file")
	}
	// The first utf8 file is the entry point: it takes the name the
	// language runs.
	main := rt.lang.SourceName(run.Sources[0].Data)
	for _, s := range run.Sources[1:] {
		if s.Name == main {
			return nil, nil, badRequest("file %s: the entry point (the first file) is saved under that name", main)
		}
	}
	run.Sources[0].Name = main
	if req.Stdin != nil {
		run.Stdin = []byte(*req.Stdin)
		if len(run.Stdin) > 0 && run.Stdin[len(run.Stdin)-1] != '\n' {
			run.Stdin = append(run.Stdin, '\n') // as Piston does
		}
	} else {
		run.Stdin = []byte("\n")
	}
	c := h.cfg
	lims := []struct {
		name string
		raw  json.RawMessage
		max  int64
		set  func(int64)
	}{
		{"compile_timeout", req.CompileTimeout, c.CompileTimeout.Milliseconds(), func(v int64) { run.CompileLimits.Wall = time.Duration(v) * time.Millisecond }},
		{"run_timeout", req.RunTimeout, c.RunTimeout.Milliseconds(), func(v int64) { run.Limits.Wall = time.Duration(v) * time.Millisecond }},
		{"compile_cpu_time", req.CompileCPUTime, c.CompileCPUTime.Milliseconds(), func(v int64) { run.CompileLimits.CPU = time.Duration(v) * time.Millisecond }},
		{"run_cpu_time", req.RunCPUTime, c.RunCPUTime.Milliseconds(), func(v int64) { run.Limits.CPU = time.Duration(v) * time.Millisecond }},
		{"compile_memory_limit", req.CompileMemoryLimit, c.CompileMemoryLimit, func(v int64) { run.CompileLimits.Memory = v }},
		{"run_memory_limit", req.RunMemoryLimit, c.RunMemoryLimit, func(v int64) { run.Limits.Memory = v }},
	}
	for _, l := range lims {
		v, err := limit(l.name, l.raw, l.max)
		if err != nil {
			return nil, nil, err
		}
		l.set(v)
	}
	run.Limits.Stdout, run.Limits.Stderr = c.OutputMaxSize, c.OutputMaxSize
	run.Limits.Pids, run.Limits.FileSize = c.MaxProcessCount, c.MaxFileSize
	return run, rt, nil
}

// limit reads one of the request's limits: absent, null, 0 and -1 mean the
// server's (piston-client always sends -1 for memory); a client may only
// lower a limit.
func limit(name string, raw json.RawMessage, max int64) (int64, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return max, nil
	}
	var f float64
	if err := json.Unmarshal(raw, &f); err != nil {
		return 0, badRequest("If specified, %s must be a number", name)
	}
	switch {
	case f == 0 || f == -1:
		return max, nil
	case f < 0:
		return 0, badRequest("%s must be non-negative", name)
	case f > float64(max):
		return 0, badRequest("%s cannot exceed the configured limit of %d", name, max)
	}
	return int64(f), nil
}

// decodeContent decodes a file's content by its encoding; utf8 says
// whether it is text (a source).
func decodeContent(f File) (data []byte, utf8File bool, err error) {
	switch f.Encoding {
	case "base64":
		b, err := base64.StdEncoding.DecodeString(*f.Content)
		if err != nil {
			return nil, false, fmt.Errorf("content is not valid base64: %v", err)
		}
		return b, false, nil
	case "hex":
		b, err := hex.DecodeString(*f.Content)
		if err != nil {
			return nil, false, fmt.Errorf("content is not valid hex: %v", err)
		}
		return b, false, nil
	}
	// Anything else is utf8, as Piston does.
	return []byte(*f.Content), true, nil
}

// response renders a run in Piston's shape.
func response(rt *runtime, res *judge.CodeResult) *ExecuteResponse {
	out := &ExecuteResponse{Language: rt.Language, Version: rt.Version}
	if rt.compiled {
		out.Compile = compileStage(res)
	}
	if res.Run == nil {
		// Piston sets run to the compile result when compiling failed.
		out.Run = out.Compile
		if out.Run == nil {
			out.Run = compileStage(res)
		}
		return out
	}
	out.Run = runStage(res.Run)
	return out
}

func compileStage(res *judge.CodeResult) *Stage {
	code := 0
	st := &Stage{Stdout: "", Stderr: res.Compile.Output, Output: res.Compile.Output, Code: &code}
	if !res.Compile.OK {
		code = 1
		st.Status = ptr("RE")
		st.Message = ptr("Exited with error status 1")
	}
	var mem int64 // the compile cache keeps no memory figure
	cpu, wall := res.CompileCPU.Milliseconds(), res.CompileWall.Milliseconds()
	st.Memory, st.CPUTime, st.WallTime = &mem, &cpu, &wall
	return st
}

// runStage maps the sandbox's result onto Piston's (isolate's) terms.
func runStage(r *sandbox.Result) *Stage {
	st := &Stage{
		Stdout: text(r.Stdout), Stderr: text(r.Stderr),
		Output: text(r.Stdout) + text(r.Stderr),
	}
	mem, cpu, wall := r.Memory, r.CPU.Milliseconds(), r.Wall.Milliseconds()
	st.Memory, st.CPUTime, st.WallTime = &mem, &cpu, &wall
	kill := func(status, msg string) {
		st.Status, st.Message, st.Signal = ptr(status), ptr(msg), ptr("SIGKILL")
	}
	switch {
	case r.Status == sandbox.StatusTLE:
		kill("TO", "Time limit exceeded")
	case r.Status == sandbox.StatusOLE && r.StderrTruncated && !r.StdoutTruncated:
		kill("EL", "stderr length exceeded")
	case r.Status == sandbox.StatusOLE:
		kill("OL", "stdout length exceeded")
	case r.Status == sandbox.StatusIE:
		st.Status, st.Message = ptr("XX"), ptr(r.Message)
	case r.Signal != 0:
		st.Status, st.Signal = ptr("SG"), ptr(signalName(r.Signal))
		st.Message = ptr("Caught fatal signal " + fmt.Sprint(r.Signal))
	case r.Status == sandbox.StatusMLE:
		kill("SG", "Memory limit exceeded")
	default:
		code := r.ExitCode
		st.Code = &code
		if code != 0 {
			st.Status = ptr("RE")
			st.Message = ptr(fmt.Sprintf("Exited with error status %d", code))
		}
	}
	return st
}

// text decodes output as Node does: invalid UTF-8 becomes U+FFFD.
func text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

var signalNames = map[int]string{
	1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
	8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE",
	14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS",
}

func signalName(n int) string {
	if s, ok := signalNames[n]; ok {
		return s
	}
	return fmt.Sprintf("SIG%d", n)
}

func ptr[T any](v T) *T { return &v }

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeMessage(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"message": msg})
}
