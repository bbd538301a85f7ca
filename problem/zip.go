package problem

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Caps on the length of an archive member's name and of a symbolic link's
// target.
const (
	maxNameLen    = 1024
	maxLinkTarget = 4096
)

// entry is an archive member to extract.
type entry struct {
	f    *zip.File
	name string // path in the package, cleaned
	mode fs.FileMode
}

// extract extracts the package in the archive at zipPath into a directory
// under tmp and returns that directory, and the name of the archive's
// top-level directory when the package sits in one ("" otherwise). Errors
// about a member are *fileError naming it as the archive does.
func extract(zipPath, tmp string, o Options) (dir, top string, err error) {
	zr, err := zip.OpenReader(zipPath)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return "", "", fmt.Errorf("not a valid zip archive: %w", err)
	}
	defer zr.Close()
	if len(zr.File) > o.MaxFiles {
		return "", "", fmt.Errorf("%w: %d archive entries, more than %d", ErrTooLarge, len(zr.File), o.MaxFiles)
	}

	// Every name must be safe before anything is decided or written.
	names := make([]string, len(zr.File))
	for i, f := range zr.File {
		n, err := safeName(f.Name)
		if err != nil {
			return "", "", &fileError{file: f.Name, err: err}
		}
		names[i] = n
	}

	// The package is the archive's root, or its single top-level
	// directory when problem.yaml is in there.
	prefix := ""
	if !contains(names, "problem.yaml") {
		tops := map[string]bool{}
		for _, n := range names {
			if d, rest, ok := strings.Cut(n, "/"); ok && rest == "problem.yaml" && !ignored(d) && d != "__MACOSX" {
				tops[d] = true
			}
		}
		if len(tops) != 1 {
			return "", "", errors.New("no problem.yaml at the top of the archive or in a single top-level directory")
		}
		for d := range tops {
			top = d
		}
		if err := checkName(top); err != nil {
			return "", "", &fileError{file: top, err: err}
		}
		prefix = top + "/"
	}

	var ents []entry
	var total uint64
	kind := map[string]string{} // name in the package -> "file", "dir" or "link"
	for i, f := range zr.File {
		n := names[i]
		first, _, _ := strings.Cut(n, "/")
		if first == "__MACOSX" || (prefix != "" && n == top) {
			continue
		}
		if prefix != "" {
			if !strings.HasPrefix(n, prefix) {
				if ignored(first) {
					continue
				}
				return "", "", &fileError{file: f.Name, err: fmt.Errorf("outside the package directory %s", prefix)}
			}
			n = strings.TrimPrefix(n, prefix)
		}
		if skip, err := skipName(n); err != nil {
			return "", "", &fileError{file: f.Name, err: err}
		} else if skip {
			continue
		}
		mode := f.Mode()
		k := "file"
		switch {
		case mode.IsDir():
			k = "dir"
		case mode&fs.ModeSymlink != 0:
			k = "link"
		case !mode.IsRegular():
			return "", "", &fileError{file: f.Name, err: fmt.Errorf("not a regular file, directory or symbolic link (%v)", mode.Type())}
		}
		if old, dup := kind[n]; dup {
			if old == "dir" && k == "dir" {
				continue
			}
			return "", "", &fileError{file: f.Name, err: errors.New("appears twice in the archive")}
		}
		kind[n] = k
		if k != "dir" {
			if total += f.UncompressedSize64; total > uint64(o.MaxSize) || f.UncompressedSize64 > uint64(o.MaxSize) {
				return "", "", &fileError{file: f.Name, err: fmt.Errorf("%w: more than %d bytes once extracted", ErrTooLarge, o.MaxSize)}
			}
		}
		ents = append(ents, entry{f: f, name: n, mode: mode})
	}
	// A name must not be both a file (or link) and a directory.
	for _, e := range ents {
		for d := path.Dir(e.name); d != "."; d = path.Dir(d) {
			if k := kind[d]; k == "file" || k == "link" {
				return "", "", &fileError{file: e.f.Name, err: fmt.Errorf("%s is a file, but this entry puts it as a directory", d)}
			}
		}
	}

	name := top
	if name == "" {
		name = "package"
	}
	dir = filepath.Join(tmp, name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return "", "", err
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", "", err
	}
	defer root.Close()

	// Links last, so that no file is written through one.
	var written int64
	for _, e := range ents {
		var err error
		switch kind[e.name] {
		case "dir":
			err = root.MkdirAll(e.name, 0o755)
		case "file":
			err = writeEntry(root, e, o.MaxSize, &written)
		}
		if err != nil {
			return "", "", &fileError{file: e.f.Name, err: err}
		}
	}
	for _, e := range ents {
		if kind[e.name] != "link" {
			continue
		}
		if err := writeLink(root, e); err != nil {
			return "", "", &fileError{file: e.f.Name, err: err}
		}
	}
	return dir, top, nil
}

// safeName checks an archive member's name and returns it cleaned of a
// trailing slash.
func safeName(n string) (string, error) {
	switch {
	case n == "" || n == "/":
		return "", fmt.Errorf("%w: empty name", ErrUnsafePath)
	case len(n) > maxNameLen:
		return "", fmt.Errorf("name longer than %d bytes", maxNameLen)
	case strings.ContainsRune(n, 0):
		return "", fmt.Errorf("%w: NUL in name", ErrUnsafePath)
	case strings.ContainsRune(n, '\\'):
		return "", fmt.Errorf("%w: backslash in name", ErrUnsafePath)
	case strings.HasPrefix(n, "/"), len(n) >= 2 && n[1] == ':':
		return "", fmt.Errorf("%w: absolute name", ErrUnsafePath)
	}
	c := strings.TrimSuffix(n, "/")
	for _, part := range strings.Split(c, "/") {
		switch part {
		case "..":
			return "", fmt.Errorf("%w: .. in name", ErrUnsafePath)
		case "", ".":
			return "", fmt.Errorf("%w: empty or . component in name", ErrUnsafePath)
		}
	}
	return c, nil
}

// skipName reports whether a path in the package is to be left out (it has
// a component that begins with a period or dash, except the .timelimit file
// at the top), or is an error (a component does not match the pattern).
func skipName(n string) (bool, error) {
	if n == ".timelimit" {
		return false, nil
	}
	for _, part := range strings.Split(n, "/") {
		if ignored(part) {
			return true, nil
		}
	}
	for _, part := range strings.Split(n, "/") {
		if err := checkName(part); err != nil {
			return false, err
		}
	}
	return false, nil
}

func contains(names []string, n string) bool {
	for _, m := range names {
		if m == n {
			return true
		}
	}
	return false
}

// writeEntry extracts a regular file, counting its bytes into written.
func writeEntry(root *os.Root, e entry, max int64, written *int64) error {
	if d := path.Dir(e.name); d != "." {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	r, err := e.f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	perm := fs.FileMode(0o644)
	if e.mode&0o111 != 0 {
		perm = 0o755
	}
	w, err := root.OpenFile(e.name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	left := max - *written
	n, err := io.Copy(w, io.LimitReader(r, left+1))
	*written += n
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("extracting: %w", err)
	}
	if n > left {
		return fmt.Errorf("%w: more than %d bytes once extracted", ErrTooLarge, max)
	}
	if uint64(n) != e.f.UncompressedSize64 {
		return fmt.Errorf("%d bytes, but the archive says %d", n, e.f.UncompressedSize64)
	}
	return nil
}

// writeLink creates a symbolic link whose target must stay in the package.
func writeLink(root *os.Root, e entry) error {
	r, err := e.f.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, maxLinkTarget+1))
	if err != nil {
		return err
	}
	t := string(b)
	switch {
	case len(b) > maxLinkTarget || t == "":
		return errors.New("symbolic link with an empty or overlong target")
	case strings.ContainsRune(t, 0), strings.ContainsRune(t, '\\'):
		return fmt.Errorf("%w: symbolic link target %q", ErrUnsafePath, t)
	case strings.HasPrefix(t, "/"):
		return fmt.Errorf("%w: symbolic link to the absolute path %q", ErrUnsafePath, t)
	case escapes(path.Join(path.Dir(e.name), t)):
		return fmt.Errorf("%w: symbolic link to %q", ErrUnsafePath, t)
	}
	if d := path.Dir(e.name); d != "." {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return root.Symlink(t, e.name)
}
