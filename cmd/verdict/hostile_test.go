package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/internal/hostile"
	"github.com/verdict-judge/verdict/sandbox"
)

// pipelineSubset is the part of the shared corpus that `make test` judges
// through the whole pipeline: one program of each kind of attack.
// VERDICT_HOSTILE=full (make hostile) judges every program.
var pipelineSubset = []string{
	"fork_bomb.c", "mem_bomb_malloc.c", "mem_bomb_list.py", "busy_loop.py", "output_flood.c",
	"orphan_daemon.c", "symlink_escape.c", "read_shadow.c", "env_dump.c", "steal_answer.py",
	"tamper_checker.py", "leaked_fds.c", "keyctl.c", "tcp_localhost.c", "compile_include_secret.c",
	"mount_unshare_chroot.c", "exec_shell.py", "shared_tmp_snoop.py", "fs_read.js", "ptrace_parent.c",
}

// cpuBound are the programs whose verdict depends on getting the CPUs:
// on a busy machine they may end within the time limit having used less
// CPU time than it, which is then the right verdict; they are judged again
// (and skipped when the machine never gives them the CPUs).
var cpuBound = []string{"cpu_threads.c", "cpu_threads.go"}

// lastLineValidator rejects a run that printed a PWNED: marker or whose
// last line is a number other than the answer (most programs of the corpus
// print 42 last, the cheating ones 0; the others print only their
// BLOCKED: lines and an exit status 0 is their OK); it shows the output to
// the jury (in the test's message), so that the suite can search it for
// canaries.
const lastLineValidator = `import sys
out = sys.stdin.buffer.read().decode("utf-8", "replace")
ans = open(sys.argv[2]).read().strip()
lines = [l.strip() for l in out.splitlines() if l.strip()]
with open(sys.argv[3] + "judgemessage.txt", "w") as f:
    f.write(out[-20000:])
last = lines[-1] if lines else ""
if "PWNED:" in out or (last.lstrip("-").isdigit() and last != ans):
    sys.exit(43)
sys.exit(42)
`

// verdictWords maps the manifest's verdict words onto the judge's: the
// programs print 42, judged against the answer 42, so that "ran and was
// contained" is Accepted.
var verdictWords = map[string]string{"OK": "AC", "WA": "WA", "TLE": "TLE", "MLE": "MLE", "OLE": "OLE", "RE": "RE", "CE": "CE"}

// hostileProblem writes the package the corpus is judged on: two tests
// (the second shows whether anything survived the first), the answer 42,
// a time limit of 1 s and 256 MiB of memory.
func hostileProblem(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"problem.yaml":                           "name: Hostile\nvalidation: custom\nlimits:\n  memory: 256\n",
		".timelimit":                             "1\n",
		"data/secret/1.in":                       "",
		"data/secret/1.ans":                      "42\n",
		"data/secret/2.in":                       "",
		"data/secret/2.ans":                      "42\n",
		"output_validators/lastline/validate.py": lastLineValidator,
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// treeHash is a digest of every file under dir (names and contents).
func treeHash(t *testing.T, dir string) string {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		io.WriteString(h, p+"\x00")
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// starved reports whether a judging ended AC with less CPU time than the
// time limit on every test (1 s, the hostile problem's).
func starved(report string) bool {
	var rep struct {
		Verdict string `json:"verdict"`
		Tests   []struct {
			CPUMs float64 `json:"cpu_ms"`
		} `json:"tests"`
	}
	if json.Unmarshal([]byte(report), &rep) != nil || rep.Verdict != "AC" {
		return false
	}
	for _, tr := range rep.Tests {
		if tr.CPUMs >= 1000 {
			return false
		}
	}
	return true
}

func mountCount(t *testing.T) int {
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Count(b, []byte("\n"))
}

// TestHostilePipeline judges the hostile programs of the shared corpus
// through the whole pipeline, as `verdict judge --json` does (compile
// included), with canaries planted: a secret in this process's
// environment, a host file never mounted, the tests' answers, and a second
// sandbox holding a secret while the suite runs. After each judging: the
// verdict is one the manifest allows, no PWNED: marker and no canary in
// anything the judge printed, the problem's files unchanged, no process
// or mount left; after the suite: no cgroup left, the host files intact,
// the second sandbox intact.
func TestHostilePipeline(t *testing.T) {
	needRoot(t)
	dir, err := hostile.SharedDir(2)
	if err != nil {
		t.Skipf("shared attack corpus not found beside the repository: %v", err)
	}
	full := os.Getenv("VERDICT_HOSTILE") == "full"
	canaries := hostile.Plant(t, "verdict", "verdict-test-companion")

	// The second sandbox: a program holding a secret file, alive for the
	// whole suite.
	companion, err := sandbox.New(context.Background(), sandbox.Config{Boxes: 1, CgroupName: "verdict-test-companion"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hostile.RemoveCgroupParent(t, "verdict-test-companion") })
	t.Cleanup(func() { companion.Close() })
	secret := "companion-secret-" + hostile.Random(t)
	stdinR, stdinW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	companionDone := make(chan *sandbox.Result, 1)
	go func() {
		defer stdinR.Close()
		r, err := companion.Run(context.Background(), &sandbox.Spec{
			Args:   []string{"/bin/sh", "-c", "read x; cat secret.txt"},
			Files:  []sandbox.File{{Name: "secret.txt", Data: []byte(secret)}},
			Stdin:  stdinR,
			Limits: sandbox.Limits{CPU: 10 * time.Second, Wall: 30 * time.Minute},
		})
		if err != nil {
			t.Errorf("companion: %v", err)
		}
		companionDone <- r
	}()

	pkg := hostileProblem(t)
	before := treeHash(t, pkg)
	cache := filepath.Join(os.TempDir(), "verdict-test-cache", "cli")
	tried, contained, right := 0, 0, 0
	for _, e := range hostile.Manifest(t, dir) {
		if !full && !slices.Contains(pipelineSubset, e.File) {
			continue
		}
		var allow []string
		for _, w := range e.Verdicts() {
			allow = append(allow, verdictWords[w])
		}
		t.Run(e.File, func(t *testing.T) {
			tried++
			mounts := mountCount(t)
			var code int
			var stdout, stderr string
			for try := 1; ; try++ {
				code, stdout, stderr = runCmd(t, "judge", "--problem", pkg, "--json", "--cache", cache, filepath.Join(dir, e.File))
				if !slices.Contains(cpuBound, e.File) || !starved(stdout) {
					break
				}
				if try == 3 {
					t.Skipf("the machine never gave %s a second of CPU within its wall-clock limit", e.File)
				}
				t.Logf("judged AC within the CPU limit: the machine is busy; again")
			}
			out := []byte(stdout + stderr)
			// Containment first: nothing leaked, nothing left, nothing changed.
			canaries.CheckText(t, "judge output", out, secret)
			if p := hostile.Pgrep("orphan_canary"); p != "" {
				t.Errorf("processes left: orphan_canary %s", p)
			}
			if m := mountCount(t); m != mounts {
				t.Errorf("host mount table changed: %d mounts, %d before", m, mounts)
			}
			if h := treeHash(t, pkg); h != before {
				t.Fatalf("the problem's files (tests, answers, validator) changed")
			}
			if !t.Failed() {
				contained++
			}
			if code != 0 {
				if strings.Contains(stderr, "toolchain is not installed") {
					t.Skipf("no toolchain: %s", stderr)
				}
				t.Fatalf("verdict judge exit %d: %s", code, stderr)
			}
			var rep struct {
				Verdict string `json:"verdict"`
				Tests   []struct {
					Name, Verdict, Message string
				} `json:"tests"`
			}
			if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
				t.Fatalf("output is not JSON: %v: %s", err, stdout)
			}
			if !slices.Contains(allow, rep.Verdict) {
				t.Errorf("verdict %s, the manifest allows %v (%s); tests %+v", rep.Verdict, allow, e.Verdict, rep.Tests)
				return
			}
			right++
			t.Logf("%s (allowed %v)", rep.Verdict, allow)
		})
	}
	stdinW.Write([]byte("go\n"))
	stdinW.Close()
	if r := <-companionDone; r == nil || r.Status != sandbox.StatusOK || string(r.Stdout) != secret {
		t.Errorf("the second sandbox did not end intact: %+v", r)
	}
	t.Logf("hostile programs through verdict judge: %d tried, %d contained, %d with a verdict the manifest allows", tried, contained, right)
	if f := os.Getenv("VERDICT_HOSTILE_REPORT"); f != "" {
		report := fmt.Sprintf("| hostile programs judged through `verdict judge` | %d |\n| contained (no leak, nothing left or changed on the host) | %d |\n| verdict the manifest allows | %d |\n", tried, contained, right)
		if err := os.WriteFile(f, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}
}
