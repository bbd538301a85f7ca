package sandbox_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/sandbox"
)

var env = []string{"PATH=/usr/bin:/bin", "LANG=C.UTF-8"}

func sh(script string) []string { return []string{"/bin/sh", "-c", script} }

func run(t *testing.T, sb *sandbox.Sandbox, spec *sandbox.Spec) *sandbox.Result {
	t.Helper()
	if spec.Env == nil {
		spec.Env = env
	}
	res, err := sb.Run(context.Background(), spec)
	if err != nil {
		t.Fatalf("Run(%q): %v", spec.Args, err)
	}
	return res
}

// TestStatuses checks that each way a program can end gets its status.
func TestStatuses(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 2})
	cases := []struct {
		name   string
		args   []string
		limits sandbox.Limits
		want   []sandbox.Status
		check  func(t *testing.T, r *sandbox.Result)
	}{
		{name: "exit 0", args: []string{"/bin/true"}, want: []sandbox.Status{sandbox.StatusOK}},
		{name: "exit 3", args: sh("exit 3"), want: []sandbox.Status{sandbox.StatusRE},
			check: func(t *testing.T, r *sandbox.Result) {
				if r.ExitCode != 3 || r.Signal != 0 {
					t.Errorf("exit %d signal %d, want exit 3", r.ExitCode, r.Signal)
				}
			}},
		{name: "signal", args: sh("kill -SEGV $$"), want: []sandbox.Status{sandbox.StatusRE},
			check: func(t *testing.T, r *sandbox.Result) {
				if r.Signal != 11 || !strings.Contains(r.Message, "SIGSEGV") {
					t.Errorf("signal %d message %q, want SIGSEGV", r.Signal, r.Message)
				}
			}},
		{name: "busy loop", args: sh("while :; do :; done"), limits: sandbox.Limits{CPU: 300 * time.Millisecond},
			want: []sandbox.Status{sandbox.StatusTLE},
			check: func(t *testing.T, r *sandbox.Result) {
				// On a loaded machine the wall-clock limit may come first.
				if strings.Contains(r.Message, "CPU") && r.CPU < 300*time.Millisecond {
					t.Errorf("CPU %v below the 300ms limit it exceeded", r.CPU)
				}
			}},
		{name: "sleep forever", args: []string{"/bin/sleep", "100"}, limits: sandbox.Limits{CPU: 200 * time.Millisecond, Wall: 400 * time.Millisecond},
			want: []sandbox.Status{sandbox.StatusTLE},
			check: func(t *testing.T, r *sandbox.Result) {
				if !strings.Contains(r.Message, "wall") {
					t.Errorf("message %q, want the wall-clock limit named", r.Message)
				}
			}},
		{name: "memory", args: []string{"/usr/bin/python3", "-c", "x = bytearray(300 << 20)"}, limits: sandbox.Limits{Memory: 64 << 20},
			want: []sandbox.Status{sandbox.StatusMLE}},
		{name: "memory in threads and children", args: sh("python3 -c 'x = bytearray(40 << 20); import time; time.sleep(1)' & python3 -c 'x = bytearray(40 << 20); import time; time.sleep(1)' & wait"),
			limits: sandbox.Limits{Memory: 64 << 20}, want: []sandbox.Status{sandbox.StatusMLE, sandbox.StatusRE}},
		{name: "stdout flood", args: []string{"/usr/bin/yes"}, limits: sandbox.Limits{Stdout: 1 << 20},
			want: []sandbox.Status{sandbox.StatusOLE},
			check: func(t *testing.T, r *sandbox.Result) {
				if len(r.Stdout) != 1<<20 || !r.StdoutTruncated || r.StdoutBytes <= 1<<20 {
					t.Errorf("stdout %d bytes (written %d, truncated %v), want exactly the 1 MiB cap kept", len(r.Stdout), r.StdoutBytes, r.StdoutTruncated)
				}
			}},
		{name: "stderr flood", args: sh("yes >&2"), limits: sandbox.Limits{Stderr: 4096},
			want: []sandbox.Status{sandbox.StatusOLE},
			check: func(t *testing.T, r *sandbox.Result) {
				if len(r.Stderr) != 4096 || !r.StderrTruncated {
					t.Errorf("stderr %d bytes, want the 4096 cap", len(r.Stderr))
				}
			}},
		{name: "file size", args: sh("head -c 2000000 /dev/zero > big"), limits: sandbox.Limits{FileSize: 1 << 20},
			want: []sandbox.Status{sandbox.StatusOLE, sandbox.StatusRE}},
		{name: "fork bomb", args: sh("f() { f | f & }; f; sleep 5"), limits: sandbox.Limits{CPU: 500 * time.Millisecond, Wall: time.Second, Pids: 32},
			want: []sandbox.Status{sandbox.StatusTLE, sandbox.StatusRE}},
		{name: "output within caps", args: sh("echo out; echo err >&2; exit 0"), want: []sandbox.Status{sandbox.StatusOK},
			check: func(t *testing.T, r *sandbox.Result) {
				if string(r.Stdout) != "out\n" || string(r.Stderr) != "err\n" {
					t.Errorf("stdout %q stderr %q", r.Stdout, r.Stderr)
				}
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, sb, &sandbox.Spec{Args: c.args, Limits: c.limits})
			ok := false
			for _, w := range c.want {
				ok = ok || r.Status == w
			}
			if !ok {
				t.Fatalf("status %s (%s), want one of %v; exit %d signal %d cpu %v wall %v mem %d KiB", r.Status, r.Message, c.want, r.ExitCode, r.Signal, r.CPU, r.Wall, r.Memory>>10)
			}
			if c.check != nil {
				c.check(t, r)
			}
		})
	}
}

// TestIsolation looks at the sandbox from inside.
func TestIsolation(t *testing.T) {
	for _, portable := range []bool{false, true} {
		t.Run(fmt.Sprintf("portable=%v", portable), func(t *testing.T) {
			sb := newSandbox(t, sandbox.Config{Boxes: 1, PortableSpawn: portable})
			cases := []struct {
				name   string
				script string
				want   string // the output, trimmed
			}{
				{"unprivileged user", "id -u; id -g", ""},
				{"capabilities, no_new_privs and seccomp", "grep -E '^(CapInh|CapPrm|CapEff|CapAmb|NoNewPrivs|Seccomp):' /proc/self/status | tr -s '\\t ' ' '",
					"CapInh: 0000000000000000\nCapPrm: 0000000000000000\nCapEff: 0000000000000000\nCapAmb: 0000000000000000\nNoNewPrivs: 1\nSeccomp: 2"},
				{"read-only root", "touch /x 2>/dev/null && echo root-writable; touch /usr/x 2>/dev/null && echo usr-writable; touch /etc/x 2>/dev/null && echo etc-writable; echo done", "done"},
				{"writable work dir and tmp", "echo a > /box/a && echo b > /tmp/b && echo c > /dev/shm/c && cat /box/a /tmp/b /dev/shm/c", "a\nb\nc"},
				{"no host secrets", "ls /etc/shadow /root /home /var /sys /run 2>&1 >/dev/null | wc -l", "6"},
				{"own pid namespace", "ls /proc | grep -c '^[0-9]'", ""},
				{"loopback only, down", "cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '; cat /sys/class/net/lo/operstate 2>/dev/null; echo end", "lo\nend"},
				{"no network", "python3 -c \"import socket; s=socket.socket(); s.settimeout(1)\ntry:\n s.connect(('127.0.0.1', 22)); print('connected')\nexcept OSError as e: print('refused')\"", "refused"},
				{"host name", "hostname", "box"},
				{"environment", "env | sort", "LANG=C.UTF-8\nPATH=/usr/bin:/bin\nPWD=/box"},
				{"no new namespaces", "unshare -U true 2>/dev/null && echo userns; unshare -n true 2>/dev/null && echo netns; echo done", "done"},
				{"no mounts", "mount -t tmpfs none /tmp 2>/dev/null && echo mounted; echo done", "done"},
				{"no ptrace", "python3 -c \"import ctypes; l=ctypes.CDLL(None); print(l.ptrace(16, 1, 0, 0))\"", "-1"},
				{"devices", "ls /dev | tr '\\n' ' '", "fd mqueue null random shm stderr stdin stdout urandom zero"},
				// ls's own descriptor 3 is the directory it lists.
				{"no file descriptors leaked", "exec ls /proc/self/fd", "0\n1\n2\n3"},
			}
			for _, c := range cases {
				t.Run(c.name, func(t *testing.T) {
					// Generous limits: a loaded machine must not turn these into TLE.
					r := run(t, sb, &sandbox.Spec{Args: sh(c.script), Limits: sandbox.Limits{CPU: 10 * time.Second, Wall: 60 * time.Second}})
					out := strings.TrimSpace(string(r.Stdout))
					if r.Status != sandbox.StatusOK {
						t.Fatalf("status %s (%s), stdout %q stderr %q", r.Status, r.Message, out, r.Stderr)
					}
					switch c.name {
					case "unprivileged user":
						ids := strings.Fields(out)
						if len(ids) != 2 {
							t.Fatalf("id printed %q", out)
						}
						for _, id := range ids {
							n, _ := strconv.Atoi(id)
							if n < 61000 || n >= 62000 {
								t.Errorf("runs as id %d, want a box id in 61000..61999", n)
							}
						}
					case "own pid namespace":
						if n, _ := strconv.Atoi(out); n < 2 || n > 4 {
							t.Errorf("%d processes visible in /proc; want the supervisor, the shell and ls", n)
						}
					default:
						if out != c.want {
							t.Errorf("got\n%s\nwant\n%s", out, c.want)
						}
					}
				})
			}
		})
	}
}

// TestReusedBoxIsClean runs twice in one box: nothing of the first run may
// be seen by the second.
func TestReusedBoxIsClean(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 1})
	first := "echo x > /box/left; echo x > /tmp/left; echo x > /dev/shm/left; " +
		"python3 -c 'import sys, sysv_ipc' 2>/dev/null; " +
		"(sleep 100 &) ; echo started"
	r := run(t, sb, &sandbox.Spec{Args: sh(first)})
	if r.Status != sandbox.StatusOK || strings.TrimSpace(string(r.Stdout)) != "started" {
		t.Fatalf("first run: %s %q %q", r.Status, r.Stdout, r.Stderr)
	}
	second := "ls -A /box /tmp /dev/shm | grep -v -e ':$' -e '^$' | wc -l; ls /proc | grep -c '^[0-9]'"
	r = run(t, sb, &sandbox.Spec{Args: sh(second)})
	out := strings.Fields(string(r.Stdout))
	// Nothing listed in the three directories; at most the supervisor, the
	// shell, ls and grep in /proc: the sleep is gone.
	if len(out) != 2 || out[0] != "0" {
		t.Fatalf("second run sees %q", r.Stdout)
	}
	if n, _ := strconv.Atoi(out[1]); n > 4 {
		t.Errorf("second run sees %d processes", n)
	}
}

func TestFilesStdinCollect(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 1})
	in := filepath.Join(t.TempDir(), "input.txt")
	if err := os.WriteFile(in, []byte("3 4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := run(t, sb, &sandbox.Spec{
		Args:    sh("read a b; echo $((a+b)) > sum.txt; cat dir/note.txt; ln -s /etc/passwd link.txt; mkfifo pipe.txt"),
		Stdin:   f,
		Files:   []sandbox.File{{Name: "dir/note.txt", Data: []byte("note\n")}},
		Collect: []string{"sum.txt", "link.txt", "pipe.txt", "missing.txt", "../escape"},
	})
	if r.Status != sandbox.StatusOK || string(r.Stdout) != "note\n" {
		t.Fatalf("status %s stdout %q stderr %q", r.Status, r.Stdout, r.Stderr)
	}
	if got := string(r.Files["sum.txt"]); got != "7\n" {
		t.Errorf("sum.txt = %q", got)
	}
	for _, name := range []string{"link.txt", "pipe.txt", "missing.txt", "../escape"} {
		if _, ok := r.Files[name]; ok {
			t.Errorf("%s was collected; links, FIFOs and escapes must not be", name)
		}
		if r.FileErrors[name] == "" {
			t.Errorf("%s: no error reported", name)
		}
	}
	// A whole directory.
	r = run(t, sb, &sandbox.Spec{Args: sh("mkdir -p classes/p && echo A > classes/A.class && echo B > classes/p/B.class"), Collect: []string{"classes/"}})
	if string(r.Files["classes/A.class"]) != "A\n" || string(r.Files["classes/p/B.class"]) != "B\n" || len(r.Files) != 2 {
		t.Errorf("collected %v (errors %v)", r.Files, r.FileErrors)
	}
	// A reader as stdin goes through a pipe.
	r = run(t, sb, &sandbox.Spec{Args: []string{"/bin/cat"}, Stdin: strings.NewReader("piped\n")})
	if string(r.Stdout) != "piped\n" {
		t.Errorf("cat of a piped stdin printed %q", r.Stdout)
	}
}

func TestCopyDir(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 1})
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "a.txt"), []byte("A"), 0o644)
	os.WriteFile(filepath.Join(dir, "run.sh"), []byte("#!/bin/sh\ncat sub/a.txt\n"), 0o755)
	r := run(t, sb, &sandbox.Spec{Args: []string{"./run.sh"}, CopyDir: dir})
	if r.Status != sandbox.StatusOK || string(r.Stdout) != "A" {
		t.Fatalf("status %s (%s) stdout %q stderr %q", r.Status, r.Message, r.Stdout, r.Stderr)
	}
}

// TestConcurrentRuns runs many programs at once through a small pool.
func TestConcurrentRuns(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 2})
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := sb.Run(context.Background(), &sandbox.Spec{Args: sh(fmt.Sprintf("echo %d > f; cat f", i)), Env: env})
			switch {
			case err != nil:
				errs <- err
			case r.Status != sandbox.StatusOK || strings.TrimSpace(string(r.Stdout)) != strconv.Itoa(i):
				errs <- fmt.Errorf("run %d: %s %q", i, r.Status, r.Stdout)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestCancel stops a run through its context; the box is usable after.
func TestCancel(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 1})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := sb.Run(ctx, &sandbox.Spec{Args: []string{"/bin/sleep", "30"}, Env: env, Limits: sandbox.Limits{CPU: 10 * time.Second, Wall: 30 * time.Second}})
	if err == nil {
		t.Fatal("cancelled run returned no error")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("cancel took %v", d)
	}
	// The box was not thrown away: the same supervisor (same uid) serves.
	r := run(t, sb, &sandbox.Spec{Args: []string{"/bin/echo", "again"}})
	if r.Status != sandbox.StatusOK || string(r.Stdout) != "again\n" {
		t.Fatalf("run after cancel: %s %q", r.Status, r.Stdout)
	}
}

func TestBadSpec(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 1})
	for _, spec := range []*sandbox.Spec{
		{},
		{Args: []string{"/no/such/program"}},
		{Args: []string{"no-such-program-in-path"}},
		{Args: []string{"/box"}},
		{Args: []string{"/bin/true"}, Files: []sandbox.File{{Name: "../x", Data: []byte("x")}}},
		{Args: []string{"/bin/true"}, CopyDir: "/no/such/dir"},
	} {
		if _, err := sb.Run(context.Background(), spec); err == nil {
			t.Errorf("Run(%+v) = nil error, want one", spec)
		}
	}
	// The sandbox still works after bad specs.
	r := run(t, sb, &sandbox.Spec{Args: []string{"/bin/true"}})
	if r.Status != sandbox.StatusOK {
		t.Fatalf("status %s after bad specs", r.Status)
	}
}

func TestNoSeccompIsVisible(t *testing.T) {
	sb := newSandbox(t, sandbox.Config{Boxes: 1, NoSeccomp: true})
	r := run(t, sb, &sandbox.Spec{Args: sh("grep '^Seccomp:' /proc/self/status | tr -d '\\t '")})
	if got := strings.TrimSpace(string(r.Stdout)); got != "Seccomp:0" {
		t.Errorf("with NoSeccomp the program reports %q", got)
	}
}

func TestLimitsWithDefaults(t *testing.T) {
	l := sandbox.Limits{CPU: 2 * time.Second, Memory: 64 << 20}.WithDefaults()
	if l.Wall != 6*time.Second || l.Stack != 56<<20 || l.Pids != sandbox.DefaultLimits.Pids || l.Stdout != sandbox.DefaultLimits.Stdout {
		t.Errorf("WithDefaults = %+v", l)
	}
}

// TestOverlay: each run writes over a read-only host directory; no run sees
// another's writes and the host directory never changes.
func TestOverlay(t *testing.T) {
	lower := t.TempDir()
	os.Chmod(lower, 0o777)
	os.WriteFile(filepath.Join(lower, "a"), []byte("host\n"), 0o666)
	os.Chmod(filepath.Join(lower, "a"), 0o666)
	os.Mkdir(filepath.Join(lower, "d"), 0o777)
	os.Chmod(filepath.Join(lower, "d"), 0o777)
	sb := newSandbox(t, sandbox.Config{Boxes: 1, Overlays: []sandbox.Overlay{{Source: lower, Target: "/cache/x"}}})
	for i := 0; i < 2; i++ {
		r := run(t, sb, &sandbox.Spec{Args: sh("cat /cache/x/a; ls /cache/x/d; echo run > /cache/x/a; echo new > /cache/x/d/b; cat /cache/x/a /cache/x/d/b")})
		if r.Status != sandbox.StatusOK || string(r.Stdout) != "host\nrun\nnew\n" {
			t.Fatalf("run %d: %s (%s) stdout %q stderr %q", i, r.Status, r.Message, r.Stdout, r.Stderr)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(lower, "a")); string(b) != "host\n" {
		t.Errorf("host file changed to %q", b)
	}
	if _, err := os.Stat(filepath.Join(lower, "d", "b")); err == nil {
		t.Error("a run's file reached the host directory")
	}
}

func TestLimitsOr(t *testing.T) {
	d := sandbox.Limits{CPU: time.Second, Wall: 2 * time.Second, Memory: 1 << 30, Pids: 64, FileSize: 1 << 20, Stdout: 64 << 10, Stderr: 32 << 10}
	got := sandbox.Limits{CPU: 3 * time.Second, Memory: 64 << 20, Stdout: -1}.Or(d)
	want := sandbox.Limits{CPU: 3 * time.Second, Wall: 2 * time.Second, Memory: 64 << 20, Pids: 64, FileSize: 1 << 20, Stdout: 64 << 10, Stderr: 32 << 10}
	if got != want {
		t.Errorf("Or = %+v, want %+v", got, want)
	}
}
