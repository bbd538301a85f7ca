package judge

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

// env is what every judge test needs: the languages present here and a
// sandbox that mounts their toolchains.
type env struct {
	reg   *lang.Registry
	sb    *sandbox.Sandbox
	langs map[string]*lang.Language
}

func newEnv(t *testing.T) *env {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("judging needs the sandbox, which needs root")
	}
	reg, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	avail := reg.Available(context.Background())
	overlays, errs := PrepareCaches(context.Background(), avail, cacheDir(t))
	for _, err := range errs {
		t.Log(err)
	}
	sb, err := sandbox.New(context.Background(), sandbox.Config{Boxes: 2, Binds: Binds(avail), Overlays: overlays})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	e := &env{reg: reg, sb: sb, langs: map[string]*lang.Language{}}
	for _, l := range avail {
		e.langs[l.ID] = l
	}
	return e
}

// cacheDir is where the build caches of the tests are kept between runs
// (warming Go's takes a minute).
func cacheDir(t *testing.T) string {
	// The same directory as the command tests' (cmd/verdict), warmed once.
	d := filepath.Join(os.TempDir(), "verdict-test-cache", "cli", "toolchains")
	if err := os.MkdirAll(d, 0o700); err != nil {
		t.Fatal(err)
	}
	return d
}

var hello = map[string]string{
	"c":          "#include <stdio.h>\nint main(void){puts(\"hello\");return 0;}\n",
	"cpp":        "#include <bits/stdc++.h>\nint main(){std::cout<<\"hello\"<<std::endl;}\n",
	"python":     "print('hello')\n",
	"java":       "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n",
	"javascript": "console.log('hello');\n",
	"go":         "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hello\") }\n",
	"rust":       "fn main() { println!(\"hello\"); }\n",
}

func TestCompileAndRunEveryLanguage(t *testing.T) {
	e := newEnv(t)
	c := &Compiler{SB: e.sb, CacheDir: t.TempDir()}
	for id, src := range hello {
		t.Run(id, func(t *testing.T) {
			l, ok := e.langs[id]
			if !ok {
				t.Skipf("%s toolchain not present", id)
			}
			comp, err := c.Compile(context.Background(), l, []Source{{Name: l.SourceName([]byte(src)), Data: []byte(src)}})
			if err != nil {
				t.Fatal(err)
			}
			if !comp.OK {
				t.Fatalf("compile error: %s", comp.Output)
			}
			res, err := e.sb.Run(context.Background(), &sandbox.Spec{
				Args: comp.Program.Args(256 << 20), Env: l.Env, Files: comp.Program.Files,
				Limits: sandbox.Limits{CPU: 5 * time.Second, Memory: 512 << 20, Pids: 128},
			})
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != sandbox.StatusOK || strings.TrimSpace(string(res.Stdout)) != "hello" {
				t.Fatalf("run: %s (%s) stdout %q stderr %q", res.Status, res.Message, res.Stdout, res.Stderr)
			}
		})
	}
}

func TestCompileErrorsAndCache(t *testing.T) {
	e := newEnv(t)
	c := &Compiler{SB: e.sb, CacheDir: t.TempDir()}
	ctx := context.Background()
	cl := e.langs["c"]
	bad := []Source{{Name: "main.c", Data: []byte("int main(void) { return x; }\n")}}
	comp, err := c.Compile(ctx, cl, bad)
	if err != nil {
		t.Fatal(err)
	}
	if comp.OK || !strings.Contains(comp.Output, "main.c:1") || !strings.Contains(comp.Output, "undeclared") {
		t.Fatalf("compile error not reported with its line: ok=%v %q", comp.OK, comp.Output)
	}
	again, err := c.Compile(ctx, cl, bad)
	if err != nil || !again.Cached || again.OK || again.Output != comp.Output {
		t.Fatalf("failed compile not cached: %+v %v", again, err)
	}
	good := []Source{{Name: "main.c", Data: []byte("int main(void) { return 0; }\n")}}
	first, err := c.Compile(ctx, cl, good)
	if err != nil || !first.OK || first.Cached {
		t.Fatalf("first compile: %+v %v", first, err)
	}
	second, err := c.Compile(ctx, cl, good)
	if err != nil || !second.OK || !second.Cached || len(second.Program.Files) != 1 || string(second.Program.Files[0].Data) != string(first.Program.Files[0].Data) {
		t.Fatalf("cached compile differs: %+v %v", second, err)
	}
	if py, ok := e.langs["python"]; ok {
		comp, err := c.Compile(ctx, py, []Source{{Name: "main.py", Data: []byte("def f(:\n  pass\n")}})
		if err != nil || comp.OK || !strings.Contains(comp.Output, "SyntaxError") {
			t.Errorf("python syntax error: %+v %v", comp, err)
		}
	}
	// A compiler that never ends is stopped by its limits: a compile error.
	slow := &Compiler{SB: e.sb, Limits: sandbox.Limits{CPU: 2 * time.Second, Wall: 4 * time.Second, Memory: 256 << 20, Pids: 16, Stdout: 4096, Stderr: 4096}}
	comp, err = slow.Compile(ctx, cl, []Source{{Name: "main.c", Data: []byte("#include \"/dev/urandom\"\n")}})
	if err != nil || comp.OK {
		t.Fatalf("#include /dev/urandom: %+v %v", comp, err)
	}
}

func TestBadSources(t *testing.T) {
	for name, srcs := range map[string][]Source{
		"none":      nil,
		"empty":     {{Name: "main.c", Data: []byte("  \n")}},
		"binary":    {{Name: "main.c", Data: []byte("int main\x00")}},
		"too large": {{Name: "main.c", Data: []byte(strings.Repeat("/* */", 3<<20))}},
		"path":      {{Name: "../main.c", Data: []byte("x")}},
		"hidden":    {{Name: ".main.c", Data: []byte("x")}},
		"twice":     {{Name: "a.c", Data: []byte("x")}, {Name: "a.c", Data: []byte("y")}},
	} {
		err := CheckSources(srcs, 0)
		var se *SourceError
		if err == nil || !errorsAs(err, &se) {
			t.Errorf("%s: %v, want a SourceError", name, err)
		}
	}
}
