package judge

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/internal/hostile"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

// resources are what a long-running judge must not leak.
type resources struct {
	fds, goroutines, cgroups, mounts int
	heapMiB, rssMiB, shmemMiB        float64
	children                         int
}

func measure(t *testing.T) resources {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fds, _ := os.ReadDir("/proc/self/fd")
	mi, _ := os.ReadFile("/proc/self/mountinfo")
	r := resources{
		fds: len(fds), goroutines: runtime.NumGoroutine(), mounts: bytes.Count(mi, []byte("\n")),
		cgroups: len(hostile.LeftoverCgroups(t, "verdict-test-soak")), heapMiB: float64(ms.HeapAlloc) / (1 << 20),
		rssMiB: statusKiB("/proc/self/status", "VmRSS:") / 1024, shmemMiB: statusKiB("/proc/meminfo", "Shmem:") / 1024,
	}
	// The boxes' supervisors: children of this process.
	procs, _ := filepath.Glob("/proc/[0-9]*")
	for _, p := range procs {
		pid, err := strconv.Atoi(filepath.Base(p))
		if err == nil && hostile.Parent(pid) == os.Getpid() {
			r.children++
		}
	}
	return r
}

func statusKiB(file, key string) float64 {
	b, _ := os.ReadFile(file)
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, key); ok {
			n, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return n
		}
	}
	return 0
}

// TestSoak runs many sandboxed programs and judgings in one process and
// checks that open files, goroutines, cgroups, mounts, child processes and
// memory stay flat. `make test` runs a short soak (500 runs, 50
// judgings); `make soak` (VERDICT_SOAK=full) runs the 10,000 runs
// and 1,000 judgings. The figures at the start and the end are logged.
func TestSoak(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("the soak needs the sandbox, which needs root")
	}
	runs, judgings := 500, 50
	if os.Getenv("VERDICT_SOAK") == "full" {
		runs, judgings = 10000, 1000
	}
	e := newEnv(t)
	// A sandbox of its own, so that its cgroups can be counted.
	sb, err := sandbox.New(context.Background(), sandbox.Config{Boxes: 2, CgroupName: "verdict-test-soak"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sb.Close()
		hostile.RemoveCgroupParent(t, "verdict-test-soak")
	})
	j := &Judge{SB: sb, Compiler: &Compiler{SB: sb, CacheDir: t.TempDir()}, Langs: e.reg}
	p, err := problem.Load("../testdata/problems/sum")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	l := e.langs["c"]
	if l == nil {
		t.Skip("no C compiler here")
	}
	src, err := os.ReadFile("../testdata/problems/sum/submissions/accepted/sum.c")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	judgeOnce := func() {
		rep, err := j.Submit(ctx, p, l, []Source{{Name: "main.c", Data: src}}, Options{})
		if err != nil || rep.Verdict != AC {
			t.Fatalf("judging: %v %+v", err, rep)
		}
	}
	runOnce := func(i int) {
		res, err := sb.Run(ctx, &sandbox.Spec{Args: []string{"/bin/true"}})
		if err != nil || res.Status != sandbox.StatusOK {
			t.Fatalf("run %d: %v %+v", i, err, res)
		}
	}
	// Warm up: the first judging compiles; boxes start.
	judgeOnce()
	runOnce(0)
	start, t0 := measure(t), time.Now()
	t.Logf("start: %+v", start)
	for i := 1; i <= runs; i++ {
		runOnce(i)
	}
	mid := measure(t)
	t.Logf("after %d runs (%v): %+v", runs, time.Since(t0).Round(time.Millisecond), mid)
	t1 := time.Now()
	for i := 0; i < judgings; i++ {
		judgeOnce()
	}
	end := measure(t)
	t.Logf("after %d judgings (%v): %+v", judgings, time.Since(t1).Round(time.Millisecond), end)

	for _, c := range []struct {
		what       string
		start, end float64
		slack      float64
	}{
		{"open file descriptors", float64(start.fds), float64(end.fds), 4},
		{"goroutines", float64(start.goroutines), float64(end.goroutines), 4},
		{"run cgroups", float64(start.cgroups), float64(end.cgroups), 0},
		{"mounts", float64(start.mounts), float64(end.mounts), 0},
		{"child processes", float64(start.children), float64(end.children), 0},
		{"Go heap (MiB)", start.heapMiB, end.heapMiB, 32},
		{"shared memory, tmpfs included (MiB)", start.shmemMiB, end.shmemMiB, 256},
	} {
		if c.end > c.start+c.slack {
			t.Errorf("%s grew from %v to %v over the soak", c.what, c.start, c.end)
		}
	}
}
