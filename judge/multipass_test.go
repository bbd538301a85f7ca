package judge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/problem"
)

// writeTree writes files (path -> contents) under a new directory named
// name and returns it.
func writeTree(t *testing.T, name string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// judgeSource judges one source text (a file name giving its language)
// against the package in dir.
func judgeSource(t *testing.T, e *env, j *Judge, dir, name, src string) *Report {
	t.Helper()
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	l, ok := e.reg.ForFile(name)
	if !ok || e.langs[l.ID] == nil {
		t.Skipf("no toolchain for %s", name)
	}
	rep, err := j.Submit(context.Background(), p, l, []Source{{Name: l.SourceName([]byte(src)), Data: []byte(src)}}, Options{RunAll: true})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// counterProblem is a multi-pass problem whose validator counts passes in
// its feedback directory: the input of pass k is "k", the submission must
// echo it, and the validator asks for a next pass until pass `want`. The
// validator's behaviour is changed by the answer file's words: "reject-
// with-next" writes nextpass.in and exits 43 in pass 1; "forever" always
// asks for another pass.
func counterProblem(t *testing.T, passes string, interactive bool) string {
	typ := "multi-pass"
	if interactive {
		typ = "[interactive, multi-pass]"
	}
	validator := `import os, sys
inp, ans, fb = sys.argv[1], sys.argv[2], sys.argv[3]
k = int(open(inp).read().split()[0])
words = open(ans).read().split()
want, mode = int(words[0]), words[1]
count = os.path.join(fb, "count.txt")
seen = int(open(count).read()) if os.path.exists(count) else 0
if seen != k - 1:
    print("feedback lost: count", seen, "in pass", k, file=sys.stderr)
    sys.exit(1)
open(count, "w").write(str(k))
if INTERACTIVE:
    print(k, flush=True)
got = sys.stdin.read().split()
with open(os.path.join(fb, "judgemessage.txt"), "a") as f:
    f.write("pass %d got %s\n" % (k, got))
if mode == "reject-with-next":
    open(os.path.join(fb, "nextpass.in"), "w").write("%d\n" % (k + 1))
    sys.exit(43)
if got != [str(k)]:
    sys.exit(43)
if k < want or mode == "forever":
    open(os.path.join(fb, "nextpass.in"), "w").write("%d\n" % (k + 1))
sys.exit(42)
`
	validator = strings.Replace(validator, "INTERACTIVE", map[bool]string{true: "True", false: "False"}[interactive], 1)
	return writeTree(t, "counter", map[string]string{
		"problem.yaml": "problem_format_version: 2025-09\ntype: " + typ + "\nname: Counter\nuuid: 11111111-2222-3333-4444-555555555555\n" +
			"limits:\n  time_limit: 2\n  memory: 256\n  validation_passes: " + passes + "\n",
		"data/secret/1.in":             "1\n",
		"data/secret/1.ans":            "3 normal\n",
		"output_validator/validate.py": validator,
		"submissions/accepted/echo.py": "print(input())\n",
	})
}

func TestMultiPass(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	echo := "print(input())\n"
	for _, interactive := range []bool{false, true} {
		name := map[bool]string{false: "batch", true: "interactive"}[interactive]
		t.Run(name, func(t *testing.T) {
			for _, tt := range []struct {
				name, passes, answer, src string
				want                      Verdict
				msg                       string
			}{
				{"three passes", "3", "3 normal", echo, AC, "pass 3 got ['3']"},
				{"more passes than allowed", "2", "3 normal", echo, JE, "asked for pass 3, but limits.validation_passes is 2"},
				{"never decides", "5", "1 forever", echo, JE, "asked for pass 6, but limits.validation_passes is 5"},
				{"nextpass.in with a rejection", "3", "1 reject-with-next", echo, JE, "wrote nextpass.in but rejected"},
				{"wrong in pass 2", "3", "3 normal", "k = int(input())\nprint(k if k != 2 else 7)\n", WA, "pass 2"},
				{"crash in pass 3", "3", "3 normal", "k = int(input())\nassert k != 3\nprint(k)\n", RE, "pass 3"},
			} {
				t.Run(tt.name, func(t *testing.T) {
					dir := counterProblem(t, tt.passes, interactive)
					os.WriteFile(filepath.Join(dir, "data/secret/1.ans"), []byte(tt.answer+"\n"), 0o644)
					rep := judgeSource(t, e, j, dir, "echo.py", tt.src)
					if len(rep.Tests) != 1 {
						t.Fatalf("tests %+v", rep.Tests)
					}
					tr := rep.Tests[0]
					if rep.Verdict != tt.want || tr.Verdict != tt.want || !strings.Contains(tr.Message, tt.msg) {
						t.Errorf("%s (%s), want %s with %q", tr.Verdict, tr.Message, tt.want, tt.msg)
					}
					if tt.want == JE && !strings.Contains(rep.Message, tt.msg) {
						t.Errorf("report message %q, want %q", rep.Message, tt.msg)
					}
				})
			}
		})
	}
}

// TestMultiPassRelay checks the relay test problem's messages: the
// verdict names the pass it came from.
func TestMultiPassRelay(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	p, err := problem.Load("../testdata/problems/relay")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if !p.MultiPass || p.Limits.ValidationPasses != 2 {
		t.Fatalf("relay: multi-pass %v, passes %d", p.MultiPass, p.Limits.ValidationPasses)
	}
	for _, tt := range []struct {
		file string
		want Verdict
		msg  string
	}{
		{"accepted/caesar.py", AC, "pass 2: decoded"},
		{"wrong_answer/identity.py", WA, "encode: the encoding is the word itself"},
		{"wrong_answer/forgets.py", WA, "pass 2: pass 1: encoded as ifmmp\ndecode: got x, want hello"},
		{"run_time_error/second_pass.py", RE, "pass 2: exit status 3"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			rep := judgeFile(t, e, j, p, filepath.Join(p.Dir, "submissions", tt.file))
			if rep.Verdict != tt.want || len(rep.Tests) == 0 || !strings.Contains(rep.Tests[0].Message, tt.msg) {
				t.Errorf("%s, tests %+v; want %s with %q", rep.Verdict, rep.Tests, tt.want, tt.msg)
			}
		})
	}
}
