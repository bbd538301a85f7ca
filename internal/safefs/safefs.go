// Package safefs operates on directories that untrusted programs could have
// touched. Every operation is relative to an open directory, resolves names
// beneath it only, and never follows a symbolic link (openat2 with
// RESOLVE_BENEATH|RESOLVE_NO_SYMLINKS|RESOLVE_NO_MAGICLINKS). Files read back
// must be regular files within a size cap: FIFOs, sockets, device nodes and
// oversized or sparse files are refused, never opened for reading.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/sys/unix"
)

const resolve = unix.RESOLVE_BENEATH | unix.RESOLVE_NO_SYMLINKS | unix.RESOLVE_NO_MAGICLINKS | unix.RESOLVE_NO_XDEV

// ErrNotRegular is returned when a file to be read is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned when a file to be read is larger than allowed.
var ErrTooLarge = errors.New("file too large")

// CleanName checks that name is a relative path that stays beneath its
// directory, and returns it cleaned.
func CleanName(name string) (string, error) {
	if name == "" || strings.ContainsRune(name, 0) {
		return "", fmt.Errorf("invalid file name %q", name)
	}
	c := path.Clean(name)
	if path.IsAbs(c) || c == "." || c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("file name %q leaves its directory", name)
	}
	return c, nil
}

// Open opens name beneath dir without following any symbolic link.
func Open(dir *os.File, name string, flags int, mode uint32) (*os.File, error) {
	c := "."
	if name != "." {
		var err error
		if c, err = CleanName(name); err != nil {
			return nil, err
		}
	}
	fd, err := unix.Openat2(int(dir.Fd()), c, &unix.OpenHow{
		Flags:   uint64(flags | unix.O_CLOEXEC | unix.O_NOFOLLOW),
		Mode:    uint64(mode),
		Resolve: resolve,
	})
	if err != nil {
		return nil, &fs.PathError{Op: "openat2", Path: c, Err: err}
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir.Name(), c)), nil
}

// ReadFile reads the regular file name beneath dir, refusing anything else
// and anything larger than max bytes.
func ReadFile(dir *os.File, name string, max int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO must not wait for a writer.
	f, err := Open(dir, name, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var st unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &st); err != nil {
		return nil, &fs.PathError{Op: "fstat", Path: name, Err: err}
	}
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	}
	if st.Size > max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: err}
	}
	if int64(len(b)) > max {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	return b, nil
}

// MkdirAll creates the directory name beneath dir and its missing parents,
// owned by uid and gid when they are not negative.
func MkdirAll(dir *os.File, name string, mode uint32, uid, gid int) error {
	d, err := mkdirAll(dir, name, mode, uid, gid)
	if err == nil {
		d.Close()
	}
	return err
}

// mkdirAll creates name beneath dir like MkdirAll and returns it open.
func mkdirAll(dir *os.File, name string, mode uint32, uid, gid int) (*os.File, error) {
	cur, err := Open(dir, ".", unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil || name == "." {
		return cur, err
	}
	c, err := CleanName(name)
	if err != nil {
		cur.Close()
		return nil, err
	}
	for _, part := range strings.Split(c, "/") {
		err := unix.Mkdirat(int(cur.Fd()), part, mode)
		created := err == nil
		if err != nil && !errors.Is(err, unix.EEXIST) {
			cur.Close()
			return nil, &fs.PathError{Op: "mkdirat", Path: c, Err: err}
		}
		// Whatever exists must be a real directory, not a link.
		next, err := Open(cur, part, unix.O_RDONLY|unix.O_DIRECTORY, 0)
		cur.Close()
		if err != nil {
			return nil, err
		}
		cur = next
		if created && uid >= 0 {
			if err := unix.Fchown(int(cur.Fd()), uid, gid); err != nil {
				cur.Close()
				return nil, &fs.PathError{Op: "fchown", Path: c, Err: err}
			}
		}
	}
	return cur, nil
}

// WriteFile creates the file name beneath dir (it must not exist yet), with
// its parent directories, writes data into it and gives it to uid and gid
// when they are not negative.
func WriteFile(dir *os.File, name string, r io.Reader, mode uint32, uid, gid int) error {
	c, err := CleanName(name)
	if err != nil {
		return err
	}
	if d := path.Dir(c); d != "." {
		if err := MkdirAll(dir, d, 0o755, uid, gid); err != nil {
			return err
		}
	}
	f, err := Open(dir, c, unix.O_WRONLY|unix.O_CREAT|unix.O_EXCL, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", c, err)
	}
	// The umask may have narrowed the mode.
	if err := unix.Fchmod(int(f.Fd()), mode); err != nil {
		f.Close()
		return &fs.PathError{Op: "fchmod", Path: c, Err: err}
	}
	if uid >= 0 {
		if err := unix.Fchown(int(f.Fd()), uid, gid); err != nil {
			f.Close()
			return &fs.PathError{Op: "fchown", Path: c, Err: err}
		}
	}
	return f.Close()
}

// CopyDir copies the tree src of the host (regular files, directories and
// symbolic links as links, never followed) into dst, owned by uid and gid.
func CopyDir(dst *os.File, src string, uid, gid int) error {
	root, err := os.OpenRoot(src)
	if err != nil {
		return err
	}
	defer root.Close()
	return fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == "." {
			return nil
		}
		switch {
		case d.IsDir():
			return MkdirAll(dst, p, 0o755, uid, gid)
		case d.Type()&fs.ModeSymlink != 0:
			target, err := root.Readlink(p)
			if err != nil {
				return err
			}
			parent, err := mkdirAll(dst, path.Dir(p), 0o755, uid, gid)
			if err != nil {
				return err
			}
			defer parent.Close()
			if err := unix.Symlinkat(target, int(parent.Fd()), path.Base(p)); err != nil {
				return &fs.PathError{Op: "symlinkat", Path: p, Err: err}
			}
			return nil
		case d.Type().IsRegular():
			f, err := root.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			st, err := f.Stat()
			if err != nil {
				return err
			}
			return WriteFile(dst, p, f, uint32(st.Mode().Perm()), uid, gid)
		}
		return fmt.Errorf("copy %s: %s is neither a file, a directory nor a link", src, p)
	})
}

// ReadTree reads every regular file below the directory name beneath dir,
// at most maxFiles files and maxBytes bytes in all, keyed by their path
// relative to dir. Links are never followed; anything that is neither a
// directory nor a regular file is an error.
func ReadTree(dir *os.File, name string, maxFiles int, maxBytes int64) (map[string][]byte, error) {
	out := map[string][]byte{}
	var total int64
	var walk func(rel string, depth int) error
	walk = func(rel string, depth int) error {
		if depth > 64 {
			return fmt.Errorf("%s: too deep", rel)
		}
		d, err := Open(dir, rel, unix.O_RDONLY|unix.O_DIRECTORY, 0)
		if err != nil {
			return err
		}
		entries, err := d.ReadDir(-1)
		d.Close()
		if err != nil {
			return fmt.Errorf("read %s: %w", rel, err)
		}
		for _, e := range entries {
			p := path.Join(rel, e.Name())
			switch {
			case e.IsDir():
				if err := walk(p, depth+1); err != nil {
					return err
				}
			case e.Type().IsRegular():
				if len(out) >= maxFiles {
					return fmt.Errorf("%s: more than %d files", name, maxFiles)
				}
				b, err := ReadFile(dir, p, maxBytes-total)
				if err != nil {
					return err
				}
				total += int64(len(b))
				out[p] = b
			default:
				return &fs.PathError{Op: "read", Path: p, Err: ErrNotRegular}
			}
		}
		return nil
	}
	c, err := CleanName(name)
	if err != nil {
		return nil, err
	}
	if err := walk(c, 0); err != nil {
		return nil, err
	}
	return out, nil
}
