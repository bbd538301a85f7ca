package judge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/sandbox"
)

func TestIncludeSources(t *testing.T) {
	dir := writeTree(t, "inc", map[string]string{
		"include/default/common.txt": "default",
		"include/c/driver.c":         "int main(void) { return {{code}}; }\n",
		"include/c/main.c":           "/* replaces the submission's main.c */\n",
		"include/python3/helper.py":  "X = 1\n",
		"include/go/sub/x.go":        "package sub\n",
	})
	p := &problem.Problem{ShortName: "inc", Constants: map[string]string{"code": "42"}, Include: map[string]string{}}
	for _, l := range []string{"default", "c", "python3", "go"} {
		p.Include[l] = filepath.Join(dir, "include", l)
	}
	sub := []Source{{Name: "main.c", Data: []byte("int add(void);\n")}, {Name: "add.c", Data: []byte("int add(void) { return 1; }\n")}}
	for _, tt := range []struct {
		lang  string
		want  map[string]string // name -> contents
		error string
	}{
		// The language's directory overrides include/default; an included
		// file replaces a submission file of the same name; constants are
		// substituted.
		{"c", map[string]string{"add.c": "int add(void) { return 1; }\n", "driver.c": "int main(void) { return 42; }\n", "main.c": "/* replaces the submission's main.c */\n"}, ""},
		// python reads include/python3 (the format's code for it).
		{"python", map[string]string{"main.c": "int add(void);\n", "add.c": "int add(void) { return 1; }\n", "helper.py": "X = 1\n"}, ""},
		// A language without a directory of its own gets include/default.
		{"cpp", map[string]string{"main.c": "int add(void);\n", "add.c": "int add(void) { return 1; }\n", "common.txt": "default"}, ""},
		{"go", nil, "only plain files can be included"},
	} {
		got, err := includeSources(p, &lang.Language{ID: tt.lang}, sub)
		if tt.error != "" {
			if err == nil || !strings.Contains(err.Error(), tt.error) {
				t.Errorf("%s: error %v, want %q", tt.lang, err, tt.error)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		m := map[string]string{}
		for _, s := range got {
			m[s.Name] = string(s.Data)
		}
		if len(m) != len(got) || len(m) != len(tt.want) {
			t.Errorf("%s: sources %v, want %v", tt.lang, m, tt.want)
		}
		for n, w := range tt.want {
			if m[n] != w {
				t.Errorf("%s: %s = %q, want %q", tt.lang, n, m[n], w)
			}
		}
	}
	// No include/ at all: the sources are left as they are.
	if got, err := includeSources(&problem.Problem{}, &lang.Language{ID: "c"}, sub); err != nil || len(got) != 2 {
		t.Errorf("no include/: %v %v", got, err)
	}
}

func TestRunFiles(t *testing.T) {
	dir := writeTree(t, "case", map[string]string{
		"1.files/data.txt":    "data",
		"1.files/main":        "overrides the binary",
		"1.files/sub/deep.in": "deep",
	})
	os.Symlink("data.txt", filepath.Join(dir, "1.files", "link.txt"))
	prog := &Program{Files: []sandbox.File{{Name: "main", Data: []byte("binary")}, {Name: "lib.so", Data: []byte("lib")}}}
	files, err := runFiles(prog, &TestCase{Name: "secret/1", FilesDir: filepath.Join(dir, "1.files")})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		data := string(f.Data)
		if f.Path != "" {
			b, err := os.ReadFile(f.Path)
			if err != nil {
				t.Fatal(err)
			}
			data = string(b)
		}
		got[f.Name] = data
	}
	want := map[string]string{"main": "overrides the binary", "lib.so": "lib", "data.txt": "data", "sub/deep.in": "deep", "link.txt": "data"}
	if len(got) != len(want) || len(files) != len(want) {
		t.Errorf("files %v, want %v", got, want)
	}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s = %q, want %q", n, got[n], w)
		}
	}
	// Without .files the program's files are used as they are.
	if files, err := runFiles(prog, &TestCase{}); err != nil || len(files) != 2 {
		t.Errorf("no .files: %v %v", files, err)
	}
	// A .files directory that vanished is an error (a judge error).
	if _, err := runFiles(prog, &TestCase{Name: "secret/2", FilesDir: filepath.Join(dir, "2.files")}); err == nil || !strings.Contains(err.Error(), "secret/2") {
		t.Errorf("missing .files: %v", err)
	}
}
