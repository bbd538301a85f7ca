package judge

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/problem"
)

// TestInteractiveProblems judges every submission of the interactive test
// problems and checks the verdict against the directory it sits in.
func TestInteractiveProblems(t *testing.T) {
	e := newEnv(t)
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	dirs, _ := filepath.Glob("../testdata/problems/*")
	n := 0
	for _, dir := range dirs {
		p, err := problem.Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		defer p.Close()
		if !p.Interactive {
			continue
		}
		n++
		for _, s := range p.Submissions {
			t.Run(p.ShortName+"/"+s.Category+"/"+filepath.Base(s.Path), func(t *testing.T) {
				t.Parallel()
				want, ok := expected[s.Category]
				if !ok {
					t.Skipf("no expectation for %s", s.Category)
				}
				rep := judgeFile(t, e, j, p, s.Path)
				t.Logf("%s: %s", rep.Verdict, summary(rep))
				for _, w := range want {
					if rep.Verdict == w {
						return
					}
				}
				t.Errorf("verdict %s, want %v; compile %q; tests %+v", rep.Verdict, want, rep.Compile.Output, rep.Tests)
			})
		}
	}
	if n == 0 {
		t.Fatal("no interactive test problems")
	}
}

// summary is the last test's verdict and message, for the log.
func summary(rep *Report) string {
	if len(rep.Tests) == 0 {
		return rep.Message
	}
	last := rep.Tests[len(rep.Tests)-1]
	return last.Name + " " + string(last.Verdict) + " " + last.Message
}

// TestInteractiveRelay checks the relay between two runs on its own: data
// in order, end of file after everything queued, abort ending the copy.
func TestInteractiveRelay(t *testing.T) {
	r := newRelay()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		_, err := io.Copy(&out, r)
		done <- err
	}()
	var want []byte
	for i := range 1000 {
		b := bytes.Repeat([]byte{byte(i)}, i%97+1)
		want = append(want, b...)
		if n, err := r.Write(b); n != len(b) || err != nil {
			t.Fatalf("write: %d, %v", n, err)
		}
	}
	r.closeWrite()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Fatalf("relayed %d bytes, want %d, or not in order", out.Len(), len(want))
	}

	// Abort ends a copy waiting for data, and later writes are discarded
	// without blocking.
	r = newRelay()
	go func() {
		_, err := io.Copy(io.Discard, r)
		done <- err
	}()
	time.Sleep(10 * time.Millisecond)
	r.abort()
	select {
	case err := <-done:
		if err == nil {
			t.Error("aborted copy ended without an error")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("abort did not end the copy")
	}
	if n, err := r.Write([]byte("x")); n != 1 || err != nil {
		t.Errorf("write after abort: %d, %v", n, err)
	}

	// A consumer that fails aborts the relay: the producer never blocks.
	r = newRelay()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		io.Copy(failWriter{}, r)
	}()
	for range 100 {
		r.Write(make([]byte, 1<<16))
	}
	wg.Wait()
	r.mu.Lock()
	queued := len(r.buf)
	r.mu.Unlock()
	if queued != 0 {
		t.Errorf("%d bytes still queued for a consumer that is gone", queued)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

// TestInteractivePrecedence checks the order in which an interactive
// test's verdict is decided, with validators made for it.
func TestInteractivePrecedence(t *testing.T) {
	e := newEnv(t)
	if e.langs["c"] == nil {
		t.Skip("no C toolchain")
	}
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	const (
		readAll = "#include <stdio.h>\nstatic void drain(void){int c; while((c=getchar())!=EOF);}\n"
		spin    = "for(volatile unsigned long i=0;;i++){}"
	)
	for _, tt := range []struct {
		name, validator, submission string
		want                        Verdict
		fast                        bool // decided well before the submission's limits
	}{
		// 1. A validator that neither accepts nor rejects is a judge error,
		// whatever the submission did.
		{"validator exits 1", readAll + "int main(void){drain(); return 1;}",
			"int main(void){return 0;}", JE, false},
		{"validator crashes", "#include <stdlib.h>\nint main(void){abort();}",
			spin, JE, true},
		// 2. Rejected first: WA, not the timeout or crash that follows.
		{"rejected first, submission spins", "int main(void){return 43;}", spin, WA, true},
		{"rejected first, submission crashes at EOF",
			"int main(void){return 43;}",
			"#include <stdio.h>\nint main(void){int x; if(scanf(\"%d\",&x)!=1) return 5; return 0;}", WA, true},
		// 3. and 4. Accepted first does not save a submission that then
		// times out or crashes.
		{"accepted first, submission crashes", "int main(void){return 42;}",
			"#include <stdio.h>\nint main(void){int x; if(scanf(\"%d\",&x)!=1) return 5; return 0;}", RE, true},
		{"accepted first, submission spins", "int main(void){return 42;}", spin, TLE, false},
		// The submission ended first: its crash counts, though the
		// validator rejects after it.
		{"submission crashes first", readAll + "int main(void){drain(); return 43;}",
			"int main(void){return 3;}", RE, true},
		// 5. Otherwise the validator's verdict.
		{"accepted", readAll + "int main(void){drain(); return 42;}", "int main(void){return 0;}", AC, true},
		{"rejected after the submission", readAll + "int main(void){drain(); return 43;}",
			"int main(void){return 0;}", WA, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := tempInteractive(t, tt.validator)
			sub := tt.submission
			if sub == spin {
				sub = "int main(void){" + spin + "}"
			}
			start := time.Now()
			rep, err := j.Submit(context.Background(), p, e.langs["c"], []Source{{Name: "main.c", Data: []byte(sub)}}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			took := time.Since(start)
			if rep.Verdict != tt.want {
				t.Fatalf("verdict %s (%s), want %s; tests %+v", rep.Verdict, rep.Message, tt.want, rep.Tests)
			}
			if tt.fast && took > 2*time.Second {
				t.Errorf("took %v: the verdict should not wait for the submission's limits", took)
			}
		})
	}
}

// tempInteractive writes an interactive problem with one test and the
// given C validator.
func tempInteractive(t *testing.T, validator string) *problem.Problem {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"problem.yaml":                     "name: Temp\nvalidation: custom interactive\n",
		".timelimit":                       "1\n",
		"data/secret/1.in":                 "1\n",
		"data/secret/1.ans":                "1\n",
		"output_validators/v/validator.c":  validator + "\n",
		"submissions/accepted/placeholder": "",
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// TestInteractiveManyRounds checks that a long conversation is relayed
// intact and fast enough.
func TestInteractiveManyRounds(t *testing.T) {
	e := newEnv(t)
	if e.langs["c"] == nil {
		t.Skip("no C toolchain")
	}
	j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
	const rounds = 20000
	p := tempInteractive(t, `#include <stdio.h>
int main(void) {
    for (int i = 0; i < 20000; i++) {
        long x;
        printf("%d\n", i); fflush(stdout);
        if (scanf("%ld", &x) != 1 || x != 2L * i + 1) return 43;
    }
    printf("-1\n"); fflush(stdout);
    char c;
    return scanf(" %c", &c) == 1 ? 43 : 42;
}`)
	sub := `#include <stdio.h>
int main(void) {
    long x;
    while (scanf("%ld", &x) == 1 && x >= 0) { printf("%ld\n", 2 * x + 1); fflush(stdout); }
    return 0;
}`
	start := time.Now()
	rep, err := j.Submit(context.Background(), p, e.langs["c"], []Source{{Name: "main.c", Data: []byte(sub)}}, Options{TimeLimit: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Verdict != AC {
		t.Fatalf("verdict %s, want AC; compile %q; tests %+v", rep.Verdict, rep.Compile.Output, rep.Tests)
	}
	t.Logf("%d rounds in %v (tests %+v)", rounds, time.Since(start), rep.Tests)
}
