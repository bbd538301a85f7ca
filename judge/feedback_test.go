package judge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/problem"
)

// validatorProblem is a legacy pass-fail problem (interactive or not) with
// the given Python output validator and problem.yaml limits.
func validatorProblem(t *testing.T, validator, limits string, interactive bool) string {
	validation := "custom"
	if interactive {
		validation = "custom interactive"
	}
	return writeTree(t, "broken", map[string]string{
		"problem.yaml":                    "name: Broken validator\nvalidation: " + validation + "\nlimits:\n  memory: 256\n" + limits,
		".timelimit":                      "2\n",
		"data/secret/1.in":                "1 2\n",
		"data/secret/1.ans":               "3\n",
		"output_validators/v/validate.py": validator,
		"submissions/accepted/sum.py":     "print(sum(map(int, input().split())))\n",
	})
}

// TestJudgeErrors checks that a validator that fails, and a package that
// lost a file, give a judge error with a clear message: never a verdict
// against the submission.
func TestJudgeErrors(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	sum := "print(sum(map(int, input().split())))\n"
	for _, tt := range []struct {
		name, validator, limits string
		interactive             bool
		msg                     []string
	}{
		{"validator raises", "raise ValueError('bad answer file')\n", "", false,
			[]string{"output validator exited with code 1", "must exit with 42 (accepted) or 43", "ValueError: bad answer file"}},
		{"validator exits 0", "import sys\nsys.exit(0)\n", "", false,
			[]string{"exited with code 0"}},
		{"validator killed", "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n", "", false,
			[]string{"output validator crashed", "SIGSEGV"}},
		{"validator times out", "while True:\n    pass\n", "  validation_time: 1\n", false,
			[]string{"output validator ran out of time"}},
		{"validator judgeerror.txt", "import sys\nopen(sys.argv[3] + 'judgeerror.txt', 'w').write('answer file corrupt')\nsys.exit(7)\n", "", false,
			[]string{"exited with code 7", "judgeerror.txt: answer file corrupt"}},
		{"validator writes a link", "import os, sys\nos.symlink('/etc/passwd', sys.argv[3] + 'judgemessage.txt')\nsys.exit(42)\n", "", false,
			[]string{"feedback directory cannot be read back"}},
		{"interactive validator raises", "import sys\nprint(1, flush=True)\nraise ValueError('interactor bug')\n", "", true,
			[]string{"output validator exited with code 1", "ValueError: interactor bug"}},
		{"interactive validator times out", "while True:\n    pass\n", "  validation_time: 1\n", true,
			[]string{"output validator ran out of time"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := validatorProblem(t, tt.validator, tt.limits, tt.interactive)
			rep := judgeSource(t, e, j, dir, "sum.py", sum)
			if rep.Verdict != JE || len(rep.Tests) != 1 || rep.Tests[0].Verdict != JE {
				t.Fatalf("verdict %s, tests %+v; want JE", rep.Verdict, rep.Tests)
			}
			for _, m := range tt.msg {
				if !strings.Contains(rep.Message, m) {
					t.Errorf("message %q lacks %q", rep.Message, m)
				}
			}
		})
	}

	// A package that lost an answer file after loading: the default
	// validator and a custom one.
	for _, name := range []string{"sum", "anypair"} {
		t.Run("missing answer file/"+name, func(t *testing.T) {
			p, err := problem.Load(copyPackage(t, name))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			gone := p.Cases()[0]
			if err := os.Remove(gone.AnsPath); err != nil {
				t.Fatal(err)
			}
			rep := judgeFile(t, e, j, p, filepath.Join(p.Dir, "submissions/accepted", firstFile(t, filepath.Join(p.Dir, "submissions/accepted"), ".py")))
			if rep.Verdict != JE || !strings.Contains(rep.Message, gone.Name+": the answer file is missing") {
				t.Errorf("verdict %s (%s), want JE for the missing answer of %s", rep.Verdict, rep.Message, gone.Name)
			}
		})
	}
	// The test is not run at all: a submission that would time out is not
	// blamed either (plain and multi-pass problems).
	for _, name := range []string{"sum", "relay"} {
		t.Run("missing answer file, spinning submission/"+name, func(t *testing.T) {
			dir := copyPackage(t, name)
			p, err := problem.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			gone := p.Cases()[0]
			p.Close()
			rep := judgeSourceWithout(t, e, j, dir, gone.AnsPath, "spin.py", "while True:\n    pass\n")
			if rep.Verdict != JE || len(rep.Tests) != 1 || !strings.Contains(rep.Message, "the answer file is missing") {
				t.Errorf("verdict %s (%s), tests %+v; want JE without running", rep.Verdict, rep.Message, rep.Tests)
			}
		})
	}
}

// judgeSourceWithout loads the package in dir, removes the file gone, and
// judges one source text against it.
func judgeSourceWithout(t *testing.T, e *env, j *Judge, dir, gone, name, src string) *Report {
	t.Helper()
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	l, ok := e.reg.ForFile(name)
	if !ok || e.langs[l.ID] == nil {
		t.Skipf("no toolchain for %s", name)
	}
	rep, err := j.Submit(context.Background(), p, l, []Source{{Name: l.SourceName([]byte(src)), Data: []byte(src)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// firstFile names the first file in dir with the extension ext.
func firstFile(t *testing.T, dir, ext string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if filepath.Ext(e.Name()) == ext {
			return e.Name()
		}
	}
	t.Fatalf("no %s file in %s", ext, dir)
	return ""
}

func TestReadScores(t *testing.T) {
	for _, tt := range []struct {
		name     string
		accepted bool
		scores   bool
		fb       map[string][]byte
		score    float64 // ValidatorScore (or ScoreMultiplier); -1 for none
		mult     bool
		err      string
	}{
		{"none", true, true, map[string][]byte{"judgemessage.txt": []byte("ok")}, -1, false, ""},
		{"none, no scores", true, false, nil, -1, false, ""},
		{"score", true, true, map[string][]byte{"score.txt": []byte(" 12.5\n")}, 12.5, false, ""},
		{"multiplier", true, true, map[string][]byte{"score_multiplier.txt": []byte("0.25\n")}, 0.25, true, ""},
		{"score on a rejection", false, true, map[string][]byte{"score.txt": []byte("1")}, -1, false, "for a test case it rejected"},
		{"score without scoring", true, false, map[string][]byte{"score.txt": []byte("1")}, -1, false, "takes no scores from its validator"},
		{"both", true, true, map[string][]byte{"score.txt": []byte("1"), "score_multiplier.txt": []byte("1")}, -1, false, "both score.txt and score_multiplier.txt"},
		{"not a number", true, true, map[string][]byte{"score.txt": []byte("ten")}, -1, false, "not a number"},
		{"NaN", true, true, map[string][]byte{"score.txt": []byte("NaN")}, -1, false, "not a number"},
		{"empty", true, true, map[string][]byte{"score.txt": nil}, -1, false, "not a number"},
		{"multiplier above 1", true, true, map[string][]byte{"score_multiplier.txt": []byte("1.5")}, -1, false, "outside [0, 1]"},
	} {
		var tr TestResult
		err := readScores(&tr, tt.accepted, tt.fb, tt.scores)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.score < 0 && (tr.ValidatorScore != nil || tr.ScoreMultiplier != nil):
			t.Errorf("%s: scores %v %v, want none", tt.name, tr.ValidatorScore, tr.ScoreMultiplier)
		case tt.score >= 0 && tt.mult && (tr.ScoreMultiplier == nil || *tr.ScoreMultiplier != tt.score):
			t.Errorf("%s: multiplier %v, want %v", tt.name, tr.ScoreMultiplier, tt.score)
		case tt.score >= 0 && !tt.mult && (tr.ValidatorScore == nil || *tr.ValidatorScore != tt.score):
			t.Errorf("%s: score %v, want %v", tt.name, tr.ValidatorScore, tt.score)
		}
	}
}
