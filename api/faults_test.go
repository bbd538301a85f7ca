package api_test

// The fault suite (issue 7): a worker killed with SIGKILL while it compiles,
// `verdict serve` restarted (SIGTERM and SIGKILL) with submissions queued,
// PostgreSQL stopped and started again, the data directory's disk full, and
// a blob store that fails for a while or for good. Each test checks that no
// accepted submission is lost, that each ends with its right verdict or a
// judge error (JE) with a message that admins see, that nothing is judged
// twice in effect (the final report is one judging: the problem's number of
// tests, each once), and that the service recovers by itself (a submission
// made after the fault is judged normally).
//
// `make test` runs the fast ones (the blob store, serve restarted with
// SIGTERM). VERDICT_FAULTS=full runs all of them; the PostgreSQL outage also
// needs VERDICT_FAULTS_PG=1 (it stops the shared server). `make faults` sets
// both.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// faultsFull skips a slow fault test unless VERDICT_FAULTS=full.
func faultsFull(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("VERDICT_FAULTS") != "full" {
		t.Skipf("slow (%s): VERDICT_FAULTS=full or `make faults` runs it", why)
	}
	if os.Geteuid() != 0 {
		t.Skip("the service needs the sandbox, which needs root")
	}
}

func faultsRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("the service needs the sandbox, which needs root")
	}
}

// unique makes a source unique to this run, so that the compile cache
// cannot answer for it.
func unique(src, comment string) string {
	return fmt.Sprintf("%s%s fault %d\n", src, comment, time.Now().UnixNano())
}

// sumTests is the number of tests of the demo problem sum.
func sumTests(h *harness) int {
	h.t.Helper()
	var p struct {
		TestCount int `json:"test_count"`
	}
	h.want(h.do("GET", "/api/v1/problems/sum", adminKey, nil), http.StatusOK).json(h.t, &p)
	if p.TestCount < 2 {
		h.t.Fatalf("problem sum has %d tests", p.TestCount)
	}
	return p.TestCount
}

// queueSum posts a submission to sum without waiting and returns its id.
func queueSum(h *harness, lang, src string) string {
	h.t.Helper()
	r := h.want(h.do("POST", "/api/v1/submissions", adminKey, map[string]string{"problem": "sum", "language": lang, "source": src}), http.StatusAccepted)
	id, _ := r.obj(h.t)["id"].(string)
	if id == "" {
		h.t.Fatalf("202 without an id: %s", r.body)
	}
	return id
}

// judgedOnce checks that a done submission (seen by an admin) has the
// verdict wanted and one judging's report: each test at most once, all of
// them for AC.
func judgedOnce(t *testing.T, s *submission, verdict string, tests int) {
	t.Helper()
	if s.Status != "done" || s.Verdict != verdict {
		t.Errorf("submission %s: %s %s (%s), want done %s", s.ID, s.Status, s.Verdict, s.Message, verdict)
		return
	}
	if verdict == "JE" {
		if s.Message == "" {
			t.Errorf("submission %s: JE without a message", s.ID)
		}
		return
	}
	seen := map[string]bool{}
	for _, tc := range s.Tests {
		if seen[tc.Group+"/"+tc.Name] {
			t.Errorf("submission %s: test %s/%s reported twice", s.ID, tc.Group, tc.Name)
		}
		seen[tc.Group+"/"+tc.Name] = true
	}
	// AC runs every test; a failed one stops at its first failing test.
	if s.TestCount != tests || len(s.Tests) > tests || len(s.Tests) == 0 || (verdict == "AC" && len(s.Tests) != tests) {
		t.Errorf("submission %s (%s): %d tests reported, test_count %d, want %d (judged twice or cut short?)", s.ID, verdict, len(s.Tests), s.TestCount, tests)
	}
	if s.Attempts < 1 {
		t.Errorf("submission %s: attempts %d", s.ID, s.Attempts)
	}
}

// countSubmissions counts the submissions the service has, by the admin's
// list (at most 200).
func countSubmissions(h *harness) int {
	h.t.Helper()
	var l struct{ Submissions []submission }
	h.want(h.do("GET", "/api/v1/submissions?limit=200", adminKey, nil), http.StatusOK).json(h.t, &l)
	return len(l.Submissions)
}

// recovers checks that a new submission is judged normally.
func recovers(h *harness) {
	h.t.Helper()
	s := h.submit(adminKey, "sum", "python", unique(pySum, "# after"))
	if s.Status != "done" || s.Verdict != "AC" {
		h.t.Errorf("a submission after the fault: %s %s (%s), want AC", s.Status, s.Verdict, s.Message)
	}
}

// procTree returns every process's parent and command name.
func procTree() (ppid map[int]int, comm map[int]string) {
	ppid, comm = map[int]int{}, map[int]string{}
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		s := string(b)
		open, close := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
		if open < 0 || close < open {
			continue
		}
		f := strings.Fields(s[close+1:])
		if len(f) < 2 {
			continue
		}
		pp, _ := strconv.Atoi(f[1])
		ppid[pid], comm[pid] = pp, s[open+1:close]
	}
	return ppid, comm
}

// descendantsNamed returns the descendants of root whose command is name.
func descendantsNamed(root int, name string) []int {
	ppid, comm := procTree()
	var out []int
	for pid, c := range comm {
		if c != name {
			continue
		}
		for p, n := ppid[pid], 0; p > 1 && n < 64; p, n = ppid[p], n+1 {
			if p == root {
				out = append(out, pid)
				break
			}
		}
	}
	return out
}

// TestFaultWorkerKilledCompiling kills a `verdict worker` (SIGKILL) while
// its compiler runs (a g++ process under the worker is seen, and the
// submission's status is compiling); another worker takes the job up again
// once the queue rescues it, and the submission ends AC, judged once.
func TestFaultWorkerKilledCompiling(t *testing.T) {
	faultsFull(t, "waits for the queue to rescue the job")
	bin := buildVerdict(t)
	h := start(t, options{workers: 0, anonymous: true})
	tests := sumTests(h)
	flags := []string{"--job-timeout", "40s", "--rescue-after", "45s"}
	w1, out1 := startWorker(t, bin, h, flags...)
	// Templates and <regex> make the compile take a while; the comment makes
	// the source unique, so that the compile cache does not answer.
	src := unique(`#include <bits/stdc++.h>
template <int N> struct F { static constexpr long long v = F<N - 1>::v + N; };
template <> struct F<0> { static constexpr long long v = 0; };
int main() {
  std::regex re("([0-9]+)");
  std::map<int, std::vector<std::string>> m;
  long long a, b;
  std::cin >> a >> b;
  std::cout << a + b + F<700>::v - F<700>::v << std::endl;
}
`, "//")
	id := queueSum(h, "cpp", src)
	deadline := time.Now().Add(120 * time.Second)
	var compilers []int
	for {
		var s submission
		h.want(h.do("GET", "/api/v1/submissions/"+id, adminKey, nil), http.StatusOK).json(t, &s)
		if s.Status == "compiling" {
			if compilers = descendantsNamed(w1.Process.Pid, "cc1plus"); len(compilers) > 0 {
				break
			}
		}
		if s.Status == "done" || s.Status == "running" || time.Now().After(deadline) {
			t.Fatalf("never caught it compiling: %+v\n%s", s, out1.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	killed := time.Now()
	if err := w1.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	w1.Wait()
	t.Logf("worker killed while compiling (cc1plus pids %v)", compilers)
	// The sandbox's processes die with their supervisor (Pdeathsig).
	time.Sleep(2 * time.Second)
	ppid, comm := procTree()
	for _, pid := range compilers {
		if comm[pid] == "cc1plus" {
			t.Errorf("the compiler %d outlived its killed worker (parent %d)", pid, ppid[pid])
		}
	}
	var s submission
	h.want(h.do("GET", "/api/v1/submissions/"+id, adminKey, nil), http.StatusOK).json(t, &s)
	if s.Status == "done" {
		t.Fatalf("done with no worker alive: %+v", s)
	}
	startWorker(t, bin, h, flags...)
	got := h.waitDone(adminKey, id, 240*time.Second)
	t.Logf("judged again %v after the kill: %s, %d tests, %d attempts", time.Since(killed).Round(time.Second), got.Verdict, len(got.Tests), got.Attempts)
	judgedOnce(t, got, "AC", tests)
	if got.Attempts < 2 {
		t.Errorf("attempts %d: the job was not run again", got.Attempts)
	}
	if got.Compile == nil || !got.Compile.OK {
		t.Errorf("compile report: %+v", got.Compile)
	}
	recovers(h)
}

// serveProc is a `verdict serve` process.
type serveProc struct {
	cmd *exec.Cmd
	out *syncBuffer
	url string
}

// startServe runs `verdict serve` on a data directory and waits until it
// serves.
func startServe(t *testing.T, bin, data string, args ...string) *serveProc {
	t.Helper()
	args = append([]string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--cache", cacheDir(t)}, args...)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "VERDICT_ADMIN_KEY="+adminKey, "VERDICT_CALLBACK_SECRET="+callbackSecret)
	p := &serveProc{cmd: cmd, out: &syncBuffer{}}
	cmd.Stderr = p.out
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			p.out.Write([]byte(line + "\n"))
			if u, ok := strings.CutPrefix(line, "verdict: serving on "); ok {
				select {
				case urls <- u:
				default:
				}
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan struct{})
			go func() { cmd.Wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(40 * time.Second):
				cmd.Process.Kill()
				<-done
			}
		}
		if t.Failed() {
			t.Logf("verdict serve output:\n%s", p.out.String())
		}
	})
	select {
	case p.url = <-urls:
	case <-time.After(180 * time.Second):
		t.Fatalf("verdict serve did not start:\n%s", p.out.String())
	}
	return p
}

// client returns a harness that talks to the process (its service parts are
// nil: only the HTTP helpers work).
func (p *serveProc) client(t *testing.T, data string) *harness {
	return &harness{t: t, url: p.url, data: data, cl: &http.Client{Timeout: 90 * time.Second}}
}

// stop signals the process and waits for it; it returns its exit code and
// how long it took.
func (p *serveProc) stop(t *testing.T, sig syscall.Signal) (int, time.Duration) {
	t.Helper()
	begin := time.Now()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return p.cmd.ProcessState.ExitCode(), time.Since(begin)
	case <-time.After(90 * time.Second):
		p.cmd.Process.Kill()
		<-done
		t.Fatalf("verdict serve did not stop within 90 s of %v:\n%s", sig, p.out.String())
	}
	return -1, 0
}

// TestFaultServeRestart stops `verdict serve` (SIGTERM: a graceful stop
// that finishes or hands back the judging running; SIGKILL: no goodbye)
// with submissions queued and one running, starts it again on the same data
// directory, and checks that every submission is judged once with its right
// verdict.
func TestFaultServeRestart(t *testing.T) {
	faultsRoot(t)
	bin := buildVerdict(t)
	for _, c := range []struct {
		name  string
		sig   syscall.Signal
		full  bool
		flags []string
	}{
		{"SIGTERM", syscall.SIGTERM, false, nil},
		// A killed server's running jobs wait for the queue's rescuer:
		// rescue-after plus up to its 30 s period.
		{"SIGKILL", syscall.SIGKILL, true, []string{"--job-timeout", "20s", "--rescue-after", "25s"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.full {
				faultsFull(t, "waits for the queue to rescue the killed server's jobs")
			}
			data := t.TempDir()
			p := startServe(t, bin, data, append([]string{"--workers", "1"}, c.flags...)...)
			h := p.client(t, data)
			tests := sumTests(h)
			want := map[string]string{}
			for i := range 4 {
				want[queueSum(h, "python", unique(pySlowSum, fmt.Sprintf("# %d", i)))] = "AC"
			}
			want[queueSum(h, "python", unique(pyWrong, "#"))] = "WA"
			// Wait until one is running, in the middle of its tests.
			deadline := time.Now().Add(120 * time.Second)
			for running := false; !running; {
				var l struct{ Submissions []submission }
				h.want(h.do("GET", "/api/v1/submissions?limit=50", adminKey, nil), http.StatusOK).json(t, &l)
				for _, s := range l.Submissions {
					running = running || (s.Status == "running")
				}
				if time.Now().After(deadline) {
					t.Fatalf("none running after 120 s: %+v\n%s", l.Submissions, p.out.String())
				}
				time.Sleep(30 * time.Millisecond)
			}
			code, took := p.stop(t, c.sig)
			t.Logf("%s: verdict serve exited with %d after %v", c.name, code, took.Round(time.Millisecond))
			if c.sig == syscall.SIGTERM && code != 0 {
				t.Errorf("SIGTERM: exit code %d, want 0:\n%s", code, p.out.String())
			}
			p2 := startServe(t, bin, data, append([]string{"--workers", "2"}, c.flags...)...)
			h2 := p2.client(t, data)
			restarted := time.Now()
			attempts := map[string]int{}
			for id, v := range want {
				s := h2.waitDone(adminKey, id, 240*time.Second)
				judgedOnce(t, s, v, tests)
				attempts[id] = s.Attempts
			}
			t.Logf("%s: all %d judged %v after the restart; attempts %v", c.name, len(want), time.Since(restarted).Round(time.Second), attempts)
			if c.sig == syscall.SIGTERM {
				// serve passes its signal context to the queue's Start, so
				// SIGTERM cancels the running judging at once (handed back,
				// judged again: attempts 2) instead of letting it finish.
				for id, n := range attempts {
					if n > 1 {
						t.Logf("SIGTERM: %s was handed back, not finished (attempts %d)", id, n)
					}
				}
			}
			var l struct{ Submissions []submission }
			h2.want(h2.do("GET", "/api/v1/submissions?limit=200", adminKey, nil), http.StatusOK).json(t, &l)
			if len(l.Submissions) != len(want) {
				t.Errorf("%d submissions listed after the restart, want %d", len(l.Submissions), len(want))
			}
			judged := strings.Count(p.out.String(), "msg=judged") + strings.Count(p2.out.String(), "msg=judged")
			if judged != len(want) {
				t.Errorf("%d judgings logged as finished, want %d (one each)", judged, len(want))
			}
			recovers(h2)
		})
	}
}

// TestFaultPostgresOutage stops the PostgreSQL server for a few seconds
// while a server (on PostgreSQL) has submissions queued and a `verdict
// worker` is judging one, then starts it again. During the outage API calls
// must answer at once with an error (JSON, with a message), never hang and
// never accept what they cannot store; after it, every accepted submission
// is judged once.
//
// It stops the whole PostgreSQL cluster that other test packages may be
// using at the same time (go test runs packages in parallel in `make
// test`), so it runs only when VERDICT_FAULTS_PG=1 (`make faults` sets it),
// besides VERDICT_TEST_POSTGRES. It starts the cluster again in any case.
func TestFaultPostgresOutage(t *testing.T) {
	if os.Getenv("VERDICT_FAULTS_PG") != "1" {
		t.Skip("stops the shared PostgreSQL server: VERDICT_FAULTS_PG=1 (and VERDICT_TEST_POSTGRES) or `make faults` runs it")
	}
	faultsRoot(t)
	url := postgresURL(t)
	if _, err := exec.LookPath("pg_ctlcluster"); err != nil {
		t.Skip("no pg_ctlcluster to stop and start PostgreSQL with")
	}
	pg := func(action string) error {
		out, err := exec.Command("pg_ctlcluster", "15", "main", action).CombinedOutput()
		if err != nil {
			return fmt.Errorf("pg_ctlcluster 15 main %s: %v: %s", action, err, out)
		}
		return nil
	}
	// Registered after postgresURL's cleanup, so run before it: the
	// database is dropped with the server up.
	t.Cleanup(func() {
		if err := exec.Command("pg_isready", "-q", "-h", "127.0.0.1").Run(); err != nil {
			if err := pg("start"); err != nil {
				t.Error(err)
			}
		}
	})
	bin := buildVerdict(t)
	h := start(t, options{workers: 0, postgres: url})
	h.cl.Timeout = 30 * time.Second
	tests := sumTests(h)
	_, wout := startWorker(t, bin, h, "--workers", "2", "--job-timeout", "30s", "--rescue-after", "35s")
	want := map[string]string{}
	for i := range 4 {
		want[queueSum(h, "python", unique(pySlowSum, fmt.Sprintf("# %d", i)))] = "AC"
	}
	want[queueSum(h, "python", unique(pyWrong, "#"))] = "WA"
	deadline := time.Now().Add(120 * time.Second)
	for running := false; !running; {
		var l struct{ Submissions []submission }
		h.want(h.do("GET", "/api/v1/submissions?limit=50", adminKey, nil), http.StatusOK).json(t, &l)
		for _, s := range l.Submissions {
			running = running || (s.Status == "running")
		}
		if time.Now().After(deadline) {
			t.Fatalf("none running after 120 s:\n%s", wout.String())
		}
		time.Sleep(30 * time.Millisecond)
	}
	if err := pg("stop"); err != nil {
		t.Fatal(err)
	}
	stopped := time.Now()
	var anyID string
	for id := range want {
		anyID = id
		break
	}
	// During the outage: each call answers, with a JSON error.
	codes := map[string]int{}
	var slowest time.Duration
	for time.Since(stopped) < 5*time.Second {
		for _, c := range []struct{ name, method, path string }{
			{"POST submission", "POST", "/api/v1/submissions"},
			{"GET submission", "GET", "/api/v1/submissions/" + anyID},
			{"GET list", "GET", "/api/v1/submissions"},
			{"GET readyz", "GET", "/readyz"},
		} {
			var body any
			if c.method == "POST" {
				body = map[string]string{"problem": "sum", "language": "python", "source": unique(pySum, "# outage")}
			}
			begin := time.Now()
			r := h.do(c.method, c.path, adminKey, body)
			took := time.Since(begin)
			slowest = max(slowest, took)
			codes[fmt.Sprintf("%s %d", c.name, r.status)]++
			switch {
			case c.method == "POST" && r.status == http.StatusAccepted:
				// Stored after all (the server came back?): it must be judged.
				want[r.obj(t)["id"].(string)] = "AC"
			case r.status < 500:
				t.Errorf("%s during the outage: %d (after %v): %s", c.name, r.status, took, r.body)
			case c.path != "/readyz":
				r.errMessage(t)
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("answers during the outage: %v; the slowest took %v", codes, slowest.Round(time.Millisecond))
	if err := pg("start"); err != nil {
		t.Fatal(err)
	}
	t.Logf("PostgreSQL down for %v", time.Since(stopped).Round(100*time.Millisecond))
	restarted := time.Now()
	// The first requests after the restart may find dead pooled
	// connections; the server must come back within a while.
	for {
		r := h.do("GET", "/api/v1/submissions/"+anyID, adminKey, nil)
		if r.status == http.StatusOK {
			break
		}
		if time.Since(restarted) > 60*time.Second {
			t.Fatalf("the API still answers %d 60 s after PostgreSQL came back: %s", r.status, r.body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	attempts := map[string]int{}
	for id, v := range want {
		s := h.waitDone(adminKey, id, 240*time.Second)
		judgedOnce(t, s, v, tests)
		attempts[id] = s.Attempts
	}
	t.Logf("all %d judged %v after PostgreSQL came back; attempts %v", len(want), time.Since(restarted).Round(time.Second), attempts)
	if n := countSubmissions(h); n != len(want) {
		t.Errorf("%d submissions stored, want the %d accepted (a refused one stored after all?)", n, len(want))
	}
	recovers(h)
	// Everything above passed; what remains is the status of the answers.
	// A database that cannot be reached is "service unavailable, try
	// again", not an internal error.
	for k, n := range codes {
		if strings.HasSuffix(k, " 500") {
			t.Errorf("with the database down the API answered 500 (%s: %d times), want 503 with Retry-After (all answers: %v)", k, n, codes)
		}
	}
}

// fill writes a file until the file system is full.
func fill(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 1<<20)
	var n int64
	for _, size := range []int{1 << 20, 4 << 10, 512} {
		for {
			k, err := f.Write(buf[:size])
			n += int64(k)
			if err != nil {
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatalf("filling the disk: %v", err)
				}
				break
			}
		}
	}
	return n
}

// TestFaultDiskFull judges on a data directory (SQLite, blob cache,
// problem cache) on a small tmpfs, fills it, and checks: submitting answers
// at once, either stored (202) or refused with a JSON error (a 5xx: the
// honest "cannot store"), never a panic; what was accepted still ends
// judged or JE; and once space is freed the service takes and judges
// submissions again.
func TestFaultDiskFull(t *testing.T) {
	faultsFull(t, "mounts a tmpfs and waits for retries")
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=32m,mode=0700", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs to fill: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", data).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", data, err, out)
		}
	})
	bin := buildVerdict(t)
	h := start(t, options{workers: 0, data: data})
	tests := sumTests(h)
	_, wout := startWorker(t, bin, h, "--job-timeout", "30s", "--rescue-after", "35s")
	// Warm the worker's problem cache: a judging before the fault.
	if s := h.submit(adminKey, "sum", "python", unique(pySum, "# before")); s.Verdict != "AC" {
		t.Fatalf("before the fault: %s %s", s.Verdict, s.Message)
	}
	want := map[string]bool{}
	for i := range 2 {
		want[queueSum(h, "python", unique(pySlowSum, fmt.Sprintf("# %d", i)))] = true
	}
	filler := filepath.Join(data, "filler")
	n := fill(t, filler)
	t.Logf("disk full: %d MiB written", n>>20)
	codes := map[int]int{}
	for i := range 5 {
		begin := time.Now()
		r := h.do("POST", "/api/v1/submissions", adminKey, map[string]string{"problem": "sum", "language": "python", "source": unique(pySlowSum, fmt.Sprintf("# full %d", i))})
		codes[r.status]++
		switch {
		case r.status == http.StatusAccepted:
			want[r.obj(t)["id"].(string)] = true
		case r.status == http.StatusServiceUnavailable && r.header.Get("Retry-After") != "":
			t.Logf("POST with the disk full: %d after %v: %s", r.status, time.Since(begin).Round(time.Millisecond), r.errMessage(t))
		default:
			t.Errorf("POST with the disk full: %d: %s", r.status, r.body)
		}
	}
	t.Logf("POST with the disk full: %v", codes)
	h.want(h.do("GET", "/healthz", "", nil), http.StatusOK)
	// Let the worker run into the full disk for longer than its retries
	// last (1 s, then 2 s of backoff), then free it.
	time.Sleep(20 * time.Second)
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	freed := time.Now()
	verdicts := map[string]int{}
	for id := range want {
		s := h.waitDone(adminKey, id, 240*time.Second)
		verdicts[s.Verdict]++
		switch s.Verdict {
		case "JE":
			judgedOnce(t, s, "JE", tests)
			t.Logf("%s: JE after %d attempts: %s", id, s.Attempts, s.Message)
		default:
			judgedOnce(t, s, "AC", tests)
		}
	}
	t.Logf("after freeing the disk: %v within %v", verdicts, time.Since(freed).Round(time.Second))
	if n := countSubmissions(h); n != len(want)+1 {
		t.Errorf("%d submissions stored, want the %d accepted (a refused one stored after all?)", n, len(want)+1)
	}
	w := wout.String()
	t.Logf("the worker logged %d retries, %d progress not recorded, %d judge errors", strings.Count(w, `msg="internal error; will retry"`), strings.Count(w, `msg="recording progress"`), strings.Count(w, `msg="judge error"`))
	var warned []string
	for _, line := range strings.Split(w, "\n") {
		// River's producer fails to fetch every 100 ms while the disk is full.
		noisy := strings.Contains(line, "Error fetching jobs")
		if (strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR")) && !noisy && len(warned) < 30 {
			warned = append(warned, line)
		}
	}
	t.Logf("the worker's warnings and errors:\n%s", strings.Join(warned, "\n"))
	if t.Failed() {
		t.Logf("worker:\n%s", wout.String())
	}
	recovers(h)
}

// TestFaultBlobStore gives a fresh `verdict worker` (empty caches) a blob
// store that fails: gone for a moment (restored after the first failed
// attempt, the submission ends AC on a later attempt), and gone for good
// (after the last attempt the submission ends JE, with the cause shown to
// admins only, listed under verdict=JE; the user is not blamed).
func TestFaultBlobStore(t *testing.T) {
	faultsRoot(t)
	bin := buildVerdict(t)
	h := start(t, options{workers: 0, anonymous: true})
	tests := sumTests(h)
	// The worker's own copy of the blob store, to take away.
	blobs := filepath.Join(t.TempDir(), "blobs")
	if out, err := exec.Command("cp", "-a", filepath.Join(h.data, "blobs"), blobs).CombinedOutput(); err != nil {
		t.Fatalf("copying the blob store: %v: %s", err, out)
	}
	away := blobs + ".away"
	// takeAway and putBack move the worker's blob store away and back (the
	// worker makes an empty directory in its place when it starts).
	takeAway := func(t *testing.T) {
		if err := os.Rename(blobs, away); err != nil {
			t.Fatal(err)
		}
	}
	putBack := func(t *testing.T) {
		if err := os.Remove(blobs); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
		if err := os.Rename(away, blobs); err != nil {
			t.Fatal(err)
		}
	}
	worker := func(t *testing.T) *syncBuffer {
		_, out := startWorker(t, bin, h, "--data", t.TempDir(), "--database", "sqlite:"+filepath.Join(h.data, "verdict.db"), "--blobs", blobs)
		return out
	}
	t.Run("transient", func(t *testing.T) {
		h := &harness{t: t, url: h.url, svc: h.svc, data: h.data, cl: h.cl}
		out := worker(t)
		takeAway(t)
		id := queueSum(h, "python", unique(pySum, "#"))
		deadline := time.Now().Add(120 * time.Second)
		for !strings.Contains(out.String(), `msg="internal error; will retry"`) {
			if time.Now().After(deadline) {
				putBack(t)
				t.Fatalf("no failed attempt within 120 s:\n%s", out.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
		putBack(t)
		s := h.waitDone(adminKey, id, 120*time.Second)
		judgedOnce(t, s, "AC", tests)
		if s.Attempts < 2 {
			t.Errorf("attempts %d: the failure was not retried", s.Attempts)
		}
		t.Logf("blob store back after the first failure: %s after %d attempts", s.Verdict, s.Attempts)
	})
	t.Run("permanent", func(t *testing.T) {
		h := &harness{t: t, url: h.url, svc: h.svc, data: h.data, cl: h.cl}
		out := worker(t)
		takeAway(t)
		restored := false
		restore := func() {
			if !restored {
				restored = true
				putBack(t)
			}
		}
		t.Cleanup(restore)
		// Anonymous, so that the owner's view (not an admin's) can be seen.
		r := h.want(h.do("POST", "/api/v1/submissions", "", map[string]string{"problem": "sum", "language": "python", "source": unique(pySum, "#")}), http.StatusAccepted)
		id := r.obj(t)["id"].(string)
		began := time.Now()
		s := h.waitDone(adminKey, id, 180*time.Second)
		t.Logf("blob store gone: %s after %d attempts, %v: %s", s.Verdict, s.Attempts, time.Since(began).Round(100*time.Millisecond), s.Message)
		judgedOnce(t, s, "JE", tests)
		if s.Attempts != 3 {
			t.Errorf("attempts %d, want 3 (queue.JudgeAttempts)", s.Attempts)
		}
		if !strings.Contains(s.Message, "internal error after") || !strings.Contains(s.Message, "blob") {
			t.Errorf("the admin's message does not say what failed: %q", s.Message)
		}
		var own submission
		h.want(h.do("GET", "/api/v1/submissions/"+id, "", nil), http.StatusOK).json(t, &own)
		if own.Verdict != "JE" || own.Message == "" || own.Message == s.Message || own.Attempts != 0 {
			t.Errorf("the owner sees %s %q (attempts %d): want JE with a generic message, the cause for admins only", own.Verdict, own.Message, own.Attempts)
		}
		if own.Compile != nil && !own.Compile.OK {
			t.Errorf("blamed on the user: a compile report %+v", own.Compile)
		}
		var l struct{ Submissions []submission }
		h.want(h.do("GET", "/api/v1/submissions?verdict=JE", adminKey, nil), http.StatusOK).json(t, &l)
		listed := false
		for _, x := range l.Submissions {
			listed = listed || (x.ID == id && x.Message != "")
		}
		if !listed {
			t.Errorf("the JE submission is not listed with its message under verdict=JE: %+v", l.Submissions)
		}
		if n := strings.Count(out.String(), `msg="internal error; will retry"`); n != 2 {
			t.Errorf("%d retries logged, want 2", n)
		}
		// Recovery: the store back, the same worker judges again.
		restore()
		recovers(h)
	})
}
