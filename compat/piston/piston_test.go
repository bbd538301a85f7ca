package piston

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/internal/judgetest"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

func newServer(t *testing.T) (*httptest.Server, *judgetest.Env) {
	e := judgetest.New(t)
	srv := httptest.NewServer(NewHandler(e, Config{}, nil))
	t.Cleanup(srv.Close)
	return srv, e
}

func post(t *testing.T, url, ctype, body string) (int, []byte) {
	t.Helper()
	resp, err := http.Post(url, ctype, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// keys returns an object's keys in the order the JSON text has them.
func keys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var ks []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		ks = append(ks, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return ks
}

var stageKeys = []string{"signal", "stdout", "stderr", "code", "output", "memory", "message", "status", "cpu_time", "wall_time"}

func TestRuntimes(t *testing.T) {
	srv, e := newServer(t)
	resp, err := http.Get(srv.URL + "/api/v2/runtimes")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rts []map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&rts); err != nil {
		t.Fatal(err)
	}
	if len(rts) != len(e.Avail) {
		t.Errorf("%d runtimes for %d languages present", len(rts), len(e.Avail))
	}
	for _, rt := range rts {
		for _, k := range []string{"language", "version", "aliases"} {
			if _, ok := rt[k]; !ok {
				t.Errorf("runtime %v has no %q", rt, k)
			}
		}
		if v, _ := rt["version"].(string); !versionRE.MatchString(v) || strings.HasPrefix(v, "v") {
			t.Errorf("version %q is not a bare semantic version", v)
		}
	}
}

func TestExecute(t *testing.T) {
	srv, e := newServer(t)
	tests := []struct {
		name, lang, body string
		compiled         bool
		stdout, status   string
		stderr           string
		code             float64
		signal           string
	}{
		{name: "python stdin", lang: "python", body: `{"language":"python","version":"3.x","files":[{"content":"print(input()[::-1])"}],"stdin":"abc"}`, stdout: "cba\n"},
		{name: "alias and args", lang: "python", body: `{"language":"py","version":"*","files":[{"name":"x.py","content":"import sys\nprint(sys.argv[1:])"}],"args":["1","2"]}`, stdout: "['1', '2']\n"},
		{name: "c++ with data file", lang: "cpp", compiled: true, body: `{"language":"c++","version":"*","files":[{"name":"a.cpp","content":"#include <bits/stdc++.h>\nint main(){std::ifstream f(\"d/x.bin\");int c=f.get();std::cout<<c<<std::endl;}"},{"name":"d/x.bin","content":"Kg==","encoding":"base64"}]}`, stdout: "42\n"},
		{name: "exit code", lang: "python", body: `{"language":"python","version":"*","files":[{"content":"import sys\nsys.exit(3)"}]}`, status: "RE", code: 3},
		{name: "signal", lang: "c", compiled: true, body: `{"language":"c","version":"*","files":[{"content":"#include <signal.h>\nint main(void){raise(SIGSEGV);}"}]}`, status: "SG", signal: "SIGSEGV"},
		{name: "timeout", lang: "python", body: `{"language":"python","version":"*","files":[{"content":"while True: pass"}],"run_timeout":500,"run_cpu_time":300}`, status: "TO", signal: "SIGKILL"},
		{name: "python syntax error", lang: "python", body: `{"language":"python","version":"*","files":[{"content":"print("}]}`, status: "RE", code: 1, stderr: "SyntaxError"},
		{name: "compile error", lang: "c", compiled: true, body: `{"language":"c","version":"*","files":[{"content":"int main(void){return x;}"}]}`, status: "RE", code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e.Langs[tt.lang] == nil {
				t.Skipf("no %s here", tt.lang)
			}
			code, body := post(t, srv.URL+"/api/v2/execute", "application/json", tt.body)
			if code != http.StatusOK {
				t.Fatalf("status %d: %s", code, body)
			}
			want := []string{"run", "language", "version"}
			if tt.compiled {
				want = append([]string{"compile"}, want...)
			}
			if got := keys(t, body); !reflect.DeepEqual(got, want) {
				t.Fatalf("keys %v, want %v", got, want)
			}
			var resp map[string]json.RawMessage
			json.Unmarshal(body, &resp)
			if got := keys(t, resp["run"]); !reflect.DeepEqual(got, stageKeys) {
				t.Errorf("run keys %v, want %v", got, stageKeys)
			}
			var run map[string]any
			json.Unmarshal(resp["run"], &run)
			if tt.stdout != "" && run["stdout"] != tt.stdout {
				t.Errorf("stdout %q, want %q", run["stdout"], tt.stdout)
			}
			if stderr, _ := run["stderr"].(string); !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q, want it to hold %q", stderr, tt.stderr)
			}
			if st, _ := run["status"].(string); st != tt.status {
				t.Errorf("status %v, want %q (%v)", run["status"], tt.status, run["message"])
			}
			if tt.signal != "" && run["signal"] != tt.signal {
				t.Errorf("signal %v, want %s", run["signal"], tt.signal)
			}
			if tt.signal == "" && run["code"] != tt.code {
				t.Errorf("code %v, want %v", run["code"], tt.code)
			}
			for _, k := range []string{"memory", "cpu_time", "wall_time"} {
				if _, ok := run[k].(float64); !ok {
					t.Errorf("%s = %v, want a number", k, run[k])
				}
			}
		})
	}
}

func TestBadRequests(t *testing.T) {
	srv, _ := newServer(t)
	tests := []struct {
		name, ctype, body string
		code              int
		msg               string
	}{
		{"not json type", "application/xml", `{}`, 415, "requests must be of type application/json"},
		{"bad json", "application/json", `{"language":`, 400, "invalid JSON body"},
		{"no language", "application/json", `{"version":"*","files":[]}`, 400, "language is required"},
		{"no version", "application/json", `{"language":"python","files":[]}`, 400, "version is required"},
		{"unknown runtime", "application/json", `{"language":"cobol","version":"*","files":[{"content":"x"}]}`, 400, "cobol-* runtime is unknown"},
		{"no match version", "application/json", `{"language":"python","version":"2.x","files":[{"content":"x"}]}`, 400, "python-2.x runtime is unknown"},
		{"no files", "application/json", `{"language":"python","version":"*"}`, 400, "files is required"},
		{"content not string", "application/json", `{"language":"python","version":"*","files":[{"content":5}]}`, 400, "invalid JSON body"},
		{"content missing", "application/json", `{"language":"python","version":"*","files":[{"name":"a.py"}]}`, 400, "files[0].content is required as a string"},
		{"only binary", "application/json", `{"language":"python","version":"*","files":[{"content":"AA==","encoding":"base64"}]}`, 400, "at least one utf8"},
		{"bad base64", "application/json", `{"language":"python","version":"*","files":[{"content":"print(1)"},{"name":"b","content":"!!","encoding":"base64"}]}`, 400, "not valid base64"},
		{"limit not number", "application/json", `{"language":"python","version":"*","files":[{"content":"print(1)"}],"run_timeout":"x"}`, 400, "run_timeout must be a number"},
		{"limit too high", "application/json", `{"language":"python","version":"*","files":[{"content":"print(1)"}],"run_timeout":999999}`, 400, "run_timeout cannot exceed the configured limit of 3000"},
		{"limit negative", "application/json", `{"language":"python","version":"*","files":[{"content":"print(1)"}],"run_cpu_time":-5}`, 400, "run_cpu_time must be non-negative"},
		{"empty source", "application/json", `{"language":"python","version":"*","files":[{"content":"  "}]}`, 400, "is empty"},
		{"escaping name", "application/json", `{"language":"python","version":"*","files":[{"content":"print(1)"},{"name":"../x","content":"AA==","encoding":"base64"}]}`, 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := post(t, srv.URL+"/api/v2/execute", tt.ctype, tt.body)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil || len(m) != 1 {
				t.Fatalf("body %s: want {\"message\": ...}", body)
			}
			if msg, _ := m["message"].(string); !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q, want it to hold %q", msg, tt.msg)
			}
		})
	}
}

// fixedLanguages offers languages without running anything (for decoding
// tests); RunCode is never called on it.
type fixedLanguages []*lang.Language

func (f fixedLanguages) Languages() []*lang.Language { return f }
func (f fixedLanguages) RunCode(context.Context, *judge.CodeRun) (*judge.CodeResult, error) {
	panic("fixedLanguages runs nothing")
}
