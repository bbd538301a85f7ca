package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// served is a `verdict serve` running in this test process.
type served struct {
	url, adminKey string
}

// startServe starts `verdict serve` on a free loopback port with a data
// directory of its own, and stops it when the test ends.
func startServe(t *testing.T, extra ...string) *served {
	t.Helper()
	needRoot(t)
	key := "test-admin-key-" + strings.Repeat("k", 16)
	t.Setenv("VERDICT_ADMIN_KEY", key)
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var errb bytes.Buffer
	var mu sync.Mutex
	done := make(chan int, 1)
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", t.TempDir(), "--demo=false",
		"--cache", filepath.Join(os.TempDir(), "verdict-test-cache", "cli")}, extra...)
	go func() {
		code := run(ctx, args, pw, &lockedWriter{w: &errb, mu: &mu})
		pw.Close()
		done <- code
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Error("verdict serve did not stop")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		mu.Lock()
		defer mu.Unlock()
		t.Fatalf("verdict serve: %v: %s", err, errb.String())
	}
	url := strings.TrimSpace(strings.TrimPrefix(line, "verdict: serving on "))
	return &served{url: url, adminKey: key}
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// call makes a request and decodes a JSON answer into out (when not nil).
func (s *served) call(t *testing.T, method, path, body string, hdr map[string]string, out any) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: %d %s: not JSON: %v", method, path, resp.StatusCode, b, err)
		}
	}
	return resp.StatusCode, resp.Header, b
}

// TestJudge0API drives the Judge0-compatible API of a real `verdict
// serve` (SQLite, River, workers, sandbox) and checks Judge0 1.13.1's
// shapes.
func TestJudge0API(t *testing.T) {
	s := startServe(t)
	admin := map[string]string{"X-Auth-Token": s.adminKey}

	var langs []map[string]any
	s.call(t, "GET", "/judge0/languages", "", nil, &langs)
	ids := map[float64]bool{}
	for _, l := range langs {
		ids[l["id"].(float64)] = true
		if len(l) != 2 {
			t.Errorf("language %v: want exactly id and name", l)
		}
	}
	if !ids[71] || !ids[54] {
		t.Fatalf("languages %v: want Python 71 and C++ 54", langs)
	}
	var statuses []map[string]any
	s.call(t, "GET", "/judge0/statuses", "", nil, &statuses)
	if len(statuses) != 14 || statuses[2]["description"] != "Accepted" {
		t.Errorf("statuses %v", statuses)
	}
	var cfg map[string]any
	s.call(t, "GET", "/judge0/config_info", "", nil, &cfg)
	if len(cfg) != 39 {
		t.Errorf("config_info has %d keys, Judge0 1.13.1 has 39", len(cfg))
	}
	var about map[string]any
	s.call(t, "GET", "/judge0/about", "", nil, &about)
	if about["version"] != "1.13.1" {
		t.Errorf("about %v", about)
	}

	// Asynchronous: a token, then the result by token.
	var created map[string]string
	code, _, body := s.call(t, "POST", "/judge0/submissions", `{"language_id":71,"source_code":"print(input()*2)","stdin":"ab","expected_output":"abab"}`, nil, &created)
	if code != 201 || len(created) != 1 || created["token"] == "" {
		t.Fatalf("create: %d %s", code, body)
	}
	var got map[string]any
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, _, body = s.call(t, "GET", "/judge0/submissions/"+created["token"], "", nil, &got)
		if st := got["status"].(map[string]any); st["id"].(float64) >= 3 || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if keys := jsonKeys(t, body); !reflect.DeepEqual(keys, []string{"stdout", "time", "memory", "stderr", "token", "compile_output", "message", "status"}) {
		t.Errorf("default fields %v", keys)
	}
	if got["stdout"] != "abab\n" || got["status"].(map[string]any)["id"].(float64) != 3 {
		t.Errorf("result %s", body)
	}
	if _, ok := got["time"].(string); !ok {
		t.Errorf("time %v: Judge0 gives a decimal string", got["time"])
	}

	// Synchronous, base64 both ways, chosen fields.
	code, _, body = s.call(t, "POST", "/judge0/submissions?wait=true&base64_encoded=true&fields=status_id,stdout,language",
		`{"language_id":50,"source_code":"I2luY2x1ZGUgPHN0ZGlvLmg+CmludCBtYWluKHZvaWQpe3B1dHMoImhpIik7fQ==","stdin":""}`, nil, &got)
	if code != 201 || got["stdout"] != "aGkK\n" || got["status_id"].(float64) != 3 {
		t.Errorf("wait with base64: %d %s", code, body)
	}
	if keys := jsonKeys(t, body); !reflect.DeepEqual(keys, []string{"stdout", "status_id", "language"}) {
		t.Errorf("fields %v", keys)
	}
	code, _, body = s.call(t, "POST", "/judge0/submissions?wait=true", `{"language_id":50,"source_code":"int main(void){return y;}"}`, nil, &got)
	if code != 201 || got["status"].(map[string]any)["id"].(float64) != 6 || got["compile_output"] == nil {
		t.Errorf("compile error: %d %s", code, body)
	}

	// Batches: tokens and errors aligned with the input; unknown tokens null.
	var batch []map[string]any
	code, _, body = s.call(t, "POST", "/judge0/submissions/batch", `{"submissions":[{"language_id":71,"source_code":"print(1)"},{"language_id":123456789,"source_code":"x"}]}`, nil, &batch)
	if code != 201 || len(batch) != 2 || batch[0]["token"] == nil || batch[1]["language_id"] == nil {
		t.Fatalf("batch: %d %s", code, body)
	}
	var shown map[string][]any
	s.call(t, "GET", "/judge0/submissions/batch?tokens="+batch[0]["token"].(string)+",nosuchtoken&fields=token", "", nil, &shown)
	if len(shown["submissions"]) != 2 || shown["submissions"][1] != nil {
		t.Errorf("batch show %v", shown)
	}

	// Errors in Judge0's shapes.
	for _, tt := range []struct {
		method, path, body string
		hdr                map[string]string
		code               int
		want               string
	}{
		{"POST", "/judge0/submissions", `{"source_code":"x"}`, nil, 422, `{"language_id":["can't be blank"]}`},
		{"POST", "/judge0/submissions", `{"language_id":71,"source_code":"x","wall_time_limit":100}`, nil, 422, `{"wall_time_limit":["must be less than or equal to 20.0"]}`},
		{"POST", "/judge0/submissions", `not json`, nil, 400, `{"error":"the request body is not a JSON object"}`},
		{"GET", "/judge0/submissions/" + created["token"] + "?fields=token,nope", "", nil, 400, `{"error":"invalid fields: [nope]"}`},
		{"GET", "/judge0/submissions/00000000-0000-4000-8000-000000000000", "", nil, 404, `{"status":404,"error":"Not Found"}`},
		{"GET", "/judge0/submissions", "", nil, 403, ``},
		{"POST", "/judge0/submissions/batch", `{"submissions":[]}`, nil, 400, `{"error":"there should be at least one submission in a batch"}`},
		{"GET", "/judge0/submissions", "", map[string]string{"X-Auth-Token": "wrong-key"}, 401, ``},
	} {
		code, _, body := s.call(t, tt.method, tt.path, tt.body, tt.hdr, nil)
		if code != tt.code || strings.TrimSpace(string(body)) != tt.want {
			t.Errorf("%s %s: %d %s, want %d %s", tt.method, tt.path, code, body, tt.code, tt.want)
		}
	}
	var list struct {
		Submissions []map[string]any `json:"submissions"`
		Meta        map[string]any   `json:"meta"`
	}
	code, _, body = s.call(t, "GET", "/judge0/submissions?per_page=2&fields=token", "", admin, &list)
	if code != 200 || len(list.Submissions) != 2 || list.Meta["total_count"].(float64) < 4 || list.Meta["current_page"].(float64) != 1 {
		t.Errorf("list as admin: %d %s", code, body)
	}
}

// TestJudge0Callback checks that a finished submission is PUT to its
// callback URL with the default fields in base64, as Judge0 does.
func TestJudge0Callback(t *testing.T) {
	s := startServe(t)
	got := make(chan map[string]any, 1)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m map[string]any
		json.NewDecoder(r.Body).Decode(&m)
		if r.Method == http.MethodPut {
			got <- m
		}
	}))
	defer hook.Close()
	var created map[string]string
	s.call(t, "POST", "/judge0/submissions", `{"language_id":71,"source_code":"print('hi')","callback_url":"`+hook.URL+`"}`, nil, &created)
	select {
	case m := <-got:
		if m["token"] != created["token"] || m["stdout"] != "aGkK\n" || m["status"].(map[string]any)["id"].(float64) != 3 {
			t.Errorf("callback body %v", m)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("no callback within a minute")
	}
}

// TestPistonAPI runs code through the Piston-compatible API of a real
// `verdict serve`.
func TestPistonAPI(t *testing.T) {
	s := startServe(t)
	var rts []map[string]any
	s.call(t, "GET", "/api/v2/runtimes", "", nil, &rts)
	if len(rts) == 0 {
		t.Fatal("no runtimes")
	}
	var res struct {
		Run struct {
			Stdout string `json:"stdout"`
			Code   int    `json:"code"`
		} `json:"run"`
		Language string `json:"language"`
	}
	code, _, body := s.call(t, "POST", "/api/v2/execute", `{"language":"python","version":"*","files":[{"content":"print(input()[::-1])"}],"stdin":"abc"}`, nil, &res)
	if code != 200 || res.Run.Stdout != "cba\n" || res.Language != "python" {
		t.Errorf("execute: %d %s", code, body)
	}
	code, _, body = s.call(t, "POST", "/api/v2/execute", `{"language":"nope","version":"*","files":[]}`, nil, nil)
	if code != 400 || !strings.Contains(string(body), "runtime is unknown") {
		t.Errorf("unknown runtime: %d %s", code, body)
	}
}

// jsonKeys returns an object's keys in the order of the text.
func jsonKeys(t *testing.T, raw []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", raw)
	}
	var ks []string
	for dec.More() {
		tok, _ := dec.Token()
		ks = append(ks, tok.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	return ks
}
