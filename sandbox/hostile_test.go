package sandbox_test

// The project's own hostile programs (testdata/hostile/*.c): what the shared
// corpus does not cover. Each is compiled inside a sandbox, like a
// submission, and run with a judge's limits. Helpers are in attacks_test.go.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/internal/hostile"
	"github.com/verdict-judge/verdict/sandbox"
)

// hostileBuilt caches the programs of testdata/hostile, compiled once per
// test binary.
var hostileBuilt struct {
	sync.Mutex
	bins map[string][]byte
	err  error
}

// hostileBinaries compiles every testdata/hostile/*.c inside a sandbox
// (gcc -O2 -std=gnu17 ... -lm -pthread -lrt) and returns the binaries by
// file name without .c.
func hostileBinaries(t *testing.T) map[string][]byte {
	t.Helper()
	atkNeedRoot(t)
	atkNeedTool(t, "/usr/bin/gcc")
	hostileBuilt.Lock()
	defer hostileBuilt.Unlock()
	if hostileBuilt.bins == nil && hostileBuilt.err == nil {
		hostileBuilt.bins, hostileBuilt.err = hostileCompileAll(t)
	}
	if hostileBuilt.err != nil {
		t.Fatalf("compile testdata/hostile: %v", hostileBuilt.err)
	}
	return hostileBuilt.bins
}

func hostileCompileAll(t *testing.T) (map[string][]byte, error) {
	srcs, err := filepath.Glob(filepath.Join("testdata", "hostile", "*.c"))
	if err != nil || len(srcs) == 0 {
		return nil, fmt.Errorf("no testdata/hostile/*.c: %v", err)
	}
	const cgName = "verdict-test-hostile-compile"
	sb, err := sandbox.New(context.Background(), sandbox.Config{Boxes: 2, Binds: sandbox.DefaultBinds, CgroupName: cgName})
	if err != nil {
		return nil, err
	}
	defer func() {
		sb.Close()
		if left := hostile.LeftoverCgroups(t, cgName); len(left) > 0 {
			t.Errorf("host: run cgroups left behind: %q", left)
		}
		hostile.RemoveCgroupParent(t, cgName)
	}()
	tc := &atkToolchain{sb: sb}
	bins := map[string][]byte{}
	var mu sync.Mutex
	var errs []error
	var wg sync.WaitGroup
	for _, p := range srcs {
		wg.Go(func() {
			name := filepath.Base(p)
			src, err := os.ReadFile(p)
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				return
			}
			spec, _ := tc.spec(t, name, src, "-lrt")
			r, err := sb.Run(context.Background(), spec)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			case r.Status != sandbox.StatusOK || r.Files["prog"] == nil:
				errs = append(errs, fmt.Errorf("%s: %s", name, atkSummary(r)))
			default:
				bins[strings.TrimSuffix(name, ".c")] = r.Files["prog"]
			}
		})
	}
	wg.Wait()
	return bins, errors.Join(errs...)
}

// hostileSpec runs the binary bin with args, the judge's environment and
// limits.
func hostileSpec(bin []byte, args ...string) *sandbox.Spec {
	return &sandbox.Spec{
		Args:   append([]string{"./prog"}, args...),
		Env:    atkRunEnv,
		Files:  []sandbox.File{{Name: "prog", Data: bin, Mode: 0o755}},
		Limits: atkRunLimits,
	}
}

// hostileRun runs spec and applies the checks every run gets.
func hostileRun(t *testing.T, c *hostile.Canaries, sb *sandbox.Sandbox, spec *sandbox.Spec, secrets ...string) *sandbox.Result {
	t.Helper()
	r, err := sb.Run(context.Background(), spec)
	if err != nil {
		t.Fatalf("run %q: sandbox error: %v", spec.Args, err)
	}
	t.Logf("run %q: %s", spec.Args, atkSummary(r))
	atkCheckOutputs(t, c, r, secrets...)
	return r
}

// hostileWantOK checks that the run ended OK with 42 last.
func hostileWantOK(t *testing.T, r *sandbox.Result) {
	t.Helper()
	if r.Status != sandbox.StatusOK {
		t.Errorf("status %s (%s), want OK", r.Status, r.Message)
	}
	if l := atkLastLine(r.Stdout); l != "42" {
		t.Errorf("last stdout line %q, want 42", l)
	}
}

// TestHostileReusedBoxState leaves state behind in one run and looks for
// it in the next run of the same box: none may be left.
func TestHostileReusedBoxState(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-state")
	for _, kind := range []string{
		"tmp-file",  // a file in /tmp
		"shm-file",  // a file in /dev/shm
		"work-file", // a file in the work directory
		"sysv-shm",  // a SysV shared memory segment (by key and IPC_PRIVATE)
		"sysv-sem",  // a SysV semaphore set
		"sysv-msg",  // a SysV message queue holding a message
		"posix-mq",  // a POSIX message queue holding a message
		"process",   // a daemon that sleeps
		"tmp-mtime", // /tmp left empty, but its modification time set
		"shm-mtime", // the same in /dev/shm
	} {
		t.Run(kind, func(t *testing.T) {
			r := hostileRun(t, c, sb, hostileSpec(bins["state"], "plant", kind))
			hostileWantOK(t, r)
			if !bytes.Contains(r.Stdout, []byte("PLANTED:"+kind+"\n")) {
				t.Fatalf("the first run could not plant its %s, so the test proves nothing: %s", kind, r.Stdout)
			}
			args := []string{"check", kind}
			if m, ok := atkInfoString(r.Stdout, "MTIME:"); ok {
				args = append(args, m)
			}
			r = hostileRun(t, c, sb, hostileSpec(bins["state"], args...))
			hostileWantOK(t, r)
			if !bytes.Contains(r.Stdout, []byte("GONE:"+kind+"\n")) {
				t.Errorf("the next run of the box found the %s of the previous one", kind)
			}
		})
	}
}

// TestHostileReusedBoxLimits runs in one box with small limits, then larger
// ones, then small ones again: each run must get its own limits, whatever
// an earlier run of the box had.
func TestHostileReusedBoxLimits(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-limits")
	small := sandbox.Limits{CPU: time.Second, Memory: 256 << 20, Pids: 64, OpenFiles: 256, FileSize: 64 << 20}
	large := sandbox.Limits{CPU: 5 * time.Second, Memory: 512 << 20, Pids: 128, OpenFiles: 512, FileSize: 128 << 20}
	for i, lim := range []sandbox.Limits{small, large, small, large} {
		t.Run(fmt.Sprintf("run%d-pids%d", i+1, lim.Pids), func(t *testing.T) {
			spec := hostileSpec(bins["limits"])
			spec.Limits = lim
			r, err := sb.Run(context.Background(), spec)
			if err != nil {
				t.Fatalf("sandbox error with limits larger than an earlier run's: %v", err)
			}
			atkCheckOutputs(t, c, r)
			hostileWantOK(t, r)
			got := map[string][2]int64{}
			for _, l := range hostile.Lines(r.Stdout) {
				f := strings.Split(l, ":")
				if len(f) == 4 && f[0] == "LIMIT" {
					soft, _ := strconv.ParseInt(f[2], 10, 64)
					hard, _ := strconv.ParseInt(f[3], 10, 64)
					got[f[1]] = [2]int64{soft, hard}
				}
			}
			for name, want := range map[string]int64{"NPROC": int64(lim.Pids), "NOFILE": int64(lim.OpenFiles), "FSIZE": lim.FileSize} {
				if got[name] != [2]int64{want, want} {
					t.Errorf("RLIMIT_%s soft/hard %v, want %d", name, got[name], want)
				}
			}
			if cpu := got["CPU"]; cpu[1] < int64(math.Ceil(lim.CPU.Seconds())) {
				t.Errorf("RLIMIT_CPU %v below the %v CPU limit", cpu, lim.CPU)
			}
		})
	}
}

// TestHostileLeftBehind leaves processes behind when the main one exits:
// the run ends when main does, nothing survives it, and the next run of the
// box sees no process.
func TestHostileLeftBehind(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-orphans")
	// The same limits for every run of the box (see TestHostileReusedBoxLimits).
	lim := atkRunLimits
	lim.CPU, lim.Wall = 2*time.Second, 20*time.Second
	for _, mode := range []string{
		"daemon",  // double fork + setsid, ignores HUP/TERM, holds stdout, sleeps
		"stopped", // stopped by SIGSTOP, holds stdout
		"busy",    // spins on the CPU, holds stdout
		"respawn", // forks a new generation every 10 ms
	} {
		t.Run(mode, func(t *testing.T) {
			spec := hostileSpec(bins["orphan"], mode)
			spec.Limits = lim
			start := time.Now()
			r := hostileRun(t, c, sb, spec)
			took := time.Since(start)
			hostileWantOK(t, r)
			// Far below the wall limit: the run did not wait for the
			// process left behind (or for its end of stdout).
			if took > spec.Limits.Wall/2 || r.Wall > spec.Limits.Wall/2 {
				t.Errorf("run took %v (reported wall %v) with a %v wall limit: held open by the process left behind", took, r.Wall, spec.Limits.Wall)
			}
			if p := hostile.Pgrep("verdict_orphan"); p != "" {
				t.Errorf("processes left behind still alive after the run: %s", p)
			}
			spec = hostileSpec(bins["state"], "check", "process")
			spec.Limits = lim
			r = hostileRun(t, c, sb, spec)
			hostileWantOK(t, r)
		})
	}
}

// TestHostileCancelledRun gives up on runs half-way (their context ends)
// while their processes still run: the Run returns soon, the Sandbox goes
// on working, and once it is closed no process and no cgroup of the runs is
// left on the host.
func TestHostileCancelledRun(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	const cg = "verdict-test-hostile-cancel"
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-cancel")
	lim := atkRunLimits
	lim.CPU, lim.Wall = 60*time.Second, 60*time.Second
	for i, tc := range []struct {
		name string
		spec *sandbox.Spec
	}{
		{"spinning threads", hostileSpec(bins["cpu"], "threads", "2", "30")},
		{"sleeping, with a daemon", hostileSpec(bins["orphan"], "linger")},
		{"spinning threads again", hostileSpec(bins["cpu"], "threads", "2", "30")},
	} {
		// A run that ends well first: the box (or its replacement) is
		// ready, and the cancelled run below gets to start. The same
		// limits for all (see TestHostileReusedBoxLimits).
		ok := hostileSpec(bins["env"])
		ok.Limits = lim
		hostileWantOK(t, hostileRun(t, c, sb, ok))
		tc.spec.Limits = lim
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		start := time.Now()
		r, err := sb.Run(ctx, tc.spec)
		took := time.Since(start)
		cancel()
		if err == nil {
			atkCheckOutputs(t, c, r)
			t.Errorf("run %d (%s) was not cancelled: %s", i+1, tc.name, atkSummary(r))
		} else {
			t.Logf("run %d (%s) cancelled after %v: %v", i+1, tc.name, took, err)
		}
		if took > 15*time.Second {
			t.Errorf("run %d (%s) took %v to give up", i+1, tc.name, took)
		}
	}
	// A run after the cancelled ones still works.
	ok := hostileSpec(bins["env"])
	ok.Limits = lim
	hostileWantOK(t, hostileRun(t, c, sb, ok))
	sb.Close()
	if p := hostile.Pgrep("verdict_orphan") + hostile.Pgrep("prog"); p != "" {
		t.Errorf("processes of cancelled runs still alive: %s", p)
	}
	if left := hostile.LeftoverCgroups(t, cg); len(left) > 0 {
		t.Errorf("cgroups of cancelled runs left on the host: %q", left)
	}
}

// TestHostileStdinNeverEnds gives a program a standard input that never
// ends (a reader that blocks, like a pipe from an interactor or a network
// stream), and the program exits without reading it: the Run must still
// return, and so must one whose context ends.
func TestHostileStdinNeverEnds(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-stdin")
	for _, tc := range []struct {
		name    string
		args    []string
		timeout time.Duration // of the Run's context; 0 for none
	}{
		{"program exits", []string{"env"}, 0},
		{"program waits for input, context ends", []string{"killer", "victim", "x"}, 300 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := hostileSpec(bins[tc.args[0]], tc.args[1:]...)
			stdinR, stdinW := io.Pipe() // nothing is ever written
			spec.Stdin = stdinR
			ctx := context.Background()
			if tc.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tc.timeout)
				defer cancel()
			}
			type outcome struct {
				r   *sandbox.Result
				err error
			}
			done := make(chan outcome, 1)
			go func() {
				r, err := sb.Run(ctx, spec)
				done <- outcome{r, err}
			}()
			var o outcome
			select {
			case o = <-done:
			case <-time.After(5 * time.Second):
				t.Errorf("Run has not returned 5 s after the program ended (or its context did): it waits for the end of its standard input")
				stdinW.Close() // let it go, so that the test ends
				o = <-done
			}
			stdinW.Close()
			if o.err != nil {
				t.Logf("Run: %v", o.err)
				if tc.timeout == 0 {
					t.Errorf("sandbox error: %v", o.err)
				}
				return
			}
			atkCheckOutputs(t, c, o.r)
			hostileWantOK(t, o.r)
		})
	}
}

// TestHostileCPUAccounting burns CPU where only whole-run accounting sees
// it: in threads, and in children never waited for. The bounds are lower
// bounds any correct accounting meets.
func TestHostileCPUAccounting(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-cpu")
	for _, tc := range []struct {
		mode string
		desc string
	}{
		{"threads", "4 threads burn 0.3 s each"},
		{"children", "4 children burn 0.3 s each and are never reaped by main"},
		{"grandchildren", "4 grandchildren burn 0.3 s each, reparented to the box's init"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			spec := hostileSpec(bins["cpu"], tc.mode, "4", "0.3")
			spec.Limits.CPU = 10 * time.Second
			spec.Limits.Wall = 30 * time.Second
			r := hostileRun(t, c, sb, spec)
			hostileWantOK(t, r)
			if r.CPU < time.Second {
				t.Errorf("%s: CPU reported %v, want at least 1 s (1.2 s burned)", tc.desc, r.CPU)
			}
		})
	}
}

// TestHostileConcurrentBoxes runs a victim in one box and, at the same
// time, a killer in another: kill(-1), kill of every pid, /proc scans. The
// victim must neither be seen nor touched, and end OK with its output.
func TestHostileConcurrentBoxes(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	for _, tc := range []struct {
		name string
		two  bool // two Sandbox values rather than two boxes of one
	}{
		{"two boxes of one Sandbox", false},
		{"two Sandbox values", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			victimSB := atkNewSandbox(t, sandbox.Config{Boxes: 2}, "hostile-victim")
			killerSB := victimSB
			if tc.two {
				killerSB = atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-killer")
			}
			token := "victim-" + hostile.Random(t)
			vspec := hostileSpec(bins["killer"], "victim", token)
			vspec.Limits.Wall = 60 * time.Second
			release := atkBackground(t, victimSB, vspec)
			kspec := hostileSpec(bins["killer"])
			kspec.Limits.CPU = 5 * time.Second
			kspec.Limits.Wall = 20 * time.Second
			r := hostileRun(t, c, killerSB, kspec, token)
			hostileWantOK(t, r)
			v := release()
			if v == nil {
				t.Fatal("no result for the victim")
			}
			atkCheckOutputs(t, c, v)
			if v.Status != sandbox.StatusOK || v.Signal != 0 {
				t.Errorf("victim: %s", atkSummary(v))
			}
			if !bytes.Contains(v.Stdout, []byte(token+"-alive\n42\n")) {
				t.Errorf("victim's output %q lacks %s-alive and 42", v.Stdout, token)
			}
		})
	}
}

// TestHostileTwoSandboxesDefaultConfig starts two Sandbox values with the
// default configuration in one process, as a judge with a compile and a run
// sandbox would, and runs in both at once.
func TestHostileTwoSandboxesDefaultConfig(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	a := newSandbox(t, sandbox.Config{Boxes: 1})
	b := newSandbox(t, sandbox.Config{Boxes: 1})
	var wg sync.WaitGroup
	for _, sb := range []*sandbox.Sandbox{a, b, a, b} {
		wg.Go(func() {
			r := hostileRun(t, c, sb, hostileSpec(bins["env"]))
			hostileWantOK(t, r)
		})
	}
	wg.Wait()
}

// TestHostileCollectLinks plants links, a FIFO, a 10 GB sparse file, a
// directory and a socket under names the host reads back: Collect must
// refuse each (Result.FileErrors), never return host data, never hang.
func TestHostileCollectLinks(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-collect")
	cases := []struct {
		name string
		want string // contents wanted; "" wants a collect error
	}{
		{"out.txt", ""},     // -> /etc/shadow
		{"canary.txt", ""},  // -> /etc/judge-canary
		{"environ.txt", ""}, // -> /proc/1/environ
		{"up.txt", ""},      // -> ../../../../etc/hostname
		{"chain.txt", ""},   // -> out.txt
		{"loop.txt", ""},    // -> itself
		{"sub/etc/shadow", ""},
		{"sub/etc/judge-canary", ""},
		{"sub/etc/hostname", ""},
		{"fifo.txt", ""}, // a FIFO nobody writes to
		{"big.txt", ""},  // 10 GB, sparse
		{"dir.txt", ""},  // a directory
		{"sock.txt", ""}, // a unix socket
		{"ok.txt", "fine\n"},
		{"../etc/passwd", ""}, // a name leaving the work dir
	}
	spec := hostileSpec(bins["planter"])
	spec.Limits.FileSize = 16 << 30 // room for the sparse file
	for _, tc := range cases {
		spec.Collect = append(spec.Collect, tc.name)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	start := time.Now()
	r, err := sb.Run(ctx, spec)
	if err != nil {
		t.Fatalf("sandbox error: %v", err)
	}
	t.Logf("%s\ncollected %d, errors %q", atkSummary(r), len(r.Files), r.FileErrors)
	if took := time.Since(start); took > 30*time.Second {
		t.Errorf("run and collect took %v", took)
	}
	atkCheckOutputs(t, c, r)
	hostileWantOK(t, r)
	if p := hostile.Grep(r.Stdout, "not-planted"); p != "" {
		t.Errorf("the program could not plant everything, so the test proves less:\n%s", p)
	}
	shadow, _ := os.ReadFile("/etc/shadow")
	hostname, _ := os.ReadFile("/etc/hostname")
	for _, tc := range cases {
		t.Run(strings.ReplaceAll(tc.name, "/", "_"), func(t *testing.T) {
			data, got := r.Files[tc.name]
			if tc.want != "" {
				if !got || string(data) != tc.want {
					t.Errorf("collected %q (found %v, error %q), want %q", data, got, r.FileErrors[tc.name], tc.want)
				}
				return
			}
			if got {
				t.Errorf("collected %d bytes (%.80q): the host followed or read what the program planted", len(data), data)
				if len(shadow) > 0 && bytes.Equal(data, shadow) || len(hostname) > 0 && bytes.Equal(data, hostname) {
					t.Errorf("... and they are the host's file")
				}
			}
			if _, ok := r.FileErrors[tc.name]; !ok {
				t.Errorf("no collect error")
			}
		})
	}
}

// TestHostileEnvironment prints the whole environment: only what Spec.Env
// gave may be there.
func TestHostileEnvironment(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-env")
	for _, tc := range []struct {
		name string
		env  []string
	}{
		{"judge's", atkRunEnv},
		{"none", nil},
		{"empty", []string{}},
		{"one", []string{"ONLY=1"}},
		{"odd", []string{"A=", "B==x", "PATH=/nonexistent", "LD_PRELOAD="}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := hostileSpec(bins["env"])
			spec.Env = tc.env
			r := hostileRun(t, c, sb, spec)
			hostileWantOK(t, r)
			var got []string
			for _, l := range hostile.Lines(r.Stdout) {
				if v, ok := strings.CutPrefix(l, "ENV:"); ok {
					got = append(got, v)
				}
			}
			want := slices.Clone(tc.env)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("environment %q, want exactly %q", got, want)
			}
		})
	}
}

// TestHostileNetwork reaches for services the test runs on the host's
// loopback: nothing may arrive, and the box has a loopback interface only,
// down.
func TestHostileNetwork(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-net")

	arrived := &atkSeen{}
	accept := func(l net.Listener) {
		t.Cleanup(func() { l.Close() })
		go func() {
			for {
				conn, err := l.Accept()
				if err != nil {
					return
				}
				arrived.add(l.Addr().String())
				conn.Close()
			}
		}()
	}
	tcp4, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	accept(tcp4)
	tcp6, err6 := net.Listen("tcp6", "[::1]:0")
	if err6 == nil {
		accept(tcp6)
	}
	udp, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { udp.Close() })
	go func() {
		buf := make([]byte, 64)
		for {
			_, from, err := udp.ReadFrom(buf)
			if err != nil {
				return
			}
			arrived.add("udp from " + from.String())
		}
	}()
	abstract := "verdict-test-" + hostile.Random(t)
	ab, err := net.Listen("unix", "@"+abstract)
	if err != nil {
		t.Fatal(err)
	}
	accept(ab)
	port := func(a net.Addr) string { _, p, _ := net.SplitHostPort(a.String()); return p }

	cases := []struct {
		name string
		args []string
		skip string
	}{
		{"interfaces", []string{"ifaces"}, ""},
		{"tcp 127.0.0.1", []string{"tcp4", port(tcp4.Addr())}, ""},
		{"tcp ::1", []string{"tcp6", "0"}, "no IPv6 loopback on the host"},
		{"udp 127.0.0.1", []string{"udp4", port(udp.LocalAddr())}, ""},
		{"abstract unix socket", []string{"abstract", abstract}, ""},
	}
	if err6 == nil {
		cases[2].args[1], cases[2].skip = port(tcp6.Addr()), ""
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip != "" {
				t.Skip(tc.skip)
			}
			before := len(arrived.get())
			r := hostileRun(t, c, sb, hostileSpec(bins["net"], tc.args...))
			hostileWantOK(t, r)
			if tc.args[0] == "ifaces" {
				n := 0
				for _, l := range hostile.Lines(r.Stdout) {
					if f := strings.Split(l, ":"); len(f) == 4 && f[0] == "IF" {
						n++
						if f[1] != "lo" {
							t.Errorf("interface %s visible in the box", f[1])
						} else if f[2] != "down" {
							t.Errorf("lo is up in the box")
						}
					}
				}
				if n == 0 {
					t.Logf("no interface listed at all")
				}
			} else if tc.args[0] != "udp4" && !bytes.Contains(r.Stdout, []byte("BLOCKED:"+tc.args[0]+":")) {
				t.Errorf("no BLOCKED line for %s", tc.args[0])
			}
			time.Sleep(100 * time.Millisecond) // let a stray datagram or connection land
			if a := arrived.get(); len(a) > before {
				t.Errorf("reached the host's loopback: %q", a[before:])
			}
		})
	}
}

// TestHostileInheritedFDs uses every descriptor beyond 0, 1 and 2 it finds
// open: the test process holds /etc/judge-canary open without
// close-on-exec (atkPlant), as a judge may hold a file it inherited, and no
// program may get it.
func TestHostileInheritedFDs(t *testing.T) {
	c := hostile.Plant(t, "verdict")
	bins := hostileBinaries(t)
	sb := atkNewSandbox(t, sandbox.Config{Boxes: 1}, "hostile-fds")
	r := hostileRun(t, c, sb, hostileSpec(bins["fds"]))
	hostileWantOK(t, r)
	if bytes.Contains(r.Stdout, []byte(fmt.Sprintf(":%s:", hostile.CanaryPath))) {
		t.Errorf("the program read the test process's descriptor %d on %s", c.FD, hostile.CanaryPath)
	}
}
