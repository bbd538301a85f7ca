package api_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildVerdict builds the verdict binary for worker subprocesses.
func buildVerdict(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "verdict")
	cmd := exec.Command("go", "build", "-o", bin, "../cmd/verdict")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// syncBuffer collects a subprocess's output.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startWorker starts `verdict worker` on the harness's database.
func startWorker(t *testing.T, bin string, h *harness, extra ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	args := []string{"worker", "--data", h.data, "--workers", "1", "--cache", cacheDir(t)}
	if h.dbURL != "" {
		args = append(args, "--database", h.dbURL, "--data", t.TempDir(), "--blobs", filepath.Join(h.data, "blobs"))
	}
	cmd := exec.Command(bin, append(args, extra...)...)
	cmd.Env = append(os.Environ(), "VERDICT_CALLBACK_SECRET="+callbackSecret)
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				cmd.Process.Kill()
				<-done
			}
		}
		if t.Failed() {
			t.Logf("worker output:\n%s", out.String())
		}
	})
	return cmd, out
}

// A slow accepted submission: 0.7 s of sleep a test, 4 tests.
const pySlowSum = "import time\ntime.sleep(0.7)\na, b = map(int, input().split())\nprint(a + b)\n"

// TestWorkerKilled kills a `verdict worker` (kill -9) in the middle of a
// judging; another worker picks the job up again and the submission ends
// with its right verdict.
func TestWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: waits for the queue to rescue the job")
	}
	bin := buildVerdict(t)
	h := start(t, options{workers: 0, anonymous: true})
	w1, out1 := startWorker(t, bin, h, "--job-timeout", "8s", "--rescue-after", "10s")
	r := h.want(h.do("POST", "/api/v1/submissions", "", map[string]string{"problem": "sum", "language": "python", "source": pySlowSum}), 202)
	id := r.obj(t)["id"].(string)
	deadline := time.Now().Add(60 * time.Second)
	for {
		var s submission
		h.want(h.do("GET", "/api/v1/submissions/"+id, "", nil), 200).json(t, &s)
		if s.Status == "running" && len(s.Tests) >= 1 {
			break
		}
		if s.Status == "done" || time.Now().After(deadline) {
			t.Fatalf("never caught it running: %+v\n%s", s, out1.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := w1.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	w1.Wait()
	startWorker(t, bin, h, "--job-timeout", "8s", "--rescue-after", "10s")
	s := h.waitDone(adminKey, id, 150*time.Second)
	if s.Verdict != "AC" || len(s.Tests) != 4 {
		t.Fatalf("after the kill: %s with %d tests: %+v", s.Verdict, len(s.Tests), s)
	}
	if s.Attempts < 2 {
		t.Errorf("attempts %d: the job was not run again", s.Attempts)
	}
}

// TestPostgres runs the service on PostgreSQL: a server judging in its own
// process, then two `verdict worker` processes sharing the database.
func TestPostgres(t *testing.T) {
	url := postgresURL(t)
	h := start(t, options{workers: 1, anonymous: true, postgres: url})
	for _, c := range []struct{ lang, src, verdict string }{{"python", pySum, "AC"}, {"cpp", cppSum, "AC"}, {"python", pyWrong, "WA"}} {
		if s := h.submit("", "sum", c.lang, c.src); s.Verdict != c.verdict {
			t.Errorf("%s: %s, want %s", c.lang, s.Verdict, c.verdict)
		}
	}
	var l struct{ Submissions []submission }
	h.want(h.do("GET", "/api/v1/submissions?mine=true", "", nil), 200).json(t, &l)
	if len(l.Submissions) != 3 {
		t.Errorf("%d submissions listed, want 3", len(l.Submissions))
	}
}

// TestTwoWorkersPostgres shares the judging of a server (which judges
// nothing itself) between two `verdict worker` processes on one PostgreSQL.
func TestTwoWorkersPostgres(t *testing.T) {
	url := postgresURL(t)
	bin := buildVerdict(t)
	h := start(t, options{workers: 0, anonymous: true, postgres: url})
	_, out1 := startWorker(t, bin, h)
	_, out2 := startWorker(t, bin, h)
	var ids []string
	for i := range 8 {
		src := fmt.Sprintf("%s# %d\n", pySlowSum, i)
		r := h.want(h.do("POST", "/api/v1/submissions", adminKey, map[string]string{"problem": "sum", "language": "python", "source": src}), 202)
		ids = append(ids, r.obj(t)["id"].(string))
	}
	for _, id := range ids {
		if s := h.waitDone(adminKey, id, 180*time.Second); s.Verdict != "AC" {
			t.Errorf("%s: %s", id, s.Verdict)
		}
	}
	n1, n2 := strings.Count(out1.String(), `msg=judged`), strings.Count(out2.String(), `msg=judged`)
	if n1 == 0 || n2 == 0 || n1+n2 != len(ids) {
		t.Errorf("worker 1 judged %d, worker 2 %d, of %d", n1, n2, len(ids))
	}
}

// TestServeShutdown stops `verdict serve` (SIGTERM) in the middle of a
// judging and of an event stream: it exits cleanly, and after a restart on
// the same data directory the submission has its verdict (finished before
// the exit, or handed back and judged again).
func TestServeShutdown(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("the service needs the sandbox, which needs root")
	}
	bin := buildVerdict(t)
	data := t.TempDir()
	serve := func() (*exec.Cmd, string, *syncBuffer) {
		cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data, "--workers", "1", "--cache", cacheDir(t))
		cmd.Env = append(os.Environ(), "VERDICT_ADMIN_KEY="+adminKey)
		logs := &syncBuffer{}
		cmd.Stderr = logs
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if cmd.ProcessState == nil {
				cmd.Process.Kill()
				cmd.Wait()
			}
		})
		line := make([]byte, 200)
		n, err := stdout.Read(line)
		if err != nil {
			t.Fatalf("serve printed nothing: %v\n%s", err, logs.String())
		}
		url := strings.TrimSpace(strings.TrimPrefix(string(line[:n]), "verdict: serving on "))
		go io.Copy(io.Discard, stdout)
		return cmd, url, logs
	}
	cmd, url, logs := serve()
	h := &harness{t: t, url: url, cl: &http.Client{Timeout: time.Minute}}
	h.want(h.do("GET", "/readyz", "", nil), 200) // the database and a worker
	r := h.want(h.do("POST", "/api/v1/submissions", adminKey, map[string]string{"problem": "sum", "language": "python", "source": pySlowSum}), 202)
	id := r.obj(t)["id"].(string)
	stream, err := http.NewRequest("GET", url+"/api/v1/submissions/"+id+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	stream.Header.Set("Authorization", "Bearer "+adminKey)
	resp, err := http.DefaultClient.Do(stream)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	streamDone := make(chan struct{})
	go func() { io.Copy(io.Discard, resp.Body); close(streamDone) }()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var s submission
		h.want(h.do("GET", "/api/v1/submissions/"+id, adminKey, nil), 200).json(t, &s)
		if s.Status == "running" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("never running: %+v", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("serve exited with %v\n%s", err, logs.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("serve did not exit within 60 s of SIGTERM\n%s", logs.String())
	}
	select {
	case <-streamDone:
	case <-time.After(5 * time.Second):
		t.Error("the event stream outlived the server")
	}
	_, url, _ = serve()
	h.url = url
	if s := h.waitDone(adminKey, id, 90*time.Second); s.Verdict != "AC" {
		t.Errorf("after the restart: %s", s.Verdict)
	}
}
