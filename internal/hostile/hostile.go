// Package hostile holds what the hostile-program suites share: the shared
// corpus's manifest, the canaries planted on the host before a suite, and
// the host checks made after it (processes, cgroups, zombies, files). It
// is used by tests only; the sandbox's own suite and the full-pipeline
// suite of `verdict judge` both run on it.
package hostile

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// SharedDir finds the shared attack corpus beside the repository
// (<repo>/../shared/attacks) from a test's package directory, depth levels
// below the repository's root (1 for sandbox, 2 for cmd/verdict).
func SharedDir(depth int) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	parts := []string{wd}
	for range depth + 1 { // up to the repository, then beside it
		parts = append(parts, "..")
	}
	dir := filepath.Join(append(parts, "shared", "attacks")...)
	if _, err := os.Stat(filepath.Join(dir, "MANIFEST.tsv")); err != nil {
		return "", err
	}
	return dir, nil
}

// Entry is one row of MANIFEST.tsv.
type Entry struct {
	File     string
	Language string
	Tries    string
	Verdict  string // the prose of the verdict column
	Never    string
}

// Manifest reads MANIFEST.tsv.
func Manifest(t testing.TB, dir string) []Entry {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var es []Entry
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || cols[0] == "" {
			continue // the header
		}
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		es = append(es, Entry{File: cols[0], Language: cols[1], Tries: cols[2], Verdict: cols[3], Never: cols[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return es
}

var verdictWord = regexp.MustCompile(`\b(OK|WA|TLE|MLE|OLE|RE|CE)\b`)

// Verdicts are the verdict words the manifest's prose names for an entry
// (OK, WA, TLE, MLE, OLE, RE, CE), every one it mentions: "MLE (RE
// acceptable ...)" gives MLE and RE.
func (e Entry) Verdicts() []string {
	var vs []string
	for _, m := range verdictWord.FindAllString(e.Verdict, -1) {
		if !slices.Contains(vs, m) {
			vs = append(vs, m)
		}
	}
	return vs
}

// Canaries are the secrets planted on the host that no output may show.
type Canaries struct {
	Env  string // JUDGE_CANARY in this process's environment
	File string // contents of CanaryPath
	FD   int    // CanaryPath, open without close-on-exec
}

// CanaryPath is the host file the corpus's programs look for.
const CanaryPath = "/etc/judge-canary"

// HostPaths must not appear on the host: the corpus's programs try to
// create them.
var HostPaths = []string{"/etc/judge_pwned_probe", "/judge_rw_probe", "/etc/cron.d/judge_pwn", "/judge_pwned_probe"}

// Secrets are the canary strings.
func (c *Canaries) Secrets() []string { return []string{c.Env, strings.TrimSpace(c.File)} }

// Plant plants the canaries before any Sandbox starts and registers the
// host checks that run after every Sandbox of the test is closed: call it
// before creating them (cleanups run last in, first out). cgroupParents
// are the parent cgroups whose run cgroups of this process are checked.
func Plant(t *testing.T, cgroupParents ...string) *Canaries {
	t.Helper()
	c := &Canaries{Env: "envcanary-" + Random(t), File: "filecanary-" + Random(t) + "\n"}

	old, had := os.LookupEnv("JUDGE_CANARY")
	os.Setenv("JUDGE_CANARY", c.Env)
	t.Cleanup(func() {
		if had {
			os.Setenv("JUDGE_CANARY", old)
		} else {
			os.Unsetenv("JUDGE_CANARY")
		}
	})

	// Another test process may have planted the file already: then reuse it
	// and leave it to its owner.
	own := false
	f, err := os.OpenFile(CanaryPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		own = true
		_, werr := f.WriteString(c.File)
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			os.Remove(CanaryPath)
			t.Fatal(werr)
		}
	case errors.Is(err, os.ErrExist):
		b, err := os.ReadFile(CanaryPath)
		if err != nil {
			t.Fatal(err)
		}
		c.File = string(b)
	default:
		t.Fatalf("plant %s: %v", CanaryPath, err)
	}

	// A descriptor this process holds without close-on-exec, as a judge may
	// inherit from a shell or service manager (or as its own log or answer
	// file): no box may inherit it (leaked_fds.c looks for such).
	fd, err := syscall.Open(CanaryPath, syscall.O_RDONLY, 0)
	if err != nil {
		t.Fatalf("open %s: %v", CanaryPath, err)
	}
	c.FD = fd
	t.Cleanup(func() { syscall.Close(fd) })

	hostname, _ := os.Hostname()
	var existed []string
	for _, p := range HostPaths {
		if _, err := os.Lstat(p); err == nil {
			existed = append(existed, p)
		}
	}
	// Earlier tests of this process may have left cgroups of their own.
	leftBefore := LeftoverCgroups(t, cgroupParents...)
	t.Cleanup(func() {
		defer func() {
			if own {
				os.Remove(CanaryPath)
			}
		}()
		// Every Sandbox of the test is closed by now.
		if p := Pgrep("orphan_canary"); p != "" {
			t.Errorf("host: orphan_canary processes left: %s", p)
		}
		if left := LeftoverCgroups(t, cgroupParents...); len(left) > len(leftBefore) {
			left = slices.DeleteFunc(left, func(d string) bool { return slices.Contains(leftBefore, d) })
			t.Errorf("host: run cgroups left behind: %q", left)
		}
		if z := Zombies(); z != "" {
			t.Errorf("host: zombie children of the test process: %s", z)
		}
		if b, err := os.ReadFile(CanaryPath); err != nil {
			if own || !errors.Is(err, os.ErrNotExist) {
				t.Errorf("host: %s: %v", CanaryPath, err)
			}
		} else if string(b) != c.File {
			t.Errorf("host: %s changed", CanaryPath)
		}
		if st, err := os.Stat(CanaryPath); err == nil && (st.Mode().Perm() != 0o600 || st.Sys().(*syscall.Stat_t).Uid != 0) {
			t.Errorf("host: %s mode %v uid %d changed", CanaryPath, st.Mode(), st.Sys().(*syscall.Stat_t).Uid)
		}
		if h, _ := os.Hostname(); h != hostname {
			t.Errorf("host: host name changed from %q to %q", hostname, h)
		}
		for _, p := range HostPaths {
			if _, err := os.Lstat(p); err == nil && !slices.Contains(existed, p) {
				t.Errorf("host: %s was created", p)
			}
		}
	})
	return c
}

// CheckText reports PWNED markers, canaries, other secrets and the host's
// name in a text a run produced (where names it in messages).
func (c *Canaries) CheckText(t testing.TB, where string, out []byte, secrets ...string) {
	t.Helper()
	if bytes.Contains(out, []byte("PWNED:")) {
		t.Errorf("%s shows PWNED: %s", where, Grep(out, "PWNED:"))
	}
	c.CheckSecrets(t, where, out, secrets...)
	hostname, _ := os.Hostname()
	if hostname != "" && hostname != "box" {
		for _, l := range Lines(out) {
			if strings.TrimSpace(l) == hostname {
				t.Errorf("%s shows the host name %q", where, hostname)
			}
		}
	}
}

// CheckSecrets reports the canaries and other secrets in a file a run left
// (where names it in messages).
func (c *Canaries) CheckSecrets(t testing.TB, where string, out []byte, secrets ...string) {
	t.Helper()
	for _, s := range append(c.Secrets(), secrets...) {
		if s != "" && bytes.Contains(out, []byte(s)) {
			t.Errorf("%s shows the secret %q", where, s)
		}
	}
}

// CgroupDirs lists the directories of the parent cgroup called name in
// every hierarchy this process belongs to (memory, pids and cpuacct on
// cgroup v1; the unified one on v2 or hybrid).
func CgroupDirs(t testing.TB, name string) []string {
	t.Helper()
	mounts := map[string]string{} // controller (or "unified") -> mount point
	mi, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Errorf("cgroup check: %v", err)
		return nil
	}
	for _, line := range strings.Split(string(mi), "\n") {
		pre, post, ok := strings.Cut(line, " - ")
		if !ok {
			continue
		}
		pf, sf := strings.Fields(pre), strings.Fields(post)
		if len(pf) < 5 || len(sf) < 3 {
			continue
		}
		switch sf[0] {
		case "cgroup2":
			if _, ok := mounts["unified"]; !ok {
				mounts["unified"] = pf[4]
			}
		case "cgroup":
			for _, o := range strings.Split(sf[2], ",") {
				if _, ok := mounts[o]; !ok {
					mounts[o] = pf[4]
				}
			}
		}
	}
	self, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		t.Errorf("cgroup check: %v", err)
		return nil
	}
	var dirs []string
	for _, line := range strings.Split(strings.TrimSpace(string(self)), "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		ctrls := strings.Split(parts[1], ",")
		if parts[1] == "" {
			ctrls = []string{"unified"}
		}
		for _, c := range ctrls {
			if c == "memory" || c == "pids" || c == "cpuacct" || c == "unified" {
				if m, ok := mounts[c]; ok {
					dirs = append(dirs, filepath.Join(m, parts[2], name))
				}
			}
		}
	}
	if len(dirs) == 0 {
		t.Errorf("cgroup check: no cgroup hierarchy found")
	}
	return dirs
}

// LeftoverCgroups lists the run cgroups of this process (named
// "<pid>-<n>") still present under the parent cgroups called names.
func LeftoverCgroups(t testing.TB, names ...string) []string {
	t.Helper()
	prefix := strconv.Itoa(os.Getpid()) + "-"
	var left []string
	for _, name := range names {
		for _, d := range CgroupDirs(t, name) {
			ents, err := os.ReadDir(d)
			if err != nil {
				if !errors.Is(err, os.ErrNotExist) {
					t.Errorf("cgroup check: %v", err)
				}
				continue
			}
			for _, e := range ents {
				if e.IsDir() && strings.HasPrefix(e.Name(), prefix) {
					left = append(left, filepath.Join(d, e.Name()))
				}
			}
		}
	}
	return left
}

// RemoveCgroupParent removes the test's parent cgroup called name, with
// the empty cgroups left in it by test processes that are gone (this one's
// were reported already).
func RemoveCgroupParent(t testing.TB, name string) {
	for _, d := range CgroupDirs(t, name) {
		ents, _ := os.ReadDir(d)
		for _, e := range ents {
			pid, _, ok := strings.Cut(e.Name(), "-")
			if n, err := strconv.Atoi(pid); ok && err == nil && e.IsDir() &&
				(n == os.Getpid() || syscall.Kill(n, 0) == syscall.ESRCH) {
				syscall.Rmdir(filepath.Join(d, e.Name()))
			}
		}
		if err := syscall.Rmdir(d); err != nil && !errors.Is(err, syscall.ENOENT) {
			t.Logf("host: cannot remove the test's parent cgroup %s: %v", d, err)
		}
	}
}

// Pgrep lists the pids of the processes called name (pgrep -x) that
// belong to this test process: its descendants, and any process in the
// cgroup of one of its runs (a process cannot leave its cgroup, so one that
// escaped the box's PID namespace is still found). Other test processes on
// the machine may run the same programs at the same time.
func Pgrep(name string) string {
	out, _ := exec.Command("pgrep", "-x", name).Output()
	self := os.Getpid()
	var ours []string
	for _, f := range strings.Fields(string(out)) {
		pid, err := strconv.Atoi(f)
		if err != nil {
			continue
		}
		if cg, err := os.ReadFile(fmt.Sprintf("/proc/%d/cgroup", pid)); err == nil &&
			strings.Contains(string(cg), "/"+strconv.Itoa(self)+"-") {
			ours = append(ours, f)
			continue
		}
		for p, n := pid, 0; p > 1 && n < 64; n++ {
			if p == self {
				ours = append(ours, f)
				break
			}
			p = Parent(p)
		}
	}
	return strings.Join(ours, ",")
}

// Zombies lists the zombie children of this process.
func Zombies() string {
	var z []string
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...; comm may hold spaces and parentheses.
		i := bytes.LastIndexByte(b, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b[i+1:]))
		if len(f) >= 2 && f[0] == "Z" && f[1] == strconv.Itoa(os.Getpid()) {
			z = append(z, string(b[:i+1]))
		}
	}
	return strings.Join(z, ", ")
}

// Parent returns the parent of pid, or 0.
func Parent(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "PPid:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	return 0
}

// Random is 32 random hex digits.
func Random(tb testing.TB) string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// Lines splits out into lines.
func Lines(out []byte) []string {
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
}

// Grep returns the lines of out containing s.
func Grep(out []byte, s string) string {
	var b strings.Builder
	for _, l := range Lines(out) {
		if strings.Contains(l, s) {
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
