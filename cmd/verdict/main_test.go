package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root (namespaces, cgroups); run the tests as root")
	}
}

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExecJSON(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	os.WriteFile(in, []byte("hello from stdin\n"), 0o644)
	outFile := filepath.Join(dir, "out.txt")
	code, stdout, stderr := runCmd(t, "exec", "--json", "--cpu", "1s", "--mem", "64MiB", "--stdin", in, "--stdout", outFile,
		"--env", "GREETING=hi", "--", "/bin/sh", "-c", `cat; echo "$GREETING"; echo warn >&2; exit 4`)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	var res execOutput
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if res.Status != sandbox.StatusRE || res.ExitCode != 4 {
		t.Errorf("status %s exit %d, want RE 4", res.Status, res.ExitCode)
	}
	if res.Stdout != "hello from stdin\nhi\n" || res.Stderr != "warn\n" {
		t.Errorf("stdout %q stderr %q", res.Stdout, res.Stderr)
	}
	if b, _ := os.ReadFile(outFile); string(b) != res.Stdout {
		t.Errorf("--stdout file holds %q", b)
	}
	if res.MemoryKiB <= 0 || res.WallMs <= 0 {
		t.Errorf("memory %d KiB wall %.3f ms: not measured", res.MemoryKiB, res.WallMs)
	}
	// Every documented field is present.
	var raw map[string]any
	json.Unmarshal([]byte(stdout), &raw)
	for _, k := range []string{"status", "exit_code", "signal", "cpu_ms", "wall_ms", "memory_kib", "stdout", "stderr", "message"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
}

func TestExecLimitsAndBinds(t *testing.T) {
	needRoot(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "data.txt"), []byte("bound\n"), 0o644)
	work := t.TempDir()
	os.WriteFile(filepath.Join(work, "w.txt"), []byte("copied\n"), 0o644)
	cases := []struct {
		name   string
		args   []string
		status sandbox.Status
		stdout string
	}{
		{"tle", []string{"--cpu", "0.2", "--", "/bin/sh", "-c", "while :; do :; done"}, sandbox.StatusTLE, ""},
		{"ole", []string{"--stdout-limit", "1KiB", "--", "/usr/bin/yes"}, sandbox.StatusOLE, ""},
		{"bind", []string{"--bind", dir + ":/data", "--", "/bin/cat", "/data/data.txt"}, sandbox.StatusOK, "bound\n"},
		{"dir", []string{"--dir", work, "--", "/bin/cat", "w.txt"}, sandbox.StatusOK, "copied\n"},
		{"read-only bind", []string{"--bind", dir + ":/data", "--", "/bin/sh", "-c", "echo x > /data/new 2>/dev/null || echo refused"}, sandbox.StatusOK, "refused\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, append([]string{"exec", "--json"}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var res execOutput
			if err := json.Unmarshal([]byte(stdout), &res); err != nil {
				t.Fatal(err)
			}
			if res.Status != c.status || (c.stdout != "" && res.Stdout != c.stdout) {
				t.Errorf("status %s stdout %q (%s), want %s %q", res.Status, res.Stdout, res.Message, c.status, c.stdout)
			}
		})
	}
}

func TestExecUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"exec"},
		{"exec", "--cpu", "fast", "--", "/bin/true"},
		{"exec", "--mem", "lots", "--", "/bin/true"},
		{"exec", "--env", "NOEQUALS", "--", "/bin/true"},
		{"exec", "--bind", "relative/path", "--", "/bin/true"},
		{"exec", "--stdin", "/no/such/file", "--", "/bin/true"},
		{"nosuchcommand"},
		{},
	} {
		code, _, stderr := runCmd(t, args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2 (usage)", args, code)
		}
		if strings.TrimSpace(stderr) == "" {
			t.Errorf("%q: no message", args)
		}
	}
}

func TestExecInternalError(t *testing.T) {
	needRoot(t)
	code, stdout, _ := runCmd(t, "exec", "--json", "--", "/no/such/program")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var res execOutput
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.Status != sandbox.StatusIE || res.Message == "" {
		t.Errorf("got %s (%v)", stdout, err)
	}
}

func TestDoctor(t *testing.T) {
	needRoot(t)
	code, stdout, stderr := runCmd(t, "doctor", "--json")
	var rep sandbox.Report
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s%s", err, stdout, stderr)
	}
	if code != 0 || !rep.OK {
		t.Fatalf("doctor failed on a machine that runs every other test: %s", stdout)
	}
	names := map[string]bool{}
	for _, c := range rep.Checks {
		names[c.Name] = true
	}
	for _, want := range []string{"root", "cgroup version", "cgroup controllers", "seccomp", "box", "run"} {
		if !names[want] {
			t.Errorf("check %q missing", want)
		}
	}
	code, stdout, _ = runCmd(t, "doctor")
	if code != 0 || !strings.Contains(stdout, "every required isolation layer is available") {
		t.Errorf("human output: %s", stdout)
	}
}

func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"256MiB", 256 << 20, true}, {"64M", 64 << 20, true}, {"1G", 1 << 30, true}, {"1048576", 1 << 20, true},
		{"1.5KiB", 1536, true}, {"", 0, false}, {"-1M", 0, false}, {"lots", 0, false}, {"1e30G", 0, false},
	}
	for _, c := range cases {
		got, err := parseSize(c.in)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("parseSize(%q) = %d, %v", c.in, got, err)
		}
	}
}

func TestLanguages(t *testing.T) {
	code, stdout, stderr := runCmd(t, "languages", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var langs []struct{ ID, Name, Version string }
	if err := json.Unmarshal([]byte(stdout), &langs); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, l := range langs {
		ids[l.ID] = true
		if l.Version == "" {
			t.Errorf("%s listed without a version", l.ID)
		}
	}
	if !ids["c"] {
		t.Errorf("C missing from %s", stdout)
	}
	if code, _, _ := runCmd(t, "languages", "--languages", "/no/such/file"); code != 2 {
		t.Errorf("a missing languages file: exit %d, want 2", code)
	}
}

func TestJudge(t *testing.T) {
	needRoot(t)
	cache := testCache(t)
	prob := "../../testdata/problems/sum"
	code, stdout, stderr := runCmd(t, "judge", "--json", "--cache", cache, "--problem", prob, prob+"/submissions/accepted/sum.c")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Verdict string
		Compile struct{ OK bool }
		Tests   []struct {
			Name, Verdict string
			CPUMs         float64 `json:"cpu_ms"`
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Verdict != "AC" || !rep.Compile.OK || len(rep.Tests) != 4 || rep.Tests[0].Name != "sample/1" {
		t.Errorf("report %+v", rep)
	}
	bad := filepath.Join(t.TempDir(), "bad.c")
	os.WriteFile(bad, []byte("int main(void) { return y; }\n"), 0o644)
	code, stdout, _ = runCmd(t, "judge", "--cache", cache, "--problem", prob, bad)
	if code != 0 || !strings.Contains(stdout, "CE") || !strings.Contains(stdout, "bad.c") && !strings.Contains(stdout, "main.c:1") {
		t.Errorf("compile error: exit %d\n%s", code, stdout)
	}
	for _, args := range [][]string{
		{"judge", "--problem", prob},
		{"judge", prob + "/submissions/accepted/sum.c"},
		{"judge", "--problem", "/no/such/problem", prob + "/submissions/accepted/sum.c"},
		{"judge", "--cache", cache, "--problem", prob, "--lang", "cobol", prob + "/submissions/accepted/sum.c"},
		{"judge", "--cache", cache, "--problem", prob, "/no/such/source.c"},
		{"judge", "--cache", cache, "--problem", prob, prob + "/problem.yaml"},
	} {
		if code, _, stderr := runCmd(t, args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, want 2 with a message", args, code)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty.py")
	os.WriteFile(empty, nil, 0o644)
	if code, _, stderr := runCmd(t, "judge", "--cache", cache, "--problem", prob, empty); code != 2 || !strings.Contains(stderr, "empty") {
		t.Errorf("empty source: exit %d %s", code, stderr)
	}
}

func TestProblemVerify(t *testing.T) {
	needRoot(t)
	code, stdout, stderr := runCmd(t, "problem", "verify", "../../testdata/problems/anypair", "--json", "--cache", testCache(t))
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	var rep struct {
		Submissions []struct {
			Path, Expected, Verdict string
			OK                      bool
		}
		Summary struct{ OK bool }
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if !rep.Summary.OK || len(rep.Submissions) != 3 {
		t.Errorf("report %+v", rep)
	}
	for _, args := range [][]string{{"problem"}, {"problem", "verify"}, {"problem", "frobnicate"}} {
		if code, _, _ := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	if code, _, stderr := runCmd(t, "problem", "verify", "/no/such/package"); code != 1 || stderr == "" {
		t.Errorf("missing package: exit %d %q", code, stderr)
	}
}

// testCache is the cache directory the tests share: warming the toolchain
// caches (Go's standard library, C++'s precompiled header) takes a minute,
// once per machine.
func testCache(t *testing.T) string {
	d := filepath.Join(os.TempDir(), "verdict-test-cache", "cli")
	if err := os.MkdirAll(d, 0o700); err != nil {
		t.Fatal(err)
	}
	return d
}
