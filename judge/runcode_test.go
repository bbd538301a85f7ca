package judge

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

func TestRunCode(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	tests := []struct {
		name, lang, src string
		args            []string
		stdin           string
		limits          sandbox.Limits
		compiles        bool
		status          sandbox.Status
		exit            int
		stdout          string
	}{
		{name: "echo", lang: "python", src: "import sys\nprint(sys.stdin.read().upper(), end='')\n", stdin: "abc\n", compiles: true, status: sandbox.StatusOK, stdout: "ABC\n"},
		{name: "args", lang: "python", src: "import sys\nprint(' '.join(sys.argv[1:]))\n", args: []string{"a b", "c"}, compiles: true, status: sandbox.StatusOK, stdout: "a b c\n"},
		{name: "exit code", lang: "c", src: "int main(void){return 3;}\n", compiles: true, status: sandbox.StatusRE, exit: 3},
		{name: "compile error", lang: "c", src: "int main(void){return x;}\n"},
		{name: "time limit", lang: "c", src: "int main(void){for(;;);}\n", limits: sandbox.Limits{CPU: 200 * time.Millisecond}, compiles: true, status: sandbox.StatusTLE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := e.langs[tt.lang]
			if l == nil {
				t.Skipf("no %s here", tt.lang)
			}
			res, err := j.RunCode(context.Background(), &CodeRun{
				Lang: l, Sources: []Source{{Name: l.Source, Data: []byte(tt.src)}},
				Args: tt.args, Stdin: []byte(tt.stdin), Limits: tt.limits,
			})
			if err != nil {
				t.Fatal(err)
			}
			if res.Compile.OK != tt.compiles {
				t.Fatalf("compile ok %v, want %v: %s", res.Compile.OK, tt.compiles, res.Compile.Output)
			}
			if !tt.compiles {
				if res.Run != nil || !strings.Contains(res.Compile.Output, "error") {
					t.Errorf("run %+v, compile output %q", res.Run, res.Compile.Output)
				}
				return
			}
			if res.Run.Status != tt.status || res.Run.ExitCode != tt.exit || string(res.Run.Stdout) != tt.stdout {
				t.Errorf("status %s exit %d stdout %q, want %s %d %q (%s)", res.Run.Status, res.Run.ExitCode, res.Run.Stdout, tt.status, tt.exit, tt.stdout, res.Run.Message)
			}
		})
	}
	t.Run("bad source", func(t *testing.T) {
		_, err := j.RunCode(context.Background(), &CodeRun{Lang: e.langs["python"], Sources: []Source{{Name: "main.py", Data: []byte{0, 1, 2, 0xff}}}})
		var se *SourceError
		if !errors.As(err, &se) {
			t.Errorf("err %v, want a SourceError", err)
		}
	})
}

// TestSampleOutput checks that a sample test's result shows what the
// program printed, and a hidden test's does not.
func TestSampleOutput(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	p, err := problem.Load("../testdata/problems/sum")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	rep := judgeFile(t, e, j, p, "../testdata/problems/sum/submissions/accepted/sum.py")
	samples := 0
	for _, tr := range rep.Tests {
		want, _ := os.ReadFile(filepath.Join("../testdata/problems/sum/data", tr.Name+".ans"))
		switch {
		case tr.Group == "sample":
			samples++
			if strings.TrimSpace(tr.Output) != strings.TrimSpace(string(want)) {
				t.Errorf("%s: output %q, want %q", tr.Name, tr.Output, want)
			}
		case tr.Output != "":
			t.Errorf("hidden test %s shows its output %q", tr.Name, tr.Output)
		}
	}
	if samples == 0 {
		t.Fatal("no sample test judged")
	}
}
