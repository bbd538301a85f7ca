package problem

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzLoadZip loads arbitrary archives: Load must not panic, must not write
// outside its temporary directory, and must leave nothing behind on error
// or after Close.
func FuzzLoadZip(f *testing.F) {
	// Small seeds: the fuzzer minimizes every interesting input, and
	// each run writes files.
	f.Add(zipBytes(f, zipTree(f, filepath.Join("testdata", "hello"), "hello/")))
	f.Add(zipBytes(f, mapEnts(legacyMinimal(), "")))
	f.Add(zipBytes(f, mapEnts(with(minimal2025(), map[string]string{
		"data/secret/g/1.in": "1", "data/secret/g/1.ans": "1", "data/secret/1.in": "", "data/secret/1.ans": "",
		"data/secret/h": linkPrefix + "g", "data/secret/g/test_group.yaml": "args: [a]\n",
	}), "p/")))
	link := fs.ModeSymlink | 0o777
	f.Add(zipBytes(f, append(mapEnts(legacyMinimal(), ""), zent{name: "../outside/evil", body: "x"})))
	f.Add(zipBytes(f, append(mapEnts(legacyMinimal(), ""), zent{name: "data/secret/l", body: "../../../outside", mode: link})))
	f.Add(zipBytes(f, append(mapEnts(legacyMinimal(), ""), zent{name: "a/b/l", body: "../../data", mode: link}, zent{name: "m", body: "a/b/l/../..", mode: link})))
	f.Add(zipBytes(f, append(mapEnts(minimal2025(), ""), zent{name: "submissions/submissions.yaml", body: "\"{a,{b,c}}\":\n  permitted: [AC]\n"})))
	f.Add([]byte{})

	f.Fuzz(func(t *testing.T, data []byte) {
		base := t.TempDir()
		for _, d := range []string{"in", "tmp", "outside"} {
			if err := os.Mkdir(filepath.Join(base, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		zipPath := filepath.Join(base, "in", "p.zip")
		if err := os.WriteFile(zipPath, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(base, "tmp")
		p, err := Options{TempDir: tmp, MaxFiles: 2000, MaxSize: 1 << 20}.Load(zipPath)
		if err != nil {
			if p != nil {
				t.Fatalf("Problem along with error %v", err)
			}
		} else {
			if !strings.HasPrefix(p.Dir, tmp+string(filepath.Separator)) {
				t.Fatalf("Dir %s is outside %s", p.Dir, tmp)
			}
			// Every link in the package stays in it.
			filepath.WalkDir(p.Dir, func(q string, d fs.DirEntry, err error) error {
				if err == nil && d.Type()&fs.ModeSymlink != 0 {
					real, err := filepath.EvalSymlinks(q)
					if err != nil || !strings.HasPrefix(real, p.Dir+string(filepath.Separator)) {
						t.Errorf("link %s resolves to %s (%v), outside %s", q, real, err, p.Dir)
					}
				}
				return nil
			})
			if err := p.Close(); err != nil {
				t.Fatal(err)
			}
		}
		if left := entries(t, tmp); len(left) != 0 {
			t.Fatalf("left in the temporary directory: %q", left)
		}
		if got := entries(t, base); !slices.Equal(got, []string{"in", "in/p.zip", "outside", "tmp"}) {
			t.Fatalf("written outside the temporary directory: %q", got)
		}
	})
}

func zipBytes(t testing.TB, ents []zent) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.zip")
	makeZip(t, p, ents)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(b)
}
