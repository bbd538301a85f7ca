package judge

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
)

// TestJudgeBenchmarkReport measures, side by side in one run, judging a
// hello-world problem with 10 tests against the bare compile and 10 runs of
// the same program with no sandbox, and the compile-cache hit time.
//
//	VERDICT_BENCH=1 go test ./judge -run TestJudgeBenchmarkReport -v -count=1
func TestJudgeBenchmarkReport(t *testing.T) {
	if os.Getenv("VERDICT_BENCH") == "" {
		t.Skip("a benchmark, not a test: run with VERDICT_BENCH=1")
	}
	e := newEnv(t)
	ctx := context.Background()
	// A problem with 10 tests, made here.
	dir := filepath.Join(t.TempDir(), "hello")
	for i := 0; i < 10; i++ {
		sub := "secret"
		if i == 0 {
			sub = "sample"
		}
		d := filepath.Join(dir, "data", sub)
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, fmt.Sprintf("%02d.in", i)), []byte(fmt.Sprintf("%d\n", i)), 0o644)
		os.WriteFile(filepath.Join(d, fmt.Sprintf("%02d.ans", i)), []byte("hello\n"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "problem.yaml"), []byte("name: Hello\n"), 0o644)
	os.WriteFile(filepath.Join(dir, ".timelimit"), []byte("1\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "submissions/accepted"), 0o755)
	os.WriteFile(filepath.Join(dir, "submissions/accepted/h.py"), []byte("print('hello')\n"), 0o644)
	p, err := problem.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()

	srcs := map[string]string{
		"cpp":    "#include <bits/stdc++.h>\nint main(){int n; std::cin>>n; std::cout<<\"hello\\n\";}\n",
		"python": "input()\nprint('hello')\n",
	}
	// The baseline compiles with the same precompiled header the judge uses.
	pch := ""
	overlays, _ := PrepareCaches(ctx, []*lang.Language{e.langs["cpp"]}, cacheDir(t))
	for _, o := range overlays {
		if o.Target == "/cache/cpp" {
			pch = o.Source
		}
	}
	const rounds = 7
	var b strings.Builder
	fmt.Fprintf(&b, "| language | bare compile + 10 runs | verdict judge (compile in the sandbox) | overhead | verdict judge, compile cached | overhead |\n|---|---|---|---|---|---|\n")
	var cacheHits []time.Duration
	for _, id := range []string{"cpp", "python"} {
		l := e.langs[id]
		if l == nil {
			t.Skipf("%s not present", id)
		}
		var bare, cold, warm []time.Duration
		for r := 0; r < rounds; r++ {
			bare = append(bare, bareJudge(t, id, srcs[id], dir, pch))
			// Cold: a fresh compile cache (the toolchain caches stay warm).
			j := &Judge{SB: e.sb, Compiler: &Compiler{SB: e.sb, CacheDir: t.TempDir()}, Langs: e.reg}
			src := []Source{{Name: l.SourceName([]byte(srcs[id])), Data: []byte(srcs[id])}}
			t0 := time.Now()
			rep, err := j.Submit(ctx, p, l, src, Options{})
			cold = append(cold, time.Since(t0))
			if err != nil || rep.Verdict != AC {
				t.Fatalf("%s: %v %+v", id, err, rep)
			}
			t0 = time.Now()
			rep, err = j.Submit(ctx, p, l, src, Options{})
			warm = append(warm, time.Since(t0))
			if err != nil || rep.Verdict != AC || (len(l.Compile) > 0 && !rep.Compile.Cached) {
				t.Fatalf("%s cached: %v %+v", id, err, rep)
			}
			if id == "cpp" {
				t0 = time.Now()
				c, err := j.Compiler.Compile(ctx, l, src)
				cacheHits = append(cacheHits, time.Since(t0))
				if err != nil || !c.Cached {
					t.Fatal("no cache hit")
				}
			}
		}
		mb, mc, mw := median(bare), median(cold), median(warm)
		pct := func(x time.Duration) float64 { return 100 * (float64(x) - float64(mb)) / float64(mb) }
		fmt.Fprintf(&b, "| %s | %v | %v | %+.0f%% | %v | %+.0f%% |\n", id, mb.Round(time.Millisecond), mc.Round(time.Millisecond), pct(mc), mw.Round(time.Millisecond), pct(mw))
	}
	fmt.Fprintf(&b, "\nMedians of %d rounds, run alternately; both sides compile with the same precompiled <bits/stdc++.h>.\n", rounds)
	fmt.Fprintf(&b, "C++ compile-cache hit (median of %d): %v (target < 20 ms)\n", rounds, median(cacheHits).Round(10*time.Microsecond))
	t.Logf("\n%s", b.String())
	if out := os.Getenv("VERDICT_BENCH_OUT"); out != "" {
		os.WriteFile(out, []byte(b.String()), 0o644)
	}
}

// bareJudge compiles and runs the program 10 times with no sandbox, as the
// baseline: the same compiler flags and the same inputs.
func bareJudge(t *testing.T, id, src, probDir, pch string) time.Duration {
	d := t.TempDir()
	t0 := time.Now()
	var prog []string
	switch id {
	case "cpp":
		os.WriteFile(filepath.Join(d, "main.cpp"), []byte(src), 0o644)
		if out, err := exec.Command("g++", "-O2", "-std=gnu++20", "-pipe", "-I"+pch, "-o", filepath.Join(d, "main"), filepath.Join(d, "main.cpp")).CombinedOutput(); err != nil {
			t.Fatalf("g++: %v %s", err, out)
		}
		prog = []string{filepath.Join(d, "main")}
	case "python":
		os.WriteFile(filepath.Join(d, "main.py"), []byte(src), 0o644)
		if out, err := exec.Command("/usr/bin/python3", "-c", "import py_compile; py_compile.compile('"+filepath.Join(d, "main.py")+"', doraise=True)").CombinedOutput(); err != nil {
			t.Fatalf("py_compile: %v %s", err, out)
		}
		prog = []string{"/usr/bin/python3", filepath.Join(d, "main.py")}
	}
	ins, _ := filepath.Glob(filepath.Join(probDir, "data", "*", "*.in"))
	for _, in := range ins {
		f, _ := os.Open(in)
		cmd := exec.Command(prog[0], prog[1:]...)
		cmd.Stdin = f
		out, err := cmd.Output()
		f.Close()
		if err != nil || string(out) != "hello\n" {
			t.Fatalf("bare run: %v %q", err, out)
		}
	}
	return time.Since(t0)
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
