package problem

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadZip(t *testing.T) {
	tests := []struct {
		name   string
		dir    string // under testdata
		prefix string // top-level directory in the archive
		ext    string
		short  string
	}{
		{"legacy at the top", "hello", "", ".zip", "upload"},
		{"legacy in its directory", "hello", "hello/", ".zip", "hello"},
		{"kpp", "guess", "guess/", ".kpp", "guess"},
		{"2025-09 scoring", "sumit", "sumit/", ".zip", "sumit"},
		{"symbolic links inside", "oddecho", "oddecho/", ".zip", "oddecho"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := Load(filepath.Join("testdata", tt.dir))
			if err != nil {
				t.Fatal(err)
			}
			base := t.TempDir()
			zipPath := filepath.Join(base, "upload"+tt.ext)
			ents := zipTree(t, filepath.Join("testdata", tt.dir), tt.prefix)
			if tt.prefix != "" {
				// Junk next to the package, as macOS and editors leave it.
				ents = append(ents, zent{name: "__MACOSX/" + tt.prefix + "._problem.yaml", body: "x"}, zent{name: ".DS_Store", body: "x"})
			}
			makeZip(t, zipPath, ents)
			tmp := filepath.Join(base, "tmp")
			os.Mkdir(tmp, 0o755)

			p, err := Options{TempDir: tmp}.Load(zipPath)
			if err != nil {
				t.Fatal(err)
			}
			eq(t, "ShortName", p.ShortName, tt.short)
			if !strings.HasPrefix(p.Dir, tmp+string(filepath.Separator)) {
				t.Errorf("Dir %s is not under %s", p.Dir, tmp)
			}
			eq(t, "Name", p.Name, want.Name)
			eq(t, "Limits", p.Limits, want.Limits)
			eq(t, "cases", caseNames(p), caseNames(want))
			eq(t, "submissions", subNames(p), subNames(want))
			for i, c := range p.Cases() {
				w := want.Cases()[i]
				eq(t, "InPath", strings.TrimPrefix(c.InPath, p.Dir), strings.TrimPrefix(w.InPath, want.Dir))
				got, err1 := os.ReadFile(c.InPath)
				exp, err2 := os.ReadFile(w.InPath)
				if err1 != nil || err2 != nil || string(got) != string(exp) {
					t.Errorf("%s: read %q (%v); want %q (%v)", c.Name, got, err1, exp, err2)
				}
			}
			if tt.dir == "hello" {
				// Ignored names are not extracted; .timelimit is.
				if _, err := os.Stat(filepath.Join(p.Dir, ".gitignore")); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf(".gitignore was extracted: %v", err)
				}
				eq(t, "TimeLimit from .timelimit", p.Limits.TimeLimit, want.Limits.TimeLimit)
			}
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
			if err := p.Close(); err != nil {
				t.Errorf("second Close: %v", err)
			}
			if left := entries(t, tmp); len(left) != 0 {
				t.Errorf("Close left %q", left)
			}
		})
	}
}

func TestLoadZipErrors(t *testing.T) {
	pkg := mapEnts(legacyMinimal(), "")
	plus := func(extra ...zent) []zent { return append(append([]zent{}, pkg...), extra...) }
	link := func(name, target string) zent { return zent{name: name, body: target, mode: fs.ModeSymlink | 0o777} }
	tests := []struct {
		name string
		ents []zent
		opts Options
		file string
		want string
		is   error
	}{
		{"zip slip", plus(zent{name: "../evil.txt", body: "x"}), Options{}, "../evil.txt", ".. in name", ErrUnsafePath},
		{"zip slip inside a path", plus(zent{name: "data/../../evil.txt", body: "x"}), Options{}, "data/../../evil.txt", ".. in name", ErrUnsafePath},
		{"absolute name", plus(zent{name: "/tmp/evil.txt", body: "x"}), Options{}, "/tmp/evil.txt", "absolute", ErrUnsafePath},
		{"drive letter", plus(zent{name: "C:/evil.txt", body: "x"}), Options{}, "C:/evil.txt", "absolute", ErrUnsafePath},
		{"backslash", plus(zent{name: `..\evil.txt`, body: "x"}), Options{}, `..\evil.txt`, "backslash", ErrUnsafePath},
		{"long name", plus(zent{name: strings.Repeat("a/", 600) + "x", body: "x"}), Options{}, strings.Repeat("a/", 600) + "x", "longer than", nil},
		{"empty component", plus(zent{name: "data//x.in", body: "x"}), Options{}, "data//x.in", "empty", ErrUnsafePath},
		{"symlink escape", plus(link("data/secret/2.in", "../../../../etc/passwd"), zent{name: "data/secret/2.ans", body: "x"}), Options{}, "data/secret/2.in", "symbolic link", ErrUnsafePath},
		{"absolute symlink", plus(link("data/secret/2.in", "/etc/passwd"), zent{name: "data/secret/2.ans", body: "x"}), Options{}, "data/secret/2.in", "absolute", ErrUnsafePath},
		{"symlink chain escape", plus(link("a/b/l", "../../data"), link("m", "a/b/l/../..")), Options{}, "m", "outside the package", ErrUnsafePath},
		{"write through a symlink", plus(link("data/secret/g", "../.."), zent{name: "data/secret/g/x.in", body: "x"}), Options{}, "data/secret/g/x.in", "is a file", nil},
		{"duplicate name", plus(zent{name: "data/secret/1.in", body: "again"}), Options{}, "data/secret/1.in", "twice", nil},
		{"file and directory", plus(zent{name: "data/secret/1.in/x", body: "x"}), Options{}, "data/secret/1.in/x", "is a file", nil},
		{"too many files", pkg, Options{MaxFiles: 3}, "", "more than 3", ErrTooLarge},
		{"huge declared size", plus(zent{name: "data/secret/big.in", body: "tiny", size: 1 << 40}), Options{}, "data/secret/big.in", "bytes once extracted", ErrTooLarge},
		{"too large", plus(zent{name: "data/secret/big.in", body: strings.Repeat("x", 5000)}), Options{MaxSize: 4096}, "data/secret/big.in", "bytes once extracted", ErrTooLarge},
		{"size smaller than declared", plus(zent{name: "data/secret/lie.in", body: "four", size: 10}), Options{}, "data/secret/lie.in", "", nil},
		{"bad file name", plus(zent{name: "data/secret/a b.in", body: "x"}), Options{}, "data/secret/a b.in", "does not match", nil},
		{"device file", plus(zent{name: "data/secret/dev.in", mode: fs.ModeDevice | 0o644}), Options{}, "data/secret/dev.in", "not a regular file", nil},
		{"named pipe", plus(zent{name: "data/secret/p.in", mode: fs.ModeNamedPipe | 0o644}), Options{}, "data/secret/p.in", "not a regular file", nil},
		{"no problem.yaml", []zent{{name: "data/secret/1.in", body: "1"}}, Options{}, "", "no problem.yaml", nil},
		{"two packages", append(mapEnts(legacyMinimal(), "a/"), mapEnts(legacyMinimal(), "b/")...), Options{}, "", "single top-level directory", nil},
		{"file outside the package directory", append(mapEnts(legacyMinimal(), "hello/"), zent{name: "README", body: "x"}), Options{}, "README", "outside the package directory", nil},
		{"missing .ans", plus(zent{name: "data/secret/3.in", body: "3"}), Options{}, "data/secret/3.in", `problem "upload": data/secret/3.in: no matching .ans file`, nil},
		{"bad yaml", mapEnts(with(legacyMinimal(), map[string]string{"problem.yaml": "name: [\n"}), "hello/"), Options{}, "problem.yaml", `problem "hello": problem.yaml: invalid YAML`, nil},
		{"unknown key", mapEnts(with(legacyMinimal(), map[string]string{"problem.yaml": "nmae: x\n"}), ""), Options{}, "problem.yaml", `unknown key "nmae"`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			zipPath := filepath.Join(base, "upload.zip")
			makeZip(t, zipPath, tt.ents)
			tmp := filepath.Join(base, "tmp")
			os.Mkdir(tmp, 0o755)
			tt.opts.TempDir = tmp
			p, err := tt.opts.Load(zipPath)
			checkErr(t, p, err, tt.file, tt.want)
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if left := entries(t, tmp); len(left) != 0 {
				t.Errorf("a failed Load left %q", left)
			}
			if left := entries(t, base); len(left) != 2 {
				t.Errorf("files next to the archive: %q", left)
			}
		})
	}
}

func TestLoadZipGarbage(t *testing.T) {
	base := t.TempDir()
	zipPath := filepath.Join(base, "x.zip")
	os.WriteFile(zipPath, []byte("PK\x03\x04 not really"), 0o644)
	p, err := Options{TempDir: base}.Load(zipPath)
	checkErr(t, p, err, "", "not a valid zip archive")
	if left := entries(t, base); len(left) != 1 {
		t.Errorf("left %q", left)
	}
}

// TestLoadZipTempDirLink extracts into a temporary directory reached through a
// symbolic link and given as a relative path: the package's own links must
// still count as inside it.
func TestLoadZipTempDirLink(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	os.Mkdir(real, 0o755)
	if err := os.Symlink("real", filepath.Join(base, "tmp")); err != nil {
		t.Fatal(err)
	}
	zipPath := filepath.Join(base, "p.zip")
	makeZip(t, zipPath, mapEnts(with(legacyMinimal(), map[string]string{
		"data/secret/2.in": linkPrefix + "1.in", "data/secret/2.ans": linkPrefix + "1.ans",
	}), ""))
	t.Chdir(base)
	p, err := Options{TempDir: "tmp"}.Load("p.zip")
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(p.Dir) || !strings.HasPrefix(p.Dir, real) {
		t.Errorf("Dir = %s; want an absolute path under %s", p.Dir, real)
	}
	eq(t, "cases", caseNames(p), []string{"secret/1", "secret/2"})
	p.Close()
	if left := entries(t, real); len(left) != 0 {
		t.Errorf("left %q", left)
	}
}
