package judge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// PrepareCaches warms the build caches of the languages that have one,
// under dir (once per toolchain version: a warm cache is kept), and returns
// the sandbox overlays that give every compile a writable layer over them.
// A cache that cannot be warmed is left out: compiles are then slower, not
// wrong.
func PrepareCaches(ctx context.Context, langs []*lang.Language, dir string) ([]sandbox.Overlay, []error) {
	var overlays []sandbox.Overlay
	var errs []error
	for _, l := range langs {
		if l.Cache == nil {
			continue
		}
		h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%s\x00%q\x00%q\x00%q\x00%q", l.ID, l.Version, l.Cache.Warm, l.Env, l.Cache.Files, l.Cache.Dirs)))
		d := filepath.Join(dir, l.ID+"-"+hex.EncodeToString(h[:6]))
		if err := warm(ctx, l, d); err != nil {
			errs = append(errs, fmt.Errorf("judge: warming the %s build cache: %w", l.ID, err))
			continue
		}
		overlays = append(overlays, sandbox.Overlay{Source: d, Target: l.Cache.Target})
	}
	return overlays, errs
}

const warmMarker = ".verdict-warm"

func warm(ctx context.Context, l *lang.Language, d string) error {
	if _, err := os.Stat(filepath.Join(d, warmMarker)); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(d), 0o700); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(d), ".warm-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	cache := filepath.Join(tmp, "cache")
	work := filepath.Join(tmp, "work")
	for _, p := range []string{cache, work} {
		if err := os.Mkdir(p, 0o700); err != nil {
			return err
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	for name, content := range l.Cache.Files {
		if err := os.WriteFile(filepath.Join(work, name), []byte(content), 0o600); err != nil {
			return err
		}
	}
	for _, dir := range l.Cache.Dirs {
		if err := os.MkdirAll(filepath.Join(cache, dir), 0o700); err != nil {
			return err
		}
	}
	argv := lang.Expand(l.Cache.Warm, map[string]string{"cache": cache}, nil)
	bin, err := l.LookPath(argv[0])
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, argv[1:]...)
	cmd.Dir = work
	cmd.Env = append([]string(nil), l.Env...)
	if l.Cache.Env != "" {
		cmd.Env = append(cmd.Env, l.Cache.Env+"="+cache)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%v: %s", err, tail(string(out), 2000))
	}
	// Readable by every box user, and its directories writable in the
	// overlay view (the host copy is never written: it is mounted read-only).
	err = filepath.WalkDir(cache, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.Type()&fs.ModeSymlink != 0 {
			return os.Remove(p)
		}
		if e.IsDir() {
			return os.Chmod(p, 0o777)
		}
		return os.Chmod(p, 0o644)
	})
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(cache, warmMarker), []byte(time.Now().UTC().Format(time.RFC3339)), 0o644); err != nil {
		return err
	}
	if err := os.Rename(cache, d); err != nil && !errors.Is(err, os.ErrExist) {
		return err
	}
	return nil
}
