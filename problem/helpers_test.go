package problem

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// linkPrefix marks a file of a test tree as a symbolic link to the rest.
const linkPrefix = "@link:"

// writeTree writes files (slash paths to contents) under dir.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(body, linkPrefix); ok {
			err = os.Symlink(target, p)
		} else {
			err = os.WriteFile(p, []byte(body), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// legacyMinimal is the smallest legacy package Load accepts.
func legacyMinimal() map[string]string {
	return map[string]string{
		"problem.yaml":              "name: Hello\n",
		".timelimit":                "1\n",
		"data/secret/1.in":          "1\n",
		"data/secret/1.ans":         "1\n",
		"submissions/accepted/a.py": "print(1)\n",
	}
}

// minimal2025 is the smallest 2025-09 package Load accepts.
func minimal2025() map[string]string {
	return map[string]string{
		"problem.yaml":              "problem_format_version: 2025-09\nname: Hello\nuuid: 1b3b7d0e-5a57-4d2c-9e43-6c1f0a8b2d11\n",
		"data/secret/1.in":          "1\n",
		"data/secret/1.ans":         "1\n",
		"submissions/accepted/a.py": "print(1)\n",
	}
}

// with returns base changed by edits; an empty value deletes the file.
func with(base map[string]string, edits map[string]string) map[string]string {
	m := map[string]string{}
	for k, v := range base {
		m[k] = v
	}
	for k, v := range edits {
		if v == "" {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	return m
}

// zent is an archive member for makeZip.
type zent struct {
	name string
	body string
	mode fs.FileMode // 0: a regular file (or a directory when name ends in /)
	// size, when not 0, is the uncompressed size the header declares
	// (the body is stored as is).
	size uint64
}

// makeZip writes an archive with the given members to path.
func makeZip(t testing.TB, path string, ents []zent) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range ents {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		switch {
		case e.mode != 0:
			h.SetMode(e.mode)
		case strings.HasSuffix(e.name, "/"):
			h.SetMode(fs.ModeDir | 0o755)
		default:
			h.SetMode(0o644)
		}
		if e.size != 0 {
			h.Method = zip.Store
			h.CompressedSize64 = uint64(len(e.body))
			h.UncompressedSize64 = e.size
			w, err := zw.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(e.body))
			continue
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// zipTree returns the members of an archive of the directory dir, under
// prefix (which ends in a slash, or is empty); symbolic links stay links.
func zipTree(t testing.TB, dir, prefix string) []zent {
	t.Helper()
	var ents []zent
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == "." {
			return nil
		}
		name := prefix + filepath.ToSlash(rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			ents = append(ents, zent{name: name, body: target, mode: fs.ModeSymlink | 0o777})
		case d.IsDir():
			ents = append(ents, zent{name: name + "/"})
		default:
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			ents = append(ents, zent{name: name, body: string(b)})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ents
}

// mapEnts turns a file map into archive members under prefix.
func mapEnts(files map[string]string, prefix string) []zent {
	var ents []zent
	for name, body := range files {
		e := zent{name: prefix + name, body: body}
		if target, ok := strings.CutPrefix(body, linkPrefix); ok {
			e.body, e.mode = target, fs.ModeSymlink|0o777
		}
		ents = append(ents, e)
	}
	slices.SortFunc(ents, func(a, b zent) int { return strings.Compare(a.name, b.name) })
	return ents
}

// entries lists what is in dir (slash paths), for leak checks.
func entries(t testing.TB, dir string) []string {
	t.Helper()
	var names []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	return names
}

// checkErr checks that err is an *Error about file whose message holds want.
func checkErr(t *testing.T, p *Problem, err error, file, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("Load succeeded; want an error about %s: %s", file, want)
	}
	if p != nil {
		t.Errorf("Load returned a Problem along with the error %v", err)
	}
	t.Log(err)
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	if pe.File != file {
		t.Errorf("error %q names file %q; want %q", err, pe.File, file)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
}

// caseNames returns the names of p's test cases in order.
func caseNames(p *Problem) []string {
	var names []string
	for _, c := range p.Cases() {
		names = append(names, c.Name)
	}
	return names
}
