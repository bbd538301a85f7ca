package sandbox_test

// Benchmarks of the sandbox against a bare fork+exec of the same programs.
//
//	go test ./sandbox -run '^$' -bench . -count 1
//
// Each benchmark reports the median and 99th percentile of one run
// (p50-µs, p99-µs), the runs per second it reached and the CPU time the
// whole machine spent per run (cpu-ms/run, from /proc/stat: the program,
// the box supervisor, the host side and anything else running). They need
// root and gcc. TestBenchmarkReport (report_test.go) measures the same things side
// by side in one go, with accuracy checks, and prints a Markdown table.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/sandbox"
)

// benchMount is where the directory of the compiled C programs is bound,
// read-only, in every box of a benchmark's Sandbox.
const benchMount = "/opt/verdict-bench"

// helloOutput is what the C hello world prints.
const helloOutput = "hello, world\n"

// cPrograms are the C programs of the benchmark: file name, source, extra
// gcc flags.
var cPrograms = []struct {
	name, src string
	flags     []string
}{
	{"hello", `#include <stdio.h>
int main(void) { puts("hello, world"); return 0; }
`, nil},
	// Touches exactly 100 MiB of heap (every page written), then exits.
	{"touch100", `#include <stdlib.h>
#include <string.h>
#define SIZE (100UL << 20)
int main(void) {
	char *p = malloc(SIZE);
	if (p == NULL) return 1;
	memset(p, 0xA5, SIZE);
	__asm__ volatile("" : : "r"(p) : "memory"); /* keep the writes */
	return 0;
}
`, nil},
	// A fixed amount of work (argv[1] steps of a dependency chain), then
	// prints the CPU time it used as it sees it: CLOCK_PROCESS_CPUTIME_ID
	// (what glibc's clock() reads) and getrusage.
	{"busy", `#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>
static long long cpu_ns(clockid_t c) {
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
int main(int argc, char **argv) {
	unsigned long n = argc > 1 ? strtoul(argv[1], 0, 10) : 100000000UL, x = 1;
	for (unsigned long i = 0; i < n; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		__asm__ volatile("" : "+r"(x));
	}
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	long long ru_ns = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
	printf("cpu_ns=%lld rusage_ns=%lld x=%lu\n", cpu_ns(CLOCK_PROCESS_CPUTIME_ID), ru_ns, x);
	return 0;
}
`, nil},
	// Runs argv[1...] in a child it forks (a real fork: the child's
	// ru_maxrss starts from this small program, not from the Go test
	// process a vfork would share its memory with) and prints the child's
	// ru_maxrss, as /usr/bin/time does.
	{"maxrss", `#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
int main(int argc, char **argv) {
	if (argc < 2) return 100;
	pid_t pid = fork();
	if (pid < 0) return 101;
	if (pid == 0) {
		execv(argv[1], argv + 1);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0) return 102;
	printf("maxrss_kib=%ld\n", ru.ru_maxrss);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 103;
}
`, nil},
	// Four threads doing argv[1] steps each; prints the process's CPU time
	// and the sum of the four threads' own CPU times.
	{"busy4", `#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static unsigned long n, sink[4];
static long long thread_ns[4];
static long long cpu_ns(clockid_t c) {
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
static void *work(void *arg) {
	long id = (long)arg;
	unsigned long x = id + 1;
	for (unsigned long i = 0; i < n; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		__asm__ volatile("" : "+r"(x));
	}
	sink[id] = x;
	thread_ns[id] = cpu_ns(CLOCK_THREAD_CPUTIME_ID);
	return NULL;
}
int main(int argc, char **argv) {
	n = argc > 1 ? strtoul(argv[1], 0, 10) : 100000000UL;
	pthread_t t[4];
	for (long i = 0; i < 4; i++)
		if (pthread_create(&t[i], NULL, work, (void *)i) != 0) return 1;
	long long sum = 0;
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		sum += thread_ns[i];
	}
	printf("cpu_ns=%lld threads_ns=%lld\n", cpu_ns(CLOCK_PROCESS_CPUTIME_ID), sum);
	return 0;
}
`, []string{"-pthread"}},
}

// benchPrograms holds the C programs compiled on the host.
type benchPrograms struct {
	dir  string
	data map[string][]byte // name -> executable, for Spec.Files
}

// host is the host path of a compiled program.
func (p *benchPrograms) host(name string) string { return filepath.Join(p.dir, name) }

// boxed is the path of a compiled program inside a box of benchSandbox.
func (p *benchPrograms) boxed(name string) string { return path.Join(benchMount, name) }

// compilePrograms compiles the named C programs (all when none is named)
// with gcc -O2 into a temporary directory that the box users can read.
func compilePrograms(tb testing.TB, names ...string) *benchPrograms {
	tb.Helper()
	gcc, err := exec.LookPath("gcc")
	if err != nil {
		tb.Skip("the sandbox benchmarks need gcc to compile their C programs")
	}
	p := &benchPrograms{dir: tb.TempDir(), data: map[string][]byte{}}
	// The directory is bound into the boxes, whose programs run as users
	// of their own.
	if err := os.Chmod(p.dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(cPrograms))
	for i, c := range cPrograms {
		if len(names) > 0 && !slices.Contains(names, c.name) {
			continue
		}
		wg.Go(func() {
			src := p.host(c.name) + ".c"
			if err := os.WriteFile(src, []byte(c.src), 0o644); err != nil {
				errs[i] = err
				return
			}
			args := append([]string{"-O2", "-o", p.host(c.name), src}, c.flags...)
			if out, err := exec.Command(gcc, args...).CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("gcc %s: %v\n%s", c.name, err, out)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		tb.Fatal(err)
	}
	for _, c := range cPrograms {
		if len(names) > 0 && !slices.Contains(names, c.name) {
			continue
		}
		b, err := os.ReadFile(p.host(c.name))
		if err != nil {
			tb.Fatal(err)
		}
		p.data[c.name] = b
	}
	return p
}

// benchSandbox starts a Sandbox with the given number of boxes and the
// programs' directory bound read-only at benchMount.
func benchSandbox(tb testing.TB, boxes int, p *benchPrograms) *sandbox.Sandbox {
	tb.Helper()
	binds := slices.Clone(sandbox.DefaultBinds)
	if p != nil {
		binds = append(binds, sandbox.Bind{Source: p.dir, Target: benchMount})
	}
	return newSandbox(tb, sandbox.Config{Boxes: boxes, Binds: binds})
}

// runFunc is one run of a program, bare or in the sandbox.
type runFunc func() error

// sandboxRunner runs spec in sb and checks that it exited with status 0
// (and printed want, unless want is empty). A non-nil onResult sees every
// result.
func sandboxRunner(ctx context.Context, sb *sandbox.Sandbox, spec sandbox.Spec, want string, onResult func(*sandbox.Result)) runFunc {
	return func() error {
		s := spec // Run must not see a spec shared with another goroutine
		res, err := sb.Run(ctx, &s)
		if err != nil {
			return fmt.Errorf("sandbox run of %s: %w", spec.Args[0], err)
		}
		if err := checkBenchResult(spec.Args[0], res, want); err != nil {
			return err
		}
		if onResult != nil {
			onResult(res)
		}
		return nil
	}
}

func checkBenchResult(prog string, res *sandbox.Result, want string) error {
	if res.Status != sandbox.StatusOK {
		return fmt.Errorf("sandbox run of %s: %s (%s); stderr %q", prog, res.Status, res.Message, res.Stderr)
	}
	if want != "" && string(res.Stdout) != want {
		return fmt.Errorf("sandbox run of %s printed %q, want %q", prog, res.Stdout, want)
	}
	return nil
}

// bareRunner runs the program with os/exec as the sandbox runs it: empty
// environment, standard input /dev/null, standard output and error
// captured through pipes into memory.
func bareRunner(prog string, want string) runFunc {
	return func() error {
		_, err := bareRun(prog, want)
		return err
	}
}

func bareRun(prog string, want string, args ...string) (*exec.Cmd, error) {
	var out, errOut bytes.Buffer
	cmd := exec.Command(prog, args...)
	cmd.Env = []string{}
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return cmd, fmt.Errorf("bare run of %s: %v; stderr %q", prog, err, errOut.Bytes())
	}
	if want != "" && out.String() != want {
		return cmd, fmt.Errorf("bare run of %s printed %q, want %q", prog, out.Bytes(), want)
	}
	return cmd, nil
}

// forkExecRunner is the cheapest way Go has to run a program:
// syscall.ForkExec and wait4, every standard file on /dev/null.
func forkExecRunner(tb testing.TB, prog string) runFunc {
	null, err := os.Open(os.DevNull)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { null.Close() })
	fd := null.Fd()
	return func() error {
		pid, err := syscall.ForkExec(prog, []string{prog}, &syscall.ProcAttr{Env: []string{}, Files: []uintptr{fd, fd, fd}})
		if err != nil {
			return fmt.Errorf("fork+exec %s: %w", prog, err)
		}
		var ws syscall.WaitStatus
		for {
			_, err = syscall.Wait4(pid, &ws, 0, nil)
			if !errors.Is(err, syscall.EINTR) {
				break
			}
		}
		if err != nil {
			return fmt.Errorf("wait4 %s: %w", prog, err)
		}
		if !ws.Exited() || ws.ExitStatus() != 0 {
			return fmt.Errorf("fork+exec %s: wait status %v", prog, ws)
		}
		return nil
	}
}

// runMany makes n runs, conc at a time, and returns the latency of each
// and the time all of them took.
func runMany(n, conc int, run runFunc) ([]time.Duration, time.Duration, error) {
	return runManyPaused(n, conc, 0, run)
}

// runManyPaused is runMany with a pause before each run (not counted in its
// latency).
func runManyPaused(n, conc int, pause time.Duration, run runFunc) ([]time.Duration, time.Duration, error) {
	lats := make([][]time.Duration, conc)
	errs := make([]error, conc)
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := range conc {
		lats[w] = make([]time.Duration, 0, n/conc+1)
		wg.Go(func() {
			for next.Add(1) <= int64(n) {
				if pause > 0 {
					time.Sleep(pause)
				}
				t0 := time.Now()
				if err := run(); err != nil {
					errs[w] = err
					next.Add(int64(n)) // the others stop too
					return
				}
				lats[w] = append(lats[w], time.Since(t0))
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	return slices.Concat(lats...), elapsed, errors.Join(errs...)
}

// latencyStats is the distribution of the latencies of a series of runs.
type latencyStats struct {
	n             int
	p50, p99, max time.Duration
}

func summarizeLatency(d []time.Duration) latencyStats {
	if len(d) == 0 {
		return latencyStats{}
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return latencyStats{n: len(s), p50: nearestRank(s, 50), p99: nearestRank(s, 99), max: s[len(s)-1]}
}

// nearestRank is the p-th percentile of sorted values, by the nearest-rank
// method.
func nearestRank[T any](sorted []T, p float64) T {
	i := int(float64(len(sorted))*p/100+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func toMicros(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// benchSerial measures one run at a time, reporting p50, p99 and runs/s.
func benchSerial(b *testing.B, run runFunc) {
	b.Helper()
	var lat []time.Duration
	c0, start := readCPUTimes(b), time.Now()
	for b.Loop() {
		t0 := time.Now()
		if err := run(); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	elapsed, busy := time.Since(start), readCPUTimes(b).sub(c0).busy
	s := summarizeLatency(lat)
	b.ReportMetric(toMicros(s.p50), "p50-µs")
	b.ReportMetric(toMicros(s.p99), "p99-µs")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "runs/s")
	b.ReportMetric(busy.Seconds()*1e3/float64(len(lat)), "cpu-ms/run")
}

// benchConcurrent measures conc runs at a time, reporting p50, p99 of one
// run and the runs/s of all together (ns/op is then 1/throughput).
func benchConcurrent(b *testing.B, conc int, run runFunc) {
	b.Helper()
	// A few runs first: the first ones pay for page faults and warm caches.
	if _, _, err := runMany(2*conc, conc, run); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	c0 := readCPUTimes(b)
	lat, elapsed, err := runMany(b.N, conc, run)
	busy := readCPUTimes(b).sub(c0).busy
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	s := summarizeLatency(lat)
	b.ReportMetric(toMicros(s.p50), "p50-µs")
	b.ReportMetric(toMicros(s.p99), "p99-µs")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "runs/s")
	b.ReportMetric(busy.Seconds()*1e3/float64(b.N), "cpu-ms/run")
}

// Baselines: a bare fork+exec of the same programs.

func BenchmarkBareForkExecTrue(b *testing.B) {
	benchSerial(b, bareRunner("/bin/true", ""))
}

func BenchmarkBareSyscallForkExecTrue(b *testing.B) {
	benchSerial(b, forkExecRunner(b, "/bin/true"))
}

func BenchmarkBareForkExecTrue2AtATime(b *testing.B) {
	benchConcurrent(b, 2, bareRunner("/bin/true", ""))
}

func BenchmarkBareForkExecHello(b *testing.B) {
	p := compilePrograms(b, "hello")
	benchSerial(b, bareRunner(p.host("hello"), helloOutput))
}

func BenchmarkBareForkExecHello2AtATime(b *testing.B) {
	p := compilePrograms(b, "hello")
	benchConcurrent(b, 2, bareRunner(p.host("hello"), helloOutput))
}

// The sandbox.

// BenchmarkRunTrue also reports the median peak memory the sandbox
// measured (target: under 2 MiB).
func BenchmarkRunTrue(b *testing.B) {
	sb := benchSandbox(b, 2, nil)
	var mem memSamples
	benchSerial(b, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{"/bin/true"}}, "", mem.add))
	b.ReportMetric(float64(medianOf(mem.values()))/(1<<10), "peak-KiB")
}

func BenchmarkRunTrue2AtATime(b *testing.B) {
	sb := benchSandbox(b, 2, nil)
	benchConcurrent(b, 2, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{"/bin/true"}}, "", nil))
}

func BenchmarkRunTrue2AtATimeBoxes4(b *testing.B) {
	sb := benchSandbox(b, 4, nil)
	benchConcurrent(b, 2, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{"/bin/true"}}, "", nil))
}

// BenchmarkRunHello runs the compiled hello world from the read-only bind
// of the host directory it was compiled into.
func BenchmarkRunHello(b *testing.B) {
	p := compilePrograms(b, "hello")
	sb := benchSandbox(b, 2, p)
	benchSerial(b, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{p.boxed("hello")}}, helloOutput, nil))
}

// BenchmarkRunHelloFiles puts the compiled hello world into the work
// directory with Spec.Files on every run, as a judge does with a
// submission compiled moments before.
func BenchmarkRunHelloFiles(b *testing.B) {
	p := compilePrograms(b, "hello")
	sb := benchSandbox(b, 2, p)
	spec := sandbox.Spec{
		Args:  []string{"./hello"},
		Files: []sandbox.File{{Name: "hello", Data: p.data["hello"], Mode: 0o755}},
	}
	benchSerial(b, sandboxRunner(b.Context(), sb, spec, helloOutput, nil))
}

func BenchmarkRunHello2AtATime(b *testing.B) {
	p := compilePrograms(b, "hello")
	sb := benchSandbox(b, 2, p)
	benchConcurrent(b, 2, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{p.boxed("hello")}}, helloOutput, nil))
}

func BenchmarkRunHello2AtATimeBoxes4(b *testing.B) {
	p := compilePrograms(b, "hello")
	sb := benchSandbox(b, 4, p)
	benchConcurrent(b, 2, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{p.boxed("hello")}}, helloOutput, nil))
}

// BenchmarkRunTouch100MiB reports the peak memory the sandbox measured for
// a program that touches exactly 100 MiB (target 100 to 106 MiB).
func BenchmarkRunTouch100MiB(b *testing.B) {
	p := compilePrograms(b, "touch100")
	sb := benchSandbox(b, 2, p)
	var peak []int64
	var mu sync.Mutex
	benchSerial(b, sandboxRunner(b.Context(), sb, sandbox.Spec{Args: []string{p.boxed("touch100")}}, "", func(r *sandbox.Result) {
		mu.Lock()
		peak = append(peak, r.Memory)
		mu.Unlock()
	}))
	slices.Sort(peak)
	b.ReportMetric(float64(nearestRank(peak, 50))/(1<<20), "peak-MiB")
}

// parseFields reads the "key=value" integers a C program printed, of
// which key must be one.
func parseFields(out []byte, key string) (map[string]int64, error) {
	m := map[string]int64{}
	for _, f := range strings.Fields(string(out)) {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			continue // x= is unsigned and only there to keep the work
		}
		m[k] = n
	}
	if _, ok := m[key]; !ok {
		return nil, fmt.Errorf("no %s in %q", key, out)
	}
	return m, nil
}
