package lang

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestBuiltinLanguages(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"c", "cpp", "python", "java", "javascript", "go", "rust"} {
		if _, ok := r.Lookup(id); !ok {
			t.Errorf("language %s missing", id)
		}
	}
	for file, want := range map[string]string{"a.c": "c", "a.cc": "cpp", "a.cpp": "cpp", "x.py": "python", "Main.java": "java", "s.js": "javascript", "m.go": "go", "m.rs": "rust"} {
		l, ok := r.ForFile(file)
		if !ok || l.ID != want {
			t.Errorf("ForFile(%s) = %v, want %s", file, l, want)
		}
	}
	if _, ok := r.ForFile("x.cobol"); ok {
		t.Error("unknown extension matched")
	}
}

func TestAvailableProbesVersions(t *testing.T) {
	r, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	avail := r.Available(context.Background())
	got := map[string]string{}
	for _, l := range avail {
		got[l.ID] = l.Version
		if l.Version == "" {
			t.Errorf("%s available without a version", l.ID)
		}
	}
	// gcc is on every machine that runs these tests (the sandbox tests compile with it).
	if got["c"] == "" {
		t.Errorf("C not available: %v", got)
	}
	t.Logf("available: %v", got)
}

func TestOverrideFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "langs.yaml")
	os.WriteFile(f, []byte(`
- id: c
  name: C (clang)
  extensions: [.c]
  source: main.c
  compile: [clang, -O2, -o, main, "{files}"]
  artifacts: [main]
  run: [./main]
  env: [PATH=/usr/bin]
  version: [clang, --version]
- id: pascal
  name: Free Pascal
  extensions: [.pas]
  source: main.pas
  compile: [fpc, -O2, main.pas]
  run: [./main]
  env: [PATH=/usr/bin]
  version: [fpc, -iV]
`), 0o644)
	r, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := r.Lookup("c")
	if c.Name != "C (clang)" {
		t.Errorf("override not applied: %s", c.Name)
	}
	if _, ok := r.Lookup("pascal"); !ok {
		t.Error("new language not added")
	}
	if n := len(r.All()); n != 8 {
		t.Errorf("%d languages, want 7 built-in + 1", n)
	}
}

func TestBadFiles(t *testing.T) {
	for name, text := range map[string]string{
		"not yaml":      "{{{",
		"unknown key":   "- {id: x, name: X, source: x.x, run: [x], version: [x], colour: red}",
		"bad id":        "- {id: X Y, name: X, source: x.x, run: [x], version: [x]}",
		"no run":        "- {id: x, name: X, source: x.x, version: [x]}",
		"path source":   "- {id: x, name: X, source: ../x, run: [x], version: [x]}",
		"relative bind": "- {id: x, name: X, source: x.x, run: [x], version: [x], binds: [opt/x]}",
		"duplicate":     "- {id: x, name: X, source: x.x, run: [x], version: [x]}\n- {id: x, name: X, source: x.x, run: [x], version: [x]}",
		"bad pattern":   "- {id: x, name: X, source: x.x, run: [x], version: [x], entry_pattern: '('}",
	} {
		if _, err := Parse([]byte(text)); err == nil {
			t.Errorf("%s: accepted", name)
		} else if !strings.Contains(err.Error(), "languages") {
			t.Errorf("%s: error %q does not say where", name, err)
		}
	}
}

func TestExpandAndEntry(t *testing.T) {
	got := Expand([]string{"g++", "-o", "main", "{files}", "-Xmx{memory_mib}m", "{main}"}, Vars("Solution", 256<<20), []string{"a.cpp", "b.cpp"})
	want := []string{"g++", "-o", "main", "a.cpp", "b.cpp", "-Xmx256m", "Solution"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Expand = %q", got)
	}
	r, _ := Load()
	java, _ := r.Lookup("java")
	src := []byte("import java.util.*;\npublic class Hello {\n  public static void main(String[] a) {}\n}\n")
	if n := java.SourceName(src); n != "Hello.java" {
		t.Errorf("SourceName = %s", n)
	}
	if m := java.MainName(map[string][]byte{"Hello.java": src}); m != "Hello" {
		t.Errorf("MainName = %s", m)
	}
	if m := java.MainName(map[string][]byte{"x.java": []byte("class X {}")}); m != "Main" {
		t.Errorf("MainName fallback = %s", m)
	}
	c, _ := r.Lookup("c")
	if n := c.SourceName([]byte("int main(){}")); n != "main.c" {
		t.Errorf("C SourceName = %s", n)
	}
}
