package problem

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// validName is the pattern every file and directory name in a package must
// match (2025-09; the legacy text is stricter, but packages in the wild
// follow this one).
var validName = regexp.MustCompile(`^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,254}$`)

// ignored reports whether a file name is one the format tells judges to
// ignore: it begins with a period or a dash (.git, .gitignore, .timelimit is
// read on its own).
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "-")
}

// checkName checks one component of a path in the package.
func checkName(name string) error {
	if !validName.MatchString(name) {
		return fmt.Errorf("file name %q does not match %s", name, validName)
	}
	return nil
}

// loader holds the state of one Load.
type loader struct {
	opts   Options
	dir    string
	root   *os.Root
	fsys   fs.FS
	p      *Problem
	nfiles int // files and directories listed under data/

	customValidation bool // legacy validation: custom
	sawTestGroupYAML bool // a 2023-07-draft package has a test_group.yaml
}

func (l *loader) warnf(format string, args ...any) {
	l.p.Warnings = append(l.p.Warnings, fmt.Sprintf(format, args...))
}

// abs returns the absolute path of a slash path in the package.
func (l *loader) abs(rel string) string {
	return filepath.Join(l.dir, filepath.FromSlash(rel))
}

// checkTree walks the whole package: every name must match the pattern,
// every entry must be a regular file, a directory or a relative symbolic link
// that resolves to one inside the package, and a symbolic link to a
// directory must not lead to another such link (so that nothing loops).
func (l *loader) checkTree() error {
	type dirLink struct{ link, target string }
	var links []dirLink
	n := 0
	err := filepath.WalkDir(l.dir, func(p string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(l.dir, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			return wrapf(rel, err)
		}
		if rel == "." {
			return nil
		}
		if ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err := checkName(d.Name()); err != nil {
			return wrapf(rel, err)
		}
		if n++; n > l.opts.MaxFiles {
			return wrapf(rel, fmt.Errorf("%w: more than %d files", ErrTooLarge, l.opts.MaxFiles))
		}
		switch t := d.Type(); {
		case t.IsDir(), t.IsRegular():
			return nil
		case t&fs.ModeSymlink != 0:
			target, isDir, err := l.checkLink(rel)
			if err != nil {
				return wrapf(rel, err)
			}
			if isDir {
				links = append(links, dirLink{rel, target})
			}
			return nil
		default:
			return ferr(rel, "not a regular file, directory or symbolic link (%v)", t)
		}
	})
	if err != nil {
		return err
	}
	for _, a := range links {
		for _, b := range links {
			if strings.HasPrefix(b.link+"/", a.target+"/") {
				return ferr(a.link, "symbolic link to %s, which holds the directory link %s: directory links must not lead to other directory links", a.target, b.link)
			}
		}
	}
	return nil
}

// checkLink checks the symbolic link at rel and returns its resolved path in
// the package and whether it is a directory.
func (l *loader) checkLink(rel string) (string, bool, error) {
	p := l.abs(rel)
	t, err := os.Readlink(p)
	if err != nil {
		return "", false, err
	}
	if filepath.IsAbs(t) {
		return "", false, fmt.Errorf("%w: symbolic link to the absolute path %q (links must be relative)", ErrUnsafePath, t)
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		// Leaving the package is the worse fault; say so when that is
		// what the link does lexically.
		if escapes(path.Join(path.Dir(rel), filepath.ToSlash(t))) {
			return "", false, fmt.Errorf("%w: symbolic link to %q", ErrUnsafePath, t)
		}
		return "", false, fmt.Errorf("broken symbolic link to %q: %w", t, err)
	}
	r, err := filepath.Rel(l.dir, real)
	if err != nil || escapes(filepath.ToSlash(r)) {
		return "", false, fmt.Errorf("%w: symbolic link to %q resolves outside the package", ErrUnsafePath, t)
	}
	r = filepath.ToSlash(r)
	if r == "." {
		return "", false, fmt.Errorf("symbolic link to the package directory itself")
	}
	for _, c := range strings.Split(r, "/") {
		if ignored(c) || checkName(c) != nil {
			return "", false, fmt.Errorf("symbolic link to %s, an ignored or invalid name", r)
		}
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", false, err
	}
	if !fi.IsDir() && !fi.Mode().IsRegular() {
		return "", false, fmt.Errorf("symbolic link to %s, not a regular file or directory", r)
	}
	return r, fi.IsDir(), nil
}

// escapes reports whether a cleaned-or-not slash path leaves its root.
func escapes(p string) bool {
	c := path.Clean(p)
	return c == ".." || strings.HasPrefix(c, "../") || path.IsAbs(c)
}

// dirent is a directory entry with symbolic links resolved.
type dirent struct {
	name  string
	isDir bool
}

// readDir lists the non-ignored entries of the directory rel, sorted by
// name. A missing directory gives no entries and ok false.
func (l *loader) readDir(rel string) (ents []dirent, ok bool, err error) {
	fi, err := fs.Stat(l.fsys, rel)
	if err != nil {
		if isNotExist(err) {
			return nil, false, nil
		}
		return nil, false, wrapf(rel, err)
	}
	if !fi.IsDir() {
		return nil, false, ferr(rel, "not a directory")
	}
	es, err := fs.ReadDir(l.fsys, rel)
	if err != nil {
		return nil, false, wrapf(rel, err)
	}
	for _, e := range es {
		if ignored(e.Name()) {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			fi, err := fs.Stat(l.fsys, path.Join(rel, e.Name()))
			if err != nil {
				return nil, false, wrapf(path.Join(rel, e.Name()), err)
			}
			isDir = fi.IsDir()
		}
		ents = append(ents, dirent{e.Name(), isDir})
	}
	return ents, true, nil
}

// isFile reports whether rel is a regular file (through links).
func (l *loader) isFile(rel string) bool {
	fi, err := fs.Stat(l.fsys, rel)
	return err == nil && fi.Mode().IsRegular()
}

// isDir reports whether rel is a directory (through links).
func (l *loader) isDir(rel string) bool {
	fi, err := fs.Stat(l.fsys, rel)
	return err == nil && fi.IsDir()
}

func isNotExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist)
}

// readSmall reads a regular file of at most max bytes.
func (l *loader) readSmall(rel string, max int64) ([]byte, error) {
	f, err := l.fsys.Open(rel)
	if err != nil {
		return nil, wrapf(rel, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, wrapf(rel, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, ferr(rel, "not a regular file")
	}
	if fi.Size() > max {
		return nil, ferr(rel, "larger than %d bytes", max)
	}
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, wrapf(rel, err)
	}
	if int64(len(b)) > max {
		return nil, ferr(rel, "larger than %d bytes", max)
	}
	return b, nil
}
