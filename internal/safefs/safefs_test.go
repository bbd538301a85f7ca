package safefs

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func openDir(t *testing.T) (*os.File, string) {
	t.Helper()
	d := t.TempDir()
	f, err := os.Open(d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, d
}

func TestReadFileRefusesWhatIsNotARegularFileBeneath(t *testing.T) {
	dir, path := openDir(t)
	outside := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(outside, []byte("secret"), 0o600)
	os.WriteFile(filepath.Join(path, "ok.txt"), []byte("fine"), 0o644)
	os.Symlink(outside, filepath.Join(path, "link.txt"))
	os.Symlink(".", filepath.Join(path, "dirlink"))
	os.Mkdir(filepath.Join(path, "sub"), 0o755)
	syscall.Mkfifo(filepath.Join(path, "fifo"), 0o644)
	big, _ := os.Create(filepath.Join(path, "sparse"))
	big.Truncate(10 << 30) // 10 GiB, no blocks
	big.Close()

	if b, err := ReadFile(dir, "ok.txt", 100); err != nil || string(b) != "fine" {
		t.Fatalf("ReadFile(ok.txt) = %q, %v", b, err)
	}
	for _, c := range []struct {
		name string
		want error
	}{
		{"link.txt", syscall.ELOOP},
		{"dirlink/ok.txt", syscall.ELOOP},
		{"fifo", ErrNotRegular},
		{"sub", ErrNotRegular},
		{"sparse", ErrTooLarge},
		{"../" + filepath.Base(path) + "/ok.txt", nil},
		{"/etc/passwd", nil},
		{"missing", syscall.ENOENT},
	} {
		b, err := ReadFile(dir, c.name, 1<<20)
		if err == nil {
			t.Errorf("ReadFile(%q) = %q, want an error", c.name, b)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("ReadFile(%q): %v, want %v", c.name, err, c.want)
		}
		if bytes.Contains(b, []byte("secret")) {
			t.Errorf("ReadFile(%q) leaked the secret", c.name)
		}
	}
	if _, err := ReadFile(dir, "ok.txt", 3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("cap of 3 bytes: %v", err)
	}
}

func TestWriteFileNeverFollowsLinks(t *testing.T) {
	dir, path := openDir(t)
	target := t.TempDir()
	os.Symlink(target, filepath.Join(path, "evil"))
	os.Symlink(filepath.Join(target, "f"), filepath.Join(path, "f"))
	for _, name := range []string{"evil/x", "f", "evil/a/b"} {
		if err := WriteFile(dir, name, strings.NewReader("x"), 0o644, -1, -1); err == nil {
			t.Errorf("WriteFile(%q) followed a link", name)
		}
	}
	if entries, _ := os.ReadDir(target); len(entries) != 0 {
		t.Fatalf("something was written through a link: %v", entries)
	}
	if err := WriteFile(dir, "a/b/c.txt", strings.NewReader("deep"), 0o600, -1, -1); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(path, "a/b/c.txt"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("a/b/c.txt: %v %v", st, err)
	}
	if err := WriteFile(dir, "a/b/c.txt", strings.NewReader("again"), 0o644, -1, -1); err == nil {
		t.Error("WriteFile overwrote an existing file")
	}
}

func TestCleanName(t *testing.T) {
	for _, bad := range []string{"", ".", "..", "../x", "/abs", "a/../../x", "nul\x00"} {
		if _, err := CleanName(bad); err == nil {
			t.Errorf("CleanName(%q) accepted", bad)
		}
	}
	if c, err := CleanName("a/./b//c"); err != nil || c != "a/b/c" {
		t.Errorf("CleanName = %q, %v", c, err)
	}
}

func TestCopyDir(t *testing.T) {
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "d/e"), 0o755)
	os.WriteFile(filepath.Join(src, "d/e/f.txt"), []byte("F"), 0o640)
	os.Symlink("/etc/passwd", filepath.Join(src, "link"))
	dir, path := openDir(t)
	if err := CopyDir(dir, src, -1, -1); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(path, "d/e/f.txt")); string(b) != "F" {
		t.Errorf("copied file holds %q", b)
	}
	if l, err := os.Readlink(filepath.Join(path, "link")); err != nil || l != "/etc/passwd" {
		t.Errorf("link copied as %q, %v; want the link itself", l, err)
	}
}

func TestReadTree(t *testing.T) {
	dir, path := openDir(t)
	os.MkdirAll(filepath.Join(path, "out/a/b"), 0o755)
	os.WriteFile(filepath.Join(path, "out/x.class"), []byte("X"), 0o644)
	os.WriteFile(filepath.Join(path, "out/a/b/y.class"), []byte("YY"), 0o644)
	tree, err := ReadTree(dir, "out/", 10, 100)
	if err != nil {
		t.Fatal(err)
	}
	if string(tree["out/x.class"]) != "X" || string(tree["out/a/b/y.class"]) != "YY" || len(tree) != 2 {
		t.Fatalf("tree = %v", tree)
	}
	if _, err := ReadTree(dir, "out", 1, 100); err == nil {
		t.Error("file cap not applied")
	}
	if _, err := ReadTree(dir, "out", 10, 2); err == nil {
		t.Error("byte cap not applied")
	}
	os.Symlink("/etc", filepath.Join(path, "out/etc"))
	if _, err := ReadTree(dir, "out", 10, 100); err == nil {
		t.Error("a link inside the tree was accepted")
	}
	os.Symlink("/etc", filepath.Join(path, "linkdir"))
	if _, err := ReadTree(dir, "linkdir", 10, 1<<20); err == nil {
		t.Error("a linked directory was walked")
	}
}
