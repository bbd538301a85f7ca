package judge0

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Config is the server's Judge0 configuration, as GET /config_info shows
// it (the keys of Judge0 1.13.1, every one of them, in its order).
type Config struct {
	MaintenanceMode                           bool     `json:"maintenance_mode"`
	EnableWaitResult                          bool     `json:"enable_wait_result"`
	EnableCompilerOptions                     bool     `json:"enable_compiler_options"`
	AllowedLanguagesForCompileOptions         []string `json:"allowed_languages_for_compile_options"`
	EnableCommandLineArguments                bool     `json:"enable_command_line_arguments"`
	EnableSubmissionDelete                    bool     `json:"enable_submission_delete"`
	EnableCallbacks                           bool     `json:"enable_callbacks"`
	CallbacksMaxTries                         int      `json:"callbacks_max_tries"`
	CallbacksTimeout                          float64  `json:"callbacks_timeout"`
	EnableAdditionalFiles                     bool     `json:"enable_additional_files"`
	MaxQueueSize                              int      `json:"max_queue_size"`
	CPUTimeLimit                              float64  `json:"cpu_time_limit"`
	MaxCPUTimeLimit                           float64  `json:"max_cpu_time_limit"`
	CPUExtraTime                              float64  `json:"cpu_extra_time"`
	MaxCPUExtraTime                           float64  `json:"max_cpu_extra_time"`
	WallTimeLimit                             float64  `json:"wall_time_limit"`
	MaxWallTimeLimit                          float64  `json:"max_wall_time_limit"`
	MemoryLimit                               int      `json:"memory_limit"`
	MaxMemoryLimit                            int      `json:"max_memory_limit"`
	StackLimit                                int      `json:"stack_limit"`
	MaxStackLimit                             int      `json:"max_stack_limit"`
	MaxProcessesAndOrThreads                  int      `json:"max_processes_and_or_threads"`
	MaxMaxProcessesAndOrThreads               int      `json:"max_max_processes_and_or_threads"`
	EnablePerProcessAndThreadTimeLimit        bool     `json:"enable_per_process_and_thread_time_limit"`
	AllowEnablePerProcessAndThreadTimeLimit   bool     `json:"allow_enable_per_process_and_thread_time_limit"`
	EnablePerProcessAndThreadMemoryLimit      bool     `json:"enable_per_process_and_thread_memory_limit"`
	AllowEnablePerProcessAndThreadMemoryLimit bool     `json:"allow_enable_per_process_and_thread_memory_limit"`
	MaxFileSize                               int      `json:"max_file_size"`
	MaxMaxFileSize                            int      `json:"max_max_file_size"`
	NumberOfRuns                              int      `json:"number_of_runs"`
	MaxNumberOfRuns                           int      `json:"max_number_of_runs"`
	RedirectStderrToStdout                    bool     `json:"redirect_stderr_to_stdout"`
	MaxExtractSize                            int      `json:"max_extract_size"`
	EnableBatchedSubmissions                  bool     `json:"enable_batched_submissions"`
	MaxSubmissionBatchSize                    int      `json:"max_submission_batch_size"`
	SubmissionCacheDuration                   float64  `json:"submission_cache_duration"`
	UseDocsAsHomepage                         bool     `json:"use_docs_as_homepage"`
	AllowEnableNetwork                        bool     `json:"allow_enable_network"`
	EnableNetwork                             bool     `json:"enable_network"`
}

// DefaultConfig is Judge0 1.13.1's default configuration, but for what
// Verdict does not offer: compiler options (commands are argv, never shell
// strings), per-process limits (the whole group is always limited), and
// network (never).
var DefaultConfig = Config{
	EnableWaitResult: true, AllowedLanguagesForCompileOptions: []string{},
	EnableCommandLineArguments: true, EnableCallbacks: true, CallbacksMaxTries: 3,
	CallbacksTimeout: 5, EnableAdditionalFiles: true, MaxQueueSize: 100,
	CPUTimeLimit: 5, MaxCPUTimeLimit: 15, CPUExtraTime: 1, MaxCPUExtraTime: 5,
	WallTimeLimit: 10, MaxWallTimeLimit: 20, MemoryLimit: 128000, MaxMemoryLimit: 512000,
	StackLimit: 64000, MaxStackLimit: 128000, MaxProcessesAndOrThreads: 60,
	MaxMaxProcessesAndOrThreads: 120, MaxFileSize: 1024, MaxMaxFileSize: 4096,
	NumberOfRuns: 1, MaxNumberOfRuns: 20, MaxExtractSize: 10240,
	EnableBatchedSubmissions: true, MaxSubmissionBatchSize: 20, SubmissionCacheDuration: 1,
}

// Errors are Judge0's validation errors: attribute -> messages (a 422).
type Errors map[string][]string

func (e Errors) add(attr, msg string) { e[attr] = append(e[attr], msg) }

// fields are the request's attributes, read leniently as Rails does:
// numbers may come as strings, unknown keys are dropped.
type fields map[string]json.RawMessage

func (f fields) present(k string) bool {
	v, ok := f[k]
	return ok && string(v) != "null"
}

// str reads a string attribute; ok is false when it is not a string.
func (f fields) str(k string) (*string, bool) {
	if !f.present(k) {
		return nil, true
	}
	var s string
	if err := json.Unmarshal(f[k], &s); err != nil {
		// Rails turns numbers and booleans into their text.
		var n json.Number
		if json.Unmarshal(f[k], &n) == nil {
			s = n.String()
			return &s, true
		}
		return nil, false
	}
	return &s, true
}

// num reads a number attribute (a JSON number or a numeric string).
func (f fields) num(k string) (*float64, bool) {
	if !f.present(k) {
		return nil, true
	}
	var v float64
	if err := json.Unmarshal(f[k], &v); err == nil {
		return &v, true
	}
	var s string
	if json.Unmarshal(f[k], &s) != nil {
		return nil, false
	}
	if strings.TrimSpace(s) == "" {
		return nil, true
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return nil, false
	}
	return &v, true
}

// boolean reads a boolean attribute (true/false or their text).
func (f fields) boolean(k string) (*bool, bool) {
	if !f.present(k) {
		return nil, true
	}
	var v bool
	if err := json.Unmarshal(f[k], &v); err == nil {
		return &v, true
	}
	s, ok := f.str(k)
	if !ok || s == nil {
		return nil, ok
	}
	switch strings.ToLower(*s) {
	case "true", "1", "t", "yes", "on":
		v = true
	case "false", "0", "f", "no", "off", "":
		v = false
	default:
		return nil, false
	}
	return &v, true
}

// newSubmission decodes and validates one submission of a request. The
// text attributes are base64-decoded when b64 is set. It returns Judge0's
// validation errors when the submission is not acceptable.
func (h *Handler) newSubmission(raw json.RawMessage, b64 bool) (*Submission, Errors) {
	var f fields
	if err := json.Unmarshal(raw, &f); err != nil || f == nil {
		return nil, Errors{"base": {"a submission must be a JSON object"}}
	}
	return h.submissionFrom(f, b64)
}

// submissionFrom validates a submission's attributes (see newSubmission).
func (h *Handler) submissionFrom(f fields, b64 bool) (*Submission, Errors) {
	cfg := h.cfg
	errs := Errors{}
	s := &Submission{StatusID: InQueue}
	text := func(k string) []byte {
		p, ok := f.str(k)
		if !ok {
			errs.add(k, "must be a string")
			return nil
		}
		if p == nil {
			return nil
		}
		if b64 {
			return decode64(*p)
		}
		return []byte(*p)
	}
	s.SourceCode = text("source_code")
	s.Stdin = text("stdin")
	s.ExpectedOutput = text("expected_output")
	if p, ok := f.str("additional_files"); !ok {
		errs.add("additional_files", "must be a string")
	} else if p != nil {
		s.AdditionalFiles = decode64(*p) // always base64
	}
	plain := func(k string) *string {
		p, ok := f.str(k)
		if !ok {
			errs.add(k, "must be a string")
		}
		return p
	}
	s.CompilerOptions = plain("compiler_options")
	s.CommandLineArguments = plain("command_line_arguments")
	s.CallbackURL = plain("callback_url")

	// Ruby prints a Float limit as "20.0" and an Integer one as "512000".
	number := func(k string, def, lo, hi float64, loIncl, isInt bool) float64 {
		show := rubyNum
		if isInt {
			show = func(v float64) string { return strconv.FormatInt(int64(v), 10) }
		}
		p, ok := f.num(k)
		if !ok {
			errs.add(k, "is not a number")
			return def
		}
		if p == nil {
			return def
		}
		v := *p
		switch {
		case loIncl && v < lo:
			errs.add(k, "must be greater than or equal to "+show(lo))
		case !loIncl && v <= lo:
			errs.add(k, "must be greater than "+show(lo))
		case v > hi:
			errs.add(k, "must be less than or equal to "+show(hi))
		}
		return v
	}
	integer := func(k string, def, lo, hi int, loIncl bool) int {
		v := number(k, float64(def), float64(lo), float64(hi), loIncl, true)
		if v != math.Trunc(v) {
			errs.add(k, "must be an integer")
		}
		return int(v)
	}
	flag := func(k string, def bool) bool {
		p, ok := f.boolean(k)
		if !ok {
			errs.add(k, "is not a boolean")
			return def
		}
		if p == nil {
			return def
		}
		return *p
	}
	s.NumberOfRuns = integer("number_of_runs", cfg.NumberOfRuns, 0, cfg.MaxNumberOfRuns, false)
	s.CPUTimeLimit = number("cpu_time_limit", cfg.CPUTimeLimit, 0, cfg.MaxCPUTimeLimit, true, false)
	s.CPUExtraTime = number("cpu_extra_time", cfg.CPUExtraTime, 0, cfg.MaxCPUExtraTime, true, false)
	s.WallTimeLimit = number("wall_time_limit", cfg.WallTimeLimit, 1, cfg.MaxWallTimeLimit, true, false)
	s.MemoryLimit = integer("memory_limit", cfg.MemoryLimit, 2048, cfg.MaxMemoryLimit, true)
	s.StackLimit = integer("stack_limit", cfg.StackLimit, 0, cfg.MaxStackLimit, true)
	s.MaxProcesses = integer("max_processes_and_or_threads", cfg.MaxProcessesAndOrThreads, 0, cfg.MaxMaxProcessesAndOrThreads, false)
	s.MaxFileSize = integer("max_file_size", cfg.MaxFileSize, 0, cfg.MaxMaxFileSize, true)
	s.PerProcessTime = flag("enable_per_process_and_thread_time_limit", cfg.EnablePerProcessAndThreadTimeLimit)
	s.PerProcessMemory = flag("enable_per_process_and_thread_memory_limit", cfg.EnablePerProcessAndThreadMemoryLimit)
	s.RedirectStderr = flag("redirect_stderr_to_stdout", cfg.RedirectStderrToStdout)
	s.EnableNetwork = flag("enable_network", cfg.EnableNetwork)
	if s.PerProcessTime && !cfg.AllowEnablePerProcessAndThreadTimeLimit {
		errs.add("enable_per_process_and_thread_time_limit", "this option cannot be enabled")
	}
	if s.PerProcessMemory && !cfg.AllowEnablePerProcessAndThreadMemoryLimit {
		errs.add("enable_per_process_and_thread_memory_limit", "this option cannot be enabled")
	}
	if s.EnableNetwork && !cfg.AllowEnableNetwork {
		errs.add("enable_network", "enabling network is not allowed")
	}

	var lang *Language
	switch id, ok := f.num("language_id"); {
	case !ok:
		errs.add("language_id", "is not a number")
	case id == nil:
		errs.add("language_id", "can't be blank")
	default:
		s.LanguageID = int(*id)
		var found bool
		if lang, found = h.langs.Lookup(s.LanguageID); !found || *id != math.Trunc(*id) {
			errs.add("language_id", fmt.Sprintf("language with id %s doesn't exist", strconv.FormatFloat(*id, 'f', -1, 64)))
		}
	}
	if len(strings.TrimSpace(string(s.SourceCode))) == 0 {
		errs.add("source_code", "can't be blank")
	}
	if s.CompilerOptions != nil && *s.CompilerOptions != "" {
		switch {
		case !cfg.EnableCompilerOptions:
			errs.add("compiler_options", "setting compiler options is not allowed")
		case len(*s.CompilerOptions) > 512:
			errs.add("compiler_options", "is too long (maximum is 512 characters)")
		case lang != nil && lang.CompileCmd == nil:
			errs.add("compiler_options", "setting compiler options is only allowed for compiled languages")
		}
	}
	if s.CommandLineArguments != nil && *s.CommandLineArguments != "" {
		switch {
		case !cfg.EnableCommandLineArguments:
			errs.add("command_line_arguments", "setting command line arguments is not allowed")
		case len(*s.CommandLineArguments) > 512:
			errs.add("command_line_arguments", "is too long (maximum is 512 characters)")
		}
	}
	if s.CallbackURL != nil && *s.CallbackURL != "" {
		if !cfg.EnableCallbacks {
			errs.add("callback_url", "setting callback is not allowed")
		} else if !strings.HasPrefix(*s.CallbackURL, "http://") && !strings.HasPrefix(*s.CallbackURL, "https://") {
			errs.add("callback_url", "must be an http or https URL")
		}
	}
	if s.AdditionalFiles != nil && !cfg.EnableAdditionalFiles {
		errs.add("additional_files", "setting additional files is not allowed")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// rubyNum prints a number as Ruby prints a Float limit ("20.0") or an
// Integer id.
func rubyNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
