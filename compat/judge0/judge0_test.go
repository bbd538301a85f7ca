package judge0

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/internal/judgetest"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

// someLanguages are the built-in languages, present or not: decoding and
// rendering need no toolchain.
func someLanguages(t *testing.T) *Languages {
	reg, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	var ls []*lang.Language
	for _, id := range []string{"c", "cpp", "python", "java", "javascript", "go", "rust"} {
		l, _ := reg.Lookup(id)
		c := *l
		c.Version = "1.2.3"
		ls = append(ls, &c)
	}
	return NewLanguages(ls)
}

func TestValidation(t *testing.T) {
	h := NewHandler(nil, someLanguages(t), DefaultConfig, nil, nil)
	tests := []struct {
		name, body string
		want       Errors
	}{
		{"no language", `{"source_code":"x"}`, Errors{"language_id": {"can't be blank"}}},
		{"unknown language", `{"source_code":"x","language_id":150000}`, Errors{"language_id": {"language with id 150000 doesn't exist"}}},
		{"language as text", `{"source_code":"x","language_id":"71"}`, nil},
		{"blank source", `{"source_code":"  ","language_id":71}`, Errors{"source_code": {"can't be blank"}}},
		{"wall too long", `{"source_code":"x","language_id":71,"wall_time_limit":21}`, Errors{"wall_time_limit": {"must be less than or equal to 20.0"}}},
		{"wall too short", `{"source_code":"x","language_id":71,"wall_time_limit":0.5}`, Errors{"wall_time_limit": {"must be greater than or equal to 1.0"}}},
		{"memory too small", `{"source_code":"x","language_id":71,"memory_limit":100}`, Errors{"memory_limit": {"must be greater than or equal to 2048"}}},
		{"runs zero", `{"source_code":"x","language_id":71,"number_of_runs":0}`, Errors{"number_of_runs": {"must be greater than 0"}}},
		{"network", `{"source_code":"x","language_id":71,"enable_network":true}`, Errors{"enable_network": {"enabling network is not allowed"}}},
		{"compiler options", `{"source_code":"x","language_id":50,"compiler_options":"-O3"}`, Errors{"compiler_options": {"setting compiler options is not allowed"}}},
		{"per process", `{"source_code":"x","language_id":71,"enable_per_process_and_thread_time_limit":true}`, Errors{"enable_per_process_and_thread_time_limit": {"this option cannot be enabled"}}},
		{"wrong type", `{"source_code":"x","language_id":71,"cpu_time_limit":"fast"}`, Errors{"cpu_time_limit": {"is not a number"}}},
		{"source not text", `{"source_code":["x"],"language_id":71}`, Errors{"source_code": {"must be a string", "can't be blank"}}},
		{"not an object", `[1]`, Errors{"base": {"a submission must be a JSON object"}}},
		{"unknown keys dropped", `{"source_code":"x","language_id":71,"favourite":"y"}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, errs := h.newSubmission(json.RawMessage(tt.body), false)
			if !reflect.DeepEqual(errs, tt.want) {
				t.Fatalf("errors %v, want %v", errs, tt.want)
			}
			if tt.want == nil && (s == nil || s.StatusID != InQueue || s.CPUTimeLimit != 5 || s.MemoryLimit != 128000) {
				t.Errorf("defaults not applied: %+v", s)
			}
		})
	}
}

func TestBase64(t *testing.T) {
	long := strings.Repeat("hello, Judge0\n", 10)
	if got := string(decode64(encode64([]byte(long)))); got != long {
		t.Errorf("round trip: %q", got)
	}
	if got := encode64([]byte("hello, Judge0\n")); got != "aGVsbG8sIEp1ZGdlMAo=\n" {
		t.Errorf("encode64 = %q, want Ruby's", got)
	}
	for _, l := range strings.Split(strings.TrimSuffix(encode64([]byte(long)), "\n"), "\n") {
		if len(l) > 60 {
			t.Errorf("line of %d characters", len(l))
		}
	}
	for in, want := range map[string]string{"aGk=": "hi", "aGk": "hi", "aG\nk=\n": "hi", "": "", "!!aGk=": "hi"} {
		if got := string(decode64(in)); got != want {
			t.Errorf("decode64(%q) = %q, want %q", in, got, want)
		}
	}
	s := &Submission{SourceCode: []byte("print(1)"), Stdout: []byte{0xff, 0xfe}, StatusID: 3}
	if _, bad := s.render([]string{"stdout"}, false, someLanguages(t)); !bad {
		t.Error("invalid UTF-8 rendered without base64")
	}
	kv, bad := s.render([]string{"stdout"}, true, someLanguages(t))
	if bad || kv[0].v != "//4=\n" {
		t.Errorf("base64 stdout %v", kv)
	}
}

func TestFields(t *testing.T) {
	got, err := parseFields("")
	want := []string{"stdout", "time", "memory", "stderr", "token", "compile_output", "message", "status"}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("default fields %v, want %v", got, want)
	}
	if got, _ := parseFields("status,token,stdin"); !reflect.DeepEqual(got, []string{"stdin", "token", "status"}) {
		t.Errorf("fields in column order: %v", got)
	}
	if _, err := parseFields("token,foo,bar"); err == nil || err.Error() != "invalid fields: [foo, bar]" {
		t.Errorf("unknown fields: %v", err)
	}
	if got, _ := parseFields("*"); len(got) != len(Columns) {
		t.Errorf("* gave %d fields", len(got))
	}
	// Every column renders with Judge0's JSON type.
	f := 0.5
	m := 1000
	s := &Submission{Token: "t", LanguageID: 71, SourceCode: []byte("x"), StatusID: 3, CPUTimeLimit: 5, CPUExtraTime: 1, WallTimeLimit: 10, Time: &f, Memory: &m}
	kv, _ := s.render(Columns, false, someLanguages(t))
	b, _ := json.Marshal(object(kv))
	var back map[string]any
	json.Unmarshal(b, &back)
	if len(back) != len(Columns) {
		t.Fatalf("%d keys rendered: %s", len(back), b)
	}
	for k, want := range map[string]any{
		"time": "0.5", "cpu_time_limit": "5.0", "memory": 1000.0, "status": map[string]any{"id": 3.0, "description": "Accepted"},
		"language": map[string]any{"id": 71.0, "name": "Python (1.2.3)"}, "stderr": nil, "enable_network": false, "language_id": 71.0,
	} {
		if !reflect.DeepEqual(back[k], want) {
			t.Errorf("%s = %#v, want %#v", k, back[k], want)
		}
	}
}

func TestStrip(t *testing.T) {
	for _, tt := range []struct{ a, b string }{{"hi\n", "hi"}, {"a  \r\nb\t\n\n\n", "a\nb"}, {" x", " x"}} {
		if strip([]byte(tt.a)) != tt.b {
			t.Errorf("strip(%q) = %q, want %q", tt.a, strip([]byte(tt.a)), tt.b)
		}
	}
}

// TestExecute runs submissions with the real judge and checks Judge0's
// status, message and exit fields.
func TestExecute(t *testing.T) {
	e := judgetest.New(t)
	langs := NewLanguages(e.Avail)
	h := NewHandler(nil, langs, DefaultConfig, nil, nil)
	tests := []struct {
		name, body string
		status     int
		stdout     string
		exitCode   *int
		exitSignal *int
	}{
		{"accepted", `{"language_id":71,"source_code":"print(input())","stdin":"hi","expected_output":"hi"}`, Accepted, "hi\n", ptr(0), nil},
		{"no expectation", `{"language_id":71,"source_code":"print(2)"}`, Accepted, "2\n", ptr(0), nil},
		{"wrong answer", `{"language_id":71,"source_code":"print(3)","expected_output":"4"}`, WrongAnswer, "3\n", ptr(0), nil},
		{"nzec", `{"language_id":71,"source_code":"import sys\nsys.exit(2)"}`, RuntimeNZEC, "", ptr(2), nil},
		{"time limit", `{"language_id":71,"source_code":"while True: pass","cpu_time_limit":0.3,"cpu_extra_time":0.1}`, TimeLimitExceeded, "", nil, ptr(9)},
		{"sigsegv", `{"language_id":50,"source_code":"#include <signal.h>\nint main(void){raise(SIGSEGV);}"}`, RuntimeSIGSEGV, "", nil, ptr(11)},
		{"sigfpe", `{"language_id":50,"source_code":"#include <signal.h>\nint main(void){raise(SIGFPE);}"}`, RuntimeSIGFPE, "", nil, ptr(8)},
		{"compile error", `{"language_id":50,"source_code":"int main(void){return x;}"}`, CompilationError, "", nil, nil},
		{"args and stderr", `{"language_id":71,"source_code":"import sys\nprint(sys.argv[1:])\nprint('e', file=sys.stderr)","command_line_arguments":"a  b","redirect_stderr_to_stdout":true}`, Accepted, "['a', 'b']\ne\n", ptr(0), nil},
		{"runs", `{"language_id":71,"source_code":"print(1)","number_of_runs":3}`, Accepted, "1\n", ptr(0), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, errs := h.newSubmission(json.RawMessage(tt.body), false)
			if errs != nil {
				t.Fatal(errs)
			}
			if _, ok := langs.Lookup(s.LanguageID); !ok {
				t.Skip("language not here")
			}
			if err := Execute(context.Background(), e, langs, s, 10<<20); err != nil {
				t.Fatal(err)
			}
			if s.StatusID != tt.status || string(s.Stdout) != tt.stdout {
				t.Fatalf("status %d stdout %q, want %d %q; message %q compile %q stderr %q", s.StatusID, s.Stdout, tt.status, tt.stdout, s.Message, s.CompileOutput, s.Stderr)
			}
			if !reflect.DeepEqual(s.ExitCode, tt.exitCode) && tt.status != CompilationError {
				t.Errorf("exit code %v, want %v", deref(s.ExitCode), deref(tt.exitCode))
			}
			if !reflect.DeepEqual(s.ExitSignal, tt.exitSignal) && tt.status != CompilationError {
				t.Errorf("exit signal %v, want %v", deref(s.ExitSignal), deref(tt.exitSignal))
			}
			if s.FinishedAt == nil {
				t.Error("no finished_at")
			}
			if tt.status == CompilationError {
				if len(s.CompileOutput) == 0 || s.Time != nil {
					t.Errorf("compile output %q, time %v", s.CompileOutput, s.Time)
				}
			} else if s.Time == nil || s.WallTime == nil || s.Memory == nil {
				t.Error("time, wall time or memory missing")
			}
		})
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func ptr[T any](v T) *T { return &v }
