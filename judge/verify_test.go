package judge

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/verdict-judge/verdict/problem"
)

// copyPackage copies a test problem into a temporary directory to change it.
func copyPackage(t *testing.T, name string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), name)
	if out, err := exec.Command("cp", "-r", filepath.Join("../testdata/problems", name), dst).CombinedOutput(); err != nil {
		t.Fatalf("cp: %v %s", err, out)
	}
	return dst
}

func TestVerify(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	ctx := context.Background()
	verify := func(t *testing.T, dir string) *VerifyReport {
		t.Helper()
		p, err := problem.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		rep, err := j.Verify(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}

	t.Run("every test problem verifies", func(t *testing.T) {
		dirs, _ := filepath.Glob("../testdata/problems/*")
		if len(dirs) < 6 {
			t.Fatalf("test problems: %v", dirs)
		}
		for _, dir := range dirs {
			rep := verify(t, dir)
			if !rep.Summary.OK {
				t.Errorf("%s: %+v", dir, rep)
			}
		}
	})

	t.Run("time limit from the accepted submissions", func(t *testing.T) {
		dir := copyPackage(t, "divide")
		os.Remove(filepath.Join(dir, ".timelimit"))
		rep := verify(t, dir)
		if rep.TimeLimitFrom != "submissions" || rep.TimeLimitMs < 1000 || rep.TimeLimitMs%1000 != 0 || !rep.Summary.OK {
			t.Errorf("time limit %d ms from %s; report %+v", rep.TimeLimitMs, rep.TimeLimitFrom, rep)
		}
	})

	t.Run("mismatch and invalid input", func(t *testing.T) {
		dir := copyPackage(t, "sum")
		// A wrong solution filed as accepted, and an input the validator rejects.
		os.WriteFile(filepath.Join(dir, "submissions/accepted/wrong.py"), []byte("print(0)\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "data/secret/04.in"), []byte("1  2\n"), 0o644)
		os.WriteFile(filepath.Join(dir, "data/secret/04.ans"), []byte("3\n"), 0o644)
		rep := verify(t, dir)
		if rep.Summary.OK || rep.Summary.Mismatches != 1 || rep.Summary.InvalidInputs != 1 {
			t.Fatalf("summary %+v", rep.Summary)
		}
		for _, s := range rep.Submissions {
			if s.Path == "submissions/accepted/wrong.py" && (s.OK || s.Verdict != WA) {
				t.Errorf("wrong.py: %+v", s)
			}
		}
		if rep.InvalidInputs[0].Case != "secret/04" {
			t.Errorf("invalid input: %+v", rep.InvalidInputs)
		}
	})
}
