package api_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/sandbox"
)

// TestServiceBenchmark measures the service through its HTTP API (run with
// VERDICT_BENCH=1, or `make bench-service`): submissions per second and
// POST-to-verdict latency for trivial C++ and Python submissions to a
// problem of 10 tests, on SQLite and (with VERDICT_TEST_POSTGRES) on
// PostgreSQL; and POST /api/v1/exec of /bin/true with 1 and 2 clients.
// Figures are printed (and written to VERDICT_BENCH_OUT), never asserted.
func TestServiceBenchmark(t *testing.T) {
	if os.Getenv("VERDICT_BENCH") == "" {
		t.Skip("set VERDICT_BENCH=1 to run the service benchmark")
	}
	var out strings.Builder
	fmt.Fprintf(&out, "| mode | submission | clients | submissions | per second | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n")
	modes := []struct{ name, url string }{{"embedded (SQLite)", ""}}
	if os.Getenv("VERDICT_TEST_POSTGRES") != "" {
		modes = append(modes, struct{ name, url string }{"PostgreSQL", postgresURL(t)})
	}
	var h *harness
	for _, m := range modes {
		h = start(t, options{workers: 2, anonymous: true, postgres: m.url})
		pkg := benchProblem(t)
		h.want(h.do("POST", "/api/v1/problems?id=bench10", adminKey, pkg, "Content-Type", "application/zip"), 201)
		for _, c := range []struct{ name, lang, src string }{
			{"C++, same source (compile cached)", "cpp", cppSum},
			{"C++, distinct sources (each compiled)", "cpp", cppSum + "// %d\n"},
			{"Python", "python", pySum + "# %d\n"},
		} {
			h.submit(adminKey, "bench10", c.lang, strings.ReplaceAll(c.src, "%d", "warm")) // warm caches
			n, clients := 40, 4
			if strings.Contains(c.name, "distinct") {
				n = 12
			}
			rate, p50, p99 := benchSubmissions(t, h, c.lang, c.src, n, clients)
			fmt.Fprintf(&out, "| %s | %s | %d | %d | %.1f | %.0f | %.0f |\n", m.name, c.name, clients, n, rate, p50, p99)
		}
	}
	fmt.Fprintf(&out, "\n| exec of /bin/true | requests | per second | p50 ms | p99 ms |\n|---|---|---|---|---|\n")
	for _, clients := range []int{1, 2} {
		n, rate, p50, p99 := benchExec(t, h, clients, 5*time.Second)
		fmt.Fprintf(&out, "| %d client(s) | %d | %.0f | %.2f | %.2f |\n", clients, n, rate, p50, p99)
	}
	// The same runs without HTTP: what the API adds.
	for _, clients := range []int{1, 2} {
		n, rate, p50, p99 := benchSandbox(t, h, clients, 5*time.Second)
		fmt.Fprintf(&out, "| %d client(s), sandbox.Run in process (no HTTP) | %d | %.0f | %.2f | %.2f |\n", clients, n, rate, p50, p99)
	}
	t.Log("\n" + out.String())
	if f := os.Getenv("VERDICT_BENCH_OUT"); f != "" {
		os.WriteFile(f, []byte(out.String()), 0o644)
	}
}

// benchProblem is a pass-fail a+b problem with 10 tests (1 sample).
func benchProblem(t *testing.T) []byte {
	dir := filepath.Join(t.TempDir(), "bench10")
	for i := range 10 {
		g := "secret"
		if i == 0 {
			g = "sample"
		}
		d := filepath.Join(dir, "data", g)
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, fmt.Sprintf("%02d.in", i)), fmt.Appendf(nil, "%d %d\n", i, i*7), 0o644)
		os.WriteFile(filepath.Join(d, fmt.Sprintf("%02d.ans", i)), fmt.Appendf(nil, "%d\n", i*8), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "problem.yaml"), []byte("name: Bench\nlimits:\n  memory: 256\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".timelimit"), []byte("1\n"), 0o644)
	return zipDir(t, dir, "bench10")
}

func percentile(d []float64, p float64) float64 {
	if len(d) == 0 {
		return 0
	}
	slices.Sort(d)
	return d[min(len(d)-1, int(float64(len(d))*p))]
}

func benchSubmissions(t *testing.T, h *harness, lang, src string, n, clients int) (rate, p50, p99 float64) {
	var mu sync.Mutex
	var lat []float64
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := strings.ReplaceAll(src, "%d", fmt.Sprint(time.Now().UnixNano(), i))
				t0 := time.Now()
				r := h.do("POST", "/api/v1/submissions?wait=true&timeout=60", adminKey, map[string]string{"problem": "bench10", "language": lang, "source": s})
				d := time.Since(t0)
				if r.status != http.StatusOK || !strings.Contains(string(r.body), `"verdict":"AC"`) {
					t.Errorf("submission: %d %.200s", r.status, r.body)
				}
				mu.Lock()
				lat = append(lat, float64(d.Microseconds())/1000)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	return float64(n) / el.Seconds(), percentile(lat, 0.5), percentile(lat, 0.99)
}

// measure calls f from the given number of clients for dur and returns
// the calls made, per second, and the p50 and p99 latencies in ms.
func measure(t *testing.T, clients int, dur time.Duration, f func() error) (n int, rate, p50, p99 float64) {
	var mu sync.Mutex
	var lat []float64
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Since(start) < dur {
				t0 := time.Now()
				err := f()
				d := time.Since(t0)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				lat = append(lat, float64(d.Microseconds())/1000)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	return len(lat), float64(len(lat)) / el.Seconds(), percentile(lat, 0.5), percentile(lat, 0.99)
}

func benchExec(t *testing.T, h *harness, clients int, dur time.Duration) (n int, rate, p50, p99 float64) {
	body := `{"argv":["/bin/true"]}`
	for range 20 { // warm
		h.do("POST", "/api/v1/exec", adminKey, body)
	}
	return measure(t, clients, dur, func() error {
		r := h.do("POST", "/api/v1/exec", adminKey, body)
		if r.status != 200 || !strings.Contains(string(r.body), `"status":"OK"`) {
			return fmt.Errorf("exec: %d %s", r.status, r.body)
		}
		return nil
	})
}

func benchSandbox(t *testing.T, h *harness, clients int, dur time.Duration) (n int, rate, p50, p99 float64) {
	return measure(t, clients, dur, func() error {
		res, err := h.svc.Engine.SB.Run(t.Context(), &sandbox.Spec{Args: []string{"/bin/true"}})
		if err != nil || res.Status != sandbox.StatusOK {
			return fmt.Errorf("run: %v %+v", err, res)
		}
		return nil
	})
}
