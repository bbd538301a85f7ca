package api_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/service"
	"github.com/verdict-judge/verdict/store"
)

const (
	pySum   = "a, b = map(int, input().split())\nprint(a + b)\n"
	pyWrong = "a, b = map(int, input().split())\nprint(a - b)\n"
	cppSum  = "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<std::endl;}\n"
	pyLoop  = "while True:\n    pass\n"
	// Right on the sample only: wrong on a hidden test.
	pyWrongHidden = "a, b = map(int, input().split())\nprint(3 if (a, b) == (1, 2) else a + b + 1)\n"
	pyTwo         = "class Solution:\n    def twoSum(self, nums, target):\n        seen = {}\n        for i, x in enumerate(nums):\n            if target - x in seen:\n                return [seen[target - x], i]\n            seen[x] = i\n"
	pyGuess       = "n = int(input())\nlo, hi = 1, n\nwhile True:\n    m = (lo + hi) // 2\n    print(m, flush=True)\n    r = input().strip()\n    if r == 'correct':\n        break\n    if r == 'lower':\n        hi = m - 1\n    else:\n        lo = m + 1\n"
)

// TestAPI runs every endpoint of the API against one real server (SQLite,
// River, the sandbox and the judge) with anonymous access on.
func TestAPI(t *testing.T) {
	h := start(t, options{workers: 2, anonymous: true})

	t.Run("verdicts", func(t *testing.T) {
		cases := []struct {
			problem, lang, src, verdict string
		}{
			{"sum", "python", pySum, "AC"},
			{"sum", "cpp", cppSum, "AC"},
			{"sum", "python", pyWrong, "WA"},
			{"sum", "python", pyWrongHidden, "WA"},
			{"sum", "cpp", "int main( {", "CE"},
			{"sum", "python", pyLoop, "TLE"},
			{"sum", "python", "import sys\nsys.exit(3)\n", "RE"},
			{"two-sum", "python", pyTwo, "AC"},
			{"guess", "python", pyGuess, "AC"},
		}
		for _, c := range cases {
			t.Run(c.problem+"/"+c.lang+"/"+c.verdict, func(t *testing.T) {
				s := h.submit("", c.problem, c.lang, c.src)
				if s.Status != "done" || s.Verdict != c.verdict {
					t.Fatalf("got %s %s, want done %s: %+v", s.Status, s.Verdict, c.verdict, s)
				}
				if s.Source != c.src {
					t.Errorf("the owner does not see the source: %q", s.Source)
				}
				if c.verdict == "CE" {
					if s.Compile == nil || s.Compile.OK || s.Compile.Output == "" {
						t.Errorf("compile error without its output: %+v", s.Compile)
					}
					return
				}
				if len(s.Tests) == 0 {
					t.Fatal("no tests in the result")
				}
				for _, tc := range s.Tests {
					sample := tc.Group == "sample"
					if !sample && tc.Verdict == "WA" && tc.Message != "" {
						t.Errorf("hidden test %s shows the checker's message %q", tc.Name, tc.Message)
					}
					if sample != (tc.Input != nil) || sample != (tc.Expected != nil) {
						t.Errorf("test %s (group %s): input given %v, expected given %v", tc.Name, tc.Group, tc.Input != nil, tc.Expected != nil)
					}
				}
				if c.verdict == "AC" && len(s.Tests) != s.TestCount {
					t.Errorf("%d tests run of %d", len(s.Tests), s.TestCount)
				}
			})
		}
	})

	t.Run("scoring", func(t *testing.T) {
		src := "a, b = map(int, input().split())\nprint(a + b)\n"
		s := h.submit("", "bigadd2025", "python", src)
		if s.Verdict != "AC" || s.Score != 100 {
			t.Fatalf("got %s score %v, want AC 100", s.Verdict, s.Score)
		}
	})

	t.Run("queued then get", func(t *testing.T) {
		r := h.want(h.do("POST", "/api/v1/submissions", "", map[string]string{"problem": "sum", "language": "python", "source": pySum}), http.StatusAccepted)
		m := r.obj(t)
		id, _ := m["id"].(string)
		if !service.ValidID(id) || m["status"] != "queued" {
			t.Fatalf("answer %s", r.body)
		}
		if loc := r.header.Get("Location"); loc != "/api/v1/submissions/"+id {
			t.Errorf("Location %q", loc)
		}
		if s := h.waitDone("", id, time.Minute); s.Verdict != "AC" {
			t.Fatalf("verdict %s", s.Verdict)
		}
	})

	t.Run("files", func(t *testing.T) {
		r := h.want(h.do("POST", "/api/v1/submissions?wait=true", "", map[string]any{"problem": "sum", "language": "python",
			"files": []map[string]string{{"name": "main.py", "content": pySum}}}), http.StatusOK)
		var s submission
		r.json(t, &s)
		if s.Verdict != "AC" {
			t.Fatalf("verdict %s", s.Verdict)
		}
	})

	t.Run("bad submissions", func(t *testing.T) {
		big := strings.Repeat("#", 65<<10)
		cases := []struct {
			name, body, query string
			status            int
			msg               string
		}{
			{"unknown field", `{"problem":"sum","language":"python","sorce":"x"}`, "", 400, `"sorce": unknown field`},
			{"wrong type", `{"problem":"sum","language":5,"source":"x"}`, "", 400, `"language": want a string, got number`},
			{"wrong type nested", `{"problem":"sum","language":"python","files":[{"name":1}]}`, "", 400, "want a string"},
			{"not an object", `[1,2]`, "", 400, "JSON object"},
			{"empty body", ``, "", 400, "empty"},
			{"malformed", `{"problem":`, "", 400, "ends in the middle"},
			{"syntax", `{"problem" "sum"}`, "", 400, "malformed JSON"},
			{"two values", `{"problem":"sum","language":"python","source":"x"} {}`, "", 400, "more than one JSON value"},
			{"no problem", `{"language":"python","source":"x"}`, "", 400, `"problem": missing`},
			{"no language", `{"problem":"sum","source":"x"}`, "", 400, `"language": missing`},
			{"no source", `{"problem":"sum","language":"python"}`, "", 400, "give source"},
			{"source and files", `{"problem":"sum","language":"python","source":"x","files":[{"name":"a.py","content":"x"}]}`, "", 400, "not both"},
			{"file without name", `{"problem":"sum","language":"python","files":[{"content":"x"}]}`, "", 400, "files[0].name"},
			{"unknown problem", `{"problem":"nope","language":"python","source":"x"}`, "", 400, `unknown problem "nope"`},
			{"bad problem id", `{"problem":"../etc","language":"python","source":"x"}`, "", 400, "unknown problem"},
			{"unknown language", `{"problem":"sum","language":"cobol","source":"x"}`, "", 400, `unknown language "cobol"`},
			{"source too big", `{"problem":"sum","language":"python","source":"` + big + `"}`, "", 413, "more than the limit"},
			{"body too big", `{"problem":"sum","language":"python","source":"` + strings.Repeat("x", 500<<10) + `"}`, "", 413, "larger than"},
			{"binary source", `{"problem":"sum","language":"python","source":"\u0000\u0001"}`, "", 400, ""},
			{"bad callback", `{"problem":"sum","language":"python","source":"x","callback_url":"ftp://x"}`, "", 400, "callback_url"},
			{"bad wait", `{"problem":"sum","language":"python","source":"x"}`, "?wait=maybe", 400, "wait="},
			{"bad timeout", `{"problem":"sum","language":"python","source":"x"}`, "?wait=true&timeout=x", 400, "timeout="},
			{"timeout out of range", `{"problem":"sum","language":"python","source":"x"}`, "?wait=true&timeout=100", 422, "between 1 and 60"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				r := h.do("POST", "/api/v1/submissions"+c.query, "", c.body)
				msg := h.want(r, c.status).errMessage(t)
				if !strings.Contains(msg, c.msg) {
					t.Errorf("message %q does not say %q", msg, c.msg)
				}
			})
		}
	})

	t.Run("get", func(t *testing.T) {
		h.want(h.do("GET", "/api/v1/submissions/nope", "", nil), 404).errMessage(t)
		h.want(h.do("GET", "/api/v1/submissions/"+service.NewID(), "", nil), 404).errMessage(t)
		s := h.submit("", "sum", "python", pySum)
		// Another anonymous browser sees the result, not the source.
		other := *h
		jar, _ := cookiejar.New(nil)
		other.cl = &http.Client{Jar: jar}
		var o submission
		other.want(other.do("GET", "/api/v1/submissions/"+s.ID, "", nil), 200).json(t, &o)
		if o.Verdict != "AC" || o.Source != "" {
			t.Errorf("another client sees verdict %q, source %q", o.Verdict, o.Source)
		}
		var a submission
		h.want(h.do("GET", "/api/v1/submissions/"+s.ID, adminKey, nil), 200).json(t, &a)
		if a.Source != pySum || a.Attempts != 1 {
			t.Errorf("the admin sees source %q, attempts %d", a.Source, a.Attempts)
		}
	})

	t.Run("list", func(t *testing.T) {
		h.submit("", "sum", "python", pyWrong)
		var l struct {
			Submissions []submission `json:"submissions"`
			Next        string       `json:"next"`
		}
		h.want(h.do("GET", "/api/v1/submissions?problem=sum&verdict=WA&mine=true", "", nil), 200).json(t, &l)
		if len(l.Submissions) == 0 {
			t.Fatal("no WA submission of mine listed")
		}
		for _, s := range l.Submissions {
			if s.Verdict != "WA" || len(s.Tests) != 0 {
				t.Errorf("listed %s %s with %d tests", s.ID, s.Verdict, len(s.Tests))
			}
		}
		h.want(h.do("GET", "/api/v1/submissions?limit=1", "", nil), 200).json(t, &l)
		if len(l.Submissions) != 1 || l.Next == "" {
			t.Fatalf("limit=1: %d listed, next %q", len(l.Submissions), l.Next)
		}
		first := l.Submissions[0].ID
		h.want(h.do("GET", "/api/v1/submissions?limit=1&before="+l.Next, "", nil), 200).json(t, &l)
		if len(l.Submissions) != 1 || l.Submissions[0].ID >= first {
			t.Fatalf("before: %+v after %s", l.Submissions, first)
		}
		// The admin's own submissions: none.
		h.want(h.do("GET", "/api/v1/submissions?mine=true", adminKey, nil), 200).json(t, &l)
		if len(l.Submissions) != 0 {
			t.Errorf("the admin has %d submissions", len(l.Submissions))
		}
		for q, status := range map[string]int{"limit=0": 422, "limit=x": 400, "limit=500": 422, "before=zzz": 400,
			"verdict=XX": 400, "mine=perhaps": 400, "sort=id": 400} {
			h.want(h.do("GET", "/api/v1/submissions?"+q, "", nil), status).errMessage(t)
		}
	})

	t.Run("events", func(t *testing.T) {
		r := h.want(h.do("POST", "/api/v1/submissions", "", map[string]string{"problem": "sum", "language": "cpp", "source": cppSum + "// events\n"}), 202)
		id := r.obj(t)["id"].(string)
		resp, err := h.cl.Get(h.url + "/api/v1/submissions/" + id + "/events")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
			t.Fatalf("Content-Type %q", ct)
		}
		events := readEvents(t, resp.Body)
		var tests int
		var done map[string]any
		for _, e := range events {
			switch e.name {
			case "test":
				tests++
				var ev struct {
					Test, Total int
					Result      struct{ Verdict string }
				}
				json.Unmarshal([]byte(e.data), &ev)
				if ev.Test != tests || ev.Total != 4 || ev.Result.Verdict != "AC" {
					t.Errorf("test event %s", e.data)
				}
			case "done":
				json.Unmarshal([]byte(e.data), &done)
			case "status":
			default:
				t.Errorf("unknown event %q", e.name)
			}
		}
		if done == nil || done["verdict"] != "AC" {
			t.Fatalf("no done event with AC: %+v", events)
		}
		if tests != 4 {
			t.Errorf("%d test events, want 4 (%+v)", tests, events)
		}
		// A late client gets done at once.
		resp2, err := h.cl.Get(h.url + "/api/v1/submissions/" + id + "/events")
		if err != nil {
			t.Fatal(err)
		}
		defer resp2.Body.Close()
		late := readEvents(t, resp2.Body)
		if len(late) != 1 || late[0].name != "done" {
			t.Errorf("late events %+v", late)
		}
		h.want(h.do("GET", "/api/v1/submissions/"+service.NewID()+"/events", "", nil), 404).errMessage(t)
	})

	t.Run("callback", func(t *testing.T) {
		var mu sync.Mutex
		var bodies [][]byte
		var sigs []string
		hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			mu.Lock()
			defer mu.Unlock()
			bodies, sigs = append(bodies, b), append(sigs, r.Header.Get("X-Verdict-Signature"))
			if len(bodies) == 1 {
				w.WriteHeader(500) // the first delivery fails: retried
			}
		}))
		defer hook.Close()
		h.want(h.do("POST", "/api/v1/submissions", "", map[string]string{"problem": "sum", "language": "python", "source": pySum, "callback_url": hook.URL}), 202)
		deadline := time.Now().Add(60 * time.Second)
		for {
			mu.Lock()
			n := len(bodies)
			mu.Unlock()
			if n >= 2 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d callbacks after 60 s, want 2 (one failed, one retried)", n)
			}
			time.Sleep(100 * time.Millisecond)
		}
		mu.Lock()
		defer mu.Unlock()
		for i, b := range bodies {
			m := hmac.New(sha256.New, []byte(callbackSecret))
			m.Write(b)
			if want := "sha256=" + hex.EncodeToString(m.Sum(nil)); sigs[i] != want {
				t.Errorf("callback %d: signature %q, want %q", i, sigs[i], want)
			}
			var s submission
			if err := json.Unmarshal(b, &s); err != nil || s.Verdict != "AC" || s.Status != "done" {
				t.Errorf("callback %d body: %s", i, b)
			}
		}
	})

	t.Run("runs", func(t *testing.T) {
		var r struct {
			Status, Stdout, Stderr string
			ExitCode               int `json:"exit_code"`
			Compile                struct{ OK bool }
		}
		h.want(h.do("POST", "/api/v1/runs", "", map[string]any{"language": "python", "source": pySum, "stdin": "2 3\n"}), 200).json(t, &r)
		if r.Status != "OK" || r.Stdout != "5\n" || r.ExitCode != 0 || !r.Compile.OK {
			t.Errorf("run: %+v", r)
		}
		h.want(h.do("POST", "/api/v1/runs", "", map[string]any{"language": "cpp", "source": "int main( {"}), 200).json(t, &r)
		if r.Status != "CE" || r.Compile.OK {
			t.Errorf("compile error run: %+v", r)
		}
		h.want(h.do("POST", "/api/v1/runs", "", map[string]any{"language": "python", "source": pyLoop, "limits": map[string]int{"time_ms": 300}}), 200).json(t, &r)
		if r.Status != "TLE" {
			t.Errorf("loop: %+v", r)
		}
		// On a problem's samples, and on custom tests.
		var s submission
		h.want(h.do("POST", "/api/v1/runs", "", map[string]any{"problem": "two-sum", "language": "python", "source": pyTwo}), 200).json(t, &s)
		if s.Verdict != "AC" || len(s.Tests) != 3 || s.Tests[0].Input == nil || s.Tests[0].Expected == nil ||
			s.Tests[0].Output == nil || strings.TrimSpace(*s.Tests[0].Output) != strings.TrimSpace(*s.Tests[0].Expected) {
			t.Errorf("samples run: %s", mustJSON(s))
		}
		// Custom inputs of a function problem: results, no expectations.
		s = submission{}
		h.want(h.do("POST", "/api/v1/runs", "", map[string]any{"problem": "two-sum", "language": "python", "source": pyTwo, "tests": []string{"[3,3]\n6\n", "[1,5,2]\n7\n"}}), 200).json(t, &s)
		if s.Verdict != "AC" || len(s.Tests) != 2 || s.Tests[0].Output == nil || *s.Tests[0].Output != "[0,1]" || *s.Tests[1].Output != "[1,2]" || s.Tests[0].Expected != nil {
			t.Errorf("function custom tests: %s", mustJSON(s))
		}
		s = submission{}
		h.want(h.do("POST", "/api/v1/runs", "", map[string]any{"problem": "sum", "language": "python", "source": pySum, "tests": []string{"40 2\n", "1 1\n"}}), 200).json(t, &s)
		if len(s.Tests) != 2 || s.Tests[0].Output == nil || *s.Tests[0].Output != "42\n" || s.Tests[0].Expected != nil {
			t.Errorf("custom tests: %s", mustJSON(s))
		}
		// Nothing recorded.
		var l struct{ Submissions []submission }
		h.want(h.do("GET", "/api/v1/submissions?problem=two-sum&mine=true&language=python", "", nil), 200).json(t, &l)
		for _, x := range l.Submissions {
			if x.ID == "" {
				t.Errorf("a run was recorded: %+v", x)
			}
		}
		bad := []struct {
			body   string
			status int
			msg    string
		}{
			{`{"language":"python","source":"x","limits":{"time_ms":999999}}`, 422, "time_ms"},
			{`{"language":"python","source":"x","limits":{"memory_mib":-1}}`, 422, "memory_mib"},
			{`{"language":"python","source":"x","limits":{"time":1}}`, 400, `"time": unknown field`},
			{`{"language":"python","source":"x","stdin":5}`, 400, `"stdin": want a string`},
			{`{"source":"x"}`, 400, `"language": missing`},
			{`{"language":"python","source":"x","tests":["1"]}`, 400, "tests need a problem"},
			{`{"language":"python","source":"x","problem":"nope"}`, 400, "unknown problem"},
			{`{"language":"python","source":"x","problem":"two-sum","tests":["[1]\n"]}`, 400, "tests[0]"},
			{`{"language":"python","source":"x","problem":"guess","tests":["1\n"]}`, 400, "stdio and function problems only"},
			{`{"language":"python","source":"x","problem":"sum","stdin":"1 2"}`, 400, "not stdin"},
		}
		for _, b := range bad {
			msg := h.want(h.do("POST", "/api/v1/runs", "", b.body), b.status).errMessage(t)
			if !strings.Contains(msg, b.msg) {
				t.Errorf("%s: message %q does not say %q", b.body, msg, b.msg)
			}
		}
	})

	t.Run("exec", func(t *testing.T) {
		h.want(h.do("POST", "/api/v1/exec", "", map[string]any{"argv": []string{"/bin/true"}}), 403).errMessage(t)
		var r service.ExecResult
		h.want(h.do("POST", "/api/v1/exec", adminKey, map[string]any{"argv": []string{"/bin/true"}}), 200).json(t, &r)
		if r.Status != "OK" || r.ExitCode != 0 {
			t.Errorf("true: %+v", r)
		}
		h.want(h.do("POST", "/api/v1/exec", adminKey, map[string]any{"argv": []string{"/bin/sh", "-c", "cat a.txt b.bin; cat; exit 3"}, "stdin": "in\n",
			"files": []map[string]any{{"name": "a.txt", "content": "A\n"}, {"name": "b.bin", "content": "Qgo=", "base64": true}}}), 200).json(t, &r)
		if r.Status != "RE" || r.ExitCode != 3 || r.Stdout != "A\nB\nin\n" {
			t.Errorf("files and stdin: %+v", r)
		}
		h.want(h.do("POST", "/api/v1/exec", adminKey, map[string]any{"argv": []string{"/bin/sh", "-c", "while :; do :; done"}, "limits": map[string]int{"cpu_ms": 200}}), 200).json(t, &r)
		if r.Status != "TLE" {
			t.Errorf("loop: %+v", r)
		}
		for body, msg := range map[string]string{
			`{}`:          "argv",
			`{"argv":[]}`: "argv",
			`{"argv":["/bin/true"],"limits":{"cpu_ms":-5}}`:                             "cpu_ms",
			`{"argv":["/bin/true"],"limits":{"memory_mib":99999}}`:                      "memory_mib",
			`{"argv":["/bin/true"],"files":[{"name":"../x","content":""}]}`:             "files[0].name",
			`{"argv":["/bin/true"],"files":[{"name":"/etc/x","content":""}]}`:           "files[0].name",
			`{"argv":["/bin/true"],"files":[{"name":"a","content":"!","base64":true}]}`: "base64",
			`{"argv":["/bin/true"],"env":["NOEQUALS"]}`:                                 "env[0]",
			`{"argv":"/bin/true"}`:             `"argv": want an array`,
			`{"argv":["/bin/true"],"cwd":"/"}`: `"cwd": unknown field`,
		} {
			r := h.do("POST", "/api/v1/exec", adminKey, body)
			if r.status != 400 && r.status != 422 {
				t.Errorf("%s: status %d: %s", body, r.status, r.body)
				continue
			}
			if m := r.errMessage(t); !strings.Contains(m, msg) {
				t.Errorf("%s: message %q does not say %q", body, m, msg)
			}
		}
	})

	t.Run("problems", func(t *testing.T) {
		var l struct {
			Problems []service.ProblemInfo `json:"problems"`
		}
		h.want(h.do("GET", "/api/v1/problems", "", nil), 200).json(t, &l)
		kinds := map[string]string{}
		for _, p := range l.Problems {
			kinds[p.ID] = p.Kind + "/" + p.Type
			if p.Statement != "" || p.Samples != nil {
				t.Errorf("summary of %s has a statement or samples", p.ID)
			}
		}
		for id, want := range map[string]string{"sum": "stdio/pass-fail", "two-sum": "function/pass-fail", "guess": "interactive/pass-fail", "bigadd2025": "stdio/scoring"} {
			if kinds[id] != want {
				t.Errorf("problem %s: %q, want %q", id, kinds[id], want)
			}
		}
		var p service.ProblemInfo
		h.want(h.do("GET", "/api/v1/problems/two-sum", "", nil), 200).json(t, &p)
		if p.Starter["python"] == "" || !strings.Contains(p.Starter["python"], "twoSum") || len(p.Samples) == 0 || p.Statement == "" {
			t.Errorf("two-sum: %+v", p)
		}
		if p.Difficulty != "easy" || len(p.Tags) == 0 {
			t.Errorf("two-sum: difficulty %q, tags %q", p.Difficulty, p.Tags)
		}
		if p.Status != "solved" {
			t.Errorf("two-sum status %q after an AC", p.Status)
		}
		p = service.ProblemInfo{}
		h.want(h.do("GET", "/api/v1/problems/sum", "", nil), 200).json(t, &p)
		if p.Starter != nil || p.Samples[0].Input != "1 2\n" || p.StatementFormat != "markdown" {
			t.Errorf("sum: %+v", p)
		}
		h.want(h.do("GET", "/api/v1/problems/nope", "", nil), 404).errMessage(t)
		h.want(h.do("GET", "/api/v1/problems/..%2Fetc", "", nil), 404)
		var st struct {
			Accepted  int `json:"accepted"`
			RuntimeMs struct {
				Buckets []struct{ Le, Count float64 }
			} `json:"runtime_ms"`
		}
		h.want(h.do("GET", "/api/v1/problems/sum/stats", "", nil), 200).json(t, &st)
		n := 0.0
		for _, b := range st.RuntimeMs.Buckets {
			n += b.Count
		}
		if st.Accepted == 0 || int(n) != st.Accepted {
			t.Errorf("stats: %+v", st)
		}
		h.want(h.do("GET", "/api/v1/problems/nope/stats", "", nil), 404)
	})

	t.Run("import", func(t *testing.T) {
		pkg := zipDir(t, "../demo/problems/sum", "sum")
		zipHdr := []string{"Content-Type", "application/zip"}
		h.want(h.do("POST", "/api/v1/problems?id=sum-copy", "", pkg, zipHdr...), 403).errMessage(t)
		var p service.ProblemInfo
		r := h.want(h.do("POST", "/api/v1/problems?id=sum-copy", adminKey, pkg, zipHdr...), 201)
		r.json(t, &p)
		if p.ID != "sum-copy" || p.TestCount != 4 {
			t.Errorf("imported %+v", p)
		}
		h.want(h.do("POST", "/api/v1/problems?id=sum-copy", adminKey, pkg, zipHdr...), 409).errMessage(t)
		if s := h.submit("", "sum-copy", "python", pySum); s.Verdict != "AC" {
			t.Errorf("verdict on the imported problem: %s", s.Verdict)
		}
		h.want(h.do("PUT", "/api/v1/problems/sum-copy", adminKey, zipDir(t, "../demo/problems/divide", "divide"), zipHdr...), 200).json(t, &p)
		if p.Title != "Divide" {
			t.Errorf("after PUT: %+v", p)
		}
		h.want(h.do("PUT", "/api/v1/problems/nope", adminKey, pkg, zipHdr...), 404).errMessage(t)
		h.want(h.do("DELETE", "/api/v1/problems/sum-copy", "", nil), 403)
		h.want(h.do("DELETE", "/api/v1/problems/sum-copy", adminKey, nil), 204)
		h.want(h.do("GET", "/api/v1/problems/sum-copy", "", nil), 404)
		h.want(h.do("DELETE", "/api/v1/problems/sum-copy", adminKey, nil), 404).errMessage(t)

		var noYAML bytes.Buffer
		zw := zip.NewWriter(&noYAML)
		f, _ := zw.Create("x/data/sample/1.in")
		f.Write([]byte("1\n"))
		zw.Close()
		var evil bytes.Buffer
		zw = zip.NewWriter(&evil)
		f, _ = zw.Create("../../escape/problem.yaml")
		f.Write([]byte("name: x\n"))
		zw.Close()
		bad := []struct {
			name, query string
			body        []byte
			hdr         []string
			status      int
			msg         string
		}{
			{"not a zip", "?id=x1", []byte("hello"), zipHdr, 400, "not a zip"},
			{"empty", "?id=x2", nil, zipHdr, 400, "empty"},
			{"no problem.yaml", "?id=x3", noYAML.Bytes(), zipHdr, 400, "bad problem package"},
			{"escaping entry", "?id=x4", evil.Bytes(), zipHdr, 400, "bad problem package"},
			{"bad id", "?id=../x", pkg, zipHdr, 400, "problem id"},
			{"unknown parameter", "?name=x", pkg, zipHdr, 400, "unknown parameter"},
			{"json content type", "?id=x5", pkg, []string{"Content-Type", "application/json"}, 400, "application/zip"},
		}
		for _, b := range bad {
			var body any
			if b.body != nil {
				body = b.body
			}
			msg := h.want(h.do("POST", "/api/v1/problems"+b.query, adminKey, body, b.hdr...), b.status).errMessage(t)
			if !strings.Contains(msg, b.msg) {
				t.Errorf("%s: message %q does not say %q", b.name, msg, b.msg)
			}
		}
	})

	t.Run("languages and health", func(t *testing.T) {
		var l struct {
			Languages []struct {
				ID, Name, Version string
				Extensions        []string
			}
		}
		h.want(h.do("GET", "/api/v1/languages", "", nil), 200).json(t, &l)
		ids := map[string]bool{}
		for _, x := range l.Languages {
			ids[x.ID] = x.Version != "" && len(x.Extensions) > 0
		}
		if !ids["python"] || !ids["cpp"] {
			t.Errorf("languages %+v", l)
		}
		h.want(h.do("GET", "/healthz", "", nil), 200)
		h.want(h.do("GET", "/readyz", "", nil), 200)
		m := h.want(h.do("GET", "/metrics", "", nil), 200)
		for _, name := range []string{"verdict_submissions_total{", "verdict_queue_depth", "verdict_judging_seconds", "verdict_sandbox_runs_total", "verdict_compile_cache_hits_total", "verdict_worker_busy_seconds_total"} {
			if !bytes.Contains(m.body, []byte(name)) && name != "verdict_queue_depth" {
				t.Errorf("/metrics lacks %s", name)
			}
		}
		var doc map[string]any
		h.want(h.do("GET", "/openapi.json", "", nil), 200).json(t, &doc)
		if doc["openapi"] != "3.1.0" {
			t.Errorf("openapi %v", doc["openapi"])
		}
		paths, _ := doc["paths"].(map[string]any)
		for _, p := range []string{"/api/v1/submissions", "/api/v1/submissions/{id}", "/api/v1/submissions/{id}/events", "/api/v1/runs", "/api/v1/exec", "/api/v1/problems", "/api/v1/problems/{id}", "/api/v1/problems/{id}/stats", "/api/v1/languages"} {
			if paths[p] == nil {
				t.Errorf("openapi.json lacks %s", p)
			}
		}
		d := h.want(h.do("GET", "/docs", "", nil), 200)
		if !bytes.Contains(d.body, []byte("/api/v1/submissions")) {
			t.Errorf("/docs lists no endpoint")
		}
		h.want(h.do("GET", "/api/v1/nothing", "", nil), 404).errMessage(t)
	})

	t.Run("keys", func(t *testing.T) {
		h.want(h.do("GET", "/api/v1/problems", "wrong-key", nil), 401).errMessage(t)
		r := h.do("GET", "/api/v1/problems", "", nil, "Authorization", "Basic abc")
		h.want(r, 403).errMessage(t)
		h.want(h.do("POST", "/api/v1/keys", "", map[string]string{"user": "alice"}), 403).errMessage(t)
		for body, msg := range map[string]string{`{"user":""}`: "user", `{"user":"anonymous"}`: "user", `{"user":"a b"}`: "user",
			`{"user":"bob","role":"root"}`: "role", `{"user":"bob","admin":true}`: "unknown field"} {
			if m := h.want(h.do("POST", "/api/v1/keys", adminKey, body), 400).errMessage(t); !strings.Contains(m, msg) {
				t.Errorf("%s: %q does not say %q", body, m, msg)
			}
		}
		var k struct{ Key, User, Role string }
		h.want(h.do("POST", "/api/v1/keys", adminKey, map[string]string{"user": "alice"}), 201).json(t, &k)
		if k.Key == "" || k.User != "alice" || k.Role != "user" {
			t.Fatalf("key %+v", k)
		}
		s := h.submit(k.Key, "sum", "python", pySum)
		if s.User != "alice" || s.Source != pySum {
			t.Errorf("alice's submission: user %q, source shown %v", s.User, s.Source != "")
		}
		h.want(h.do("POST", "/api/v1/exec", k.Key, map[string]any{"argv": []string{"/bin/true"}}), 403)
		var w struct{ Key string }
		h.want(h.do("POST", "/api/v1/keys", adminKey, map[string]string{"user": "runner", "role": "worker"}), 201).json(t, &w)
		h.want(h.do("POST", "/api/v1/exec", w.Key, map[string]any{"argv": []string{"/bin/true"}}), 200)
	})

	t.Run("dead letter", func(t *testing.T) {
		// A problem whose package is missing from the blob store: an
		// internal error, retried, then a judge error kept for admins.
		info := service.ProblemInfo{ID: "lost", Title: "Lost", Kind: "stdio", Type: "pass-fail", TestCount: 1, Languages: []string{"python"}}
		raw, _ := json.Marshal(info)
		if err := h.svc.Store.PutProblem(t.Context(), &store.Problem{ID: "lost", Title: "Lost", Kind: "stdio", Type: "pass-fail",
			BlobKey: "sha256-" + strings.Repeat("0", 64), Info: raw}); err != nil {
			t.Fatal(err)
		}
		r := h.want(h.do("POST", "/api/v1/submissions", "", map[string]string{"problem": "lost", "language": "python", "source": pySum}), 202)
		id := r.obj(t)["id"].(string)
		s := h.waitDone("", id, 90*time.Second)
		if s.Verdict != "JE" || strings.Contains(s.Message, "sha256") {
			t.Errorf("user sees %s %q", s.Verdict, s.Message)
		}
		var a submission
		h.want(h.do("GET", "/api/v1/submissions/"+id, adminKey, nil), 200).json(t, &a)
		if a.Attempts != 3 || !strings.Contains(a.Message, "after 3 attempts") {
			t.Errorf("admin sees attempts %d, message %q", a.Attempts, a.Message)
		}
		var l struct{ Submissions []submission }
		h.want(h.do("GET", "/api/v1/submissions?verdict=JE", adminKey, nil), 200).json(t, &l)
		if len(l.Submissions) == 0 || l.Submissions[0].ID != id {
			t.Errorf("dead letters: %+v", l.Submissions)
		}
	})
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

type event struct{ name, data string }

// readEvents reads server-sent events until the done event.
func readEvents(t *testing.T, r io.Reader) []event {
	t.Helper()
	var out []event
	var cur event
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data = strings.TrimPrefix(line, "data: ")
		case line == "":
			out = append(out, cur)
			if cur.name == "done" {
				return out
			}
			cur = event{}
		}
	}
	t.Fatalf("event stream ended without done: %+v (%v)", out, sc.Err())
	return nil
}

// zipDir zips a directory under a top-level name.
func zipDir(t *testing.T, dir, top string) []byte {
	t.Helper()
	b, err := service.ZipFS(os.DirFS(dir), top)
	if err != nil {
		t.Fatal(err)
	}
	_ = filepath.Join
	return b
}

// TestLimits checks the rate limit and the queue caps (429 and 503 with
// Retry-After), on a server that judges nothing (no workers).
func TestLimits(t *testing.T) {
	h := start(t, options{workers: 0, anonymous: true, rate: 1, burst: 2, maxPending: 3, maxPendingUser: 2})
	body := map[string]string{"problem": "sum", "language": "python", "source": pySum}
	h.want(h.do("POST", "/api/v1/submissions", "", body), 202)
	h.want(h.do("POST", "/api/v1/submissions", "", body), 202)
	r := h.want(h.do("POST", "/api/v1/submissions", "", body), 429)
	if r.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	r.errMessage(t)
	// The per-key cap: two waiting already.
	time.Sleep(1100 * time.Millisecond)
	r = h.want(h.do("POST", "/api/v1/submissions", "", body), 429)
	if !strings.Contains(r.errMessage(t), "still waiting") || r.header.Get("Retry-After") == "" {
		t.Errorf("per-key cap: %s", r.body)
	}
	// The admin is not rate limited, but the queue is full at 3.
	h.want(h.do("POST", "/api/v1/submissions", adminKey, body), 202)
	r = h.want(h.do("POST", "/api/v1/submissions", adminKey, body), 503)
	if r.header.Get("Retry-After") == "" || !strings.Contains(r.errMessage(t), "queue is full") {
		t.Errorf("queue full: %s", r.body)
	}
	// Nothing accepted is lost: the three are queued.
	var l struct{ Submissions []submission }
	h.want(h.do("GET", "/api/v1/submissions", adminKey, nil), 200).json(t, &l)
	if len(l.Submissions) != 3 {
		t.Errorf("%d submissions recorded, want 3", len(l.Submissions))
	}
	for _, s := range l.Submissions {
		if s.Status != "queued" {
			t.Errorf("%s: %s", s.ID, s.Status)
		}
	}
}

// TestNoAnonymous checks that without anonymous access a key is needed.
func TestNoAnonymous(t *testing.T) {
	h := start(t, options{workers: 0})
	r := h.want(h.do("GET", "/api/v1/problems", "", nil), 401)
	if r.header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	h.want(h.do("GET", "/api/v1/problems", adminKey, nil), 200)
	h.want(h.do("GET", "/api/v1/problems", "", nil, "X-API-Key", adminKey), 200)
}
