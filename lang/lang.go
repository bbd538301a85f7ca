// Package lang is the registry of the languages Verdict judges. It is data:
// an embedded languages.yaml, which a user file can extend or override entry
// by entry. Each language says how to compile and run a program and what the
// toolchain needs inside the sandbox; the registry probes which toolchains
// are present and their versions.
package lang

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed languages.yaml
var builtin []byte

// Limits is the room a toolchain needs beyond a problem's limits.
type Limits struct {
	Pids           int `yaml:"pids" json:"pids,omitempty"`
	MemoryMiB      int `yaml:"memory_mib" json:"memory_mib,omitempty"`
	ExtraMemoryMiB int `yaml:"extra_memory_mib" json:"extra_memory_mib,omitempty"`
	CPUSeconds     int `yaml:"cpu_seconds" json:"cpu_seconds,omitempty"`
}

// Cache is a toolchain's build cache (Go's build cache, a C++ precompiled
// header), made once on the host and given to every compile as a fresh
// writable layer over it.
type Cache struct {
	// Target is where compiles see the cache.
	Target string `yaml:"target" json:"target"`
	// Env, when set, names a variable that points the warming command at
	// the cache directory.
	Env string `yaml:"env" json:"env,omitempty"`
	// Warm is run once on the host, in a directory holding Files, with the
	// language's environment; {cache} in it is the host cache directory.
	Warm []string `yaml:"warm" json:"warm"`
	// Files are written into the warming command's directory.
	Files map[string]string `yaml:"files" json:"files,omitempty"`
	// Dirs are made in the cache directory before warming.
	Dirs []string `yaml:"dirs" json:"dirs,omitempty"`
}

// Language is one entry of the registry.
type Language struct {
	ID         string   `yaml:"id" json:"id"`
	Name       string   `yaml:"name" json:"name"`
	Extensions []string `yaml:"extensions" json:"extensions"`
	Source     string   `yaml:"source" json:"source"`
	Compile    []string `yaml:"compile" json:"compile,omitempty"`
	Artifacts  []string `yaml:"artifacts" json:"artifacts,omitempty"`
	Run        []string `yaml:"run" json:"run"`
	Binds      []string `yaml:"binds" json:"binds,omitempty"`
	Env        []string `yaml:"env" json:"env"`
	VersionCmd []string `yaml:"version" json:"-"`
	// EntryPattern finds the entry point ({main}) in the sources: group 1
	// of its first match; DefaultMain when nothing matches.
	EntryPattern  string `yaml:"entry_pattern" json:"-"`
	DefaultMain   string `yaml:"default_main" json:"-"`
	CompileLimits Limits `yaml:"compile_limits" json:"compile_limits"`
	Cache         *Cache `yaml:"cache" json:"-"`
	RunLimits     Limits `yaml:"run_limits" json:"run_limits"`

	// Version is what VersionCmd printed (first line), once probed.
	Version string `yaml:"-" json:"version,omitempty"`

	entry *regexp.Regexp
}

// validID is what an id may look like.
var validID = regexp.MustCompile(`^[a-z][a-z0-9_+-]{0,31}$`)

func (l *Language) validate() error {
	switch {
	case !validID.MatchString(l.ID):
		return fmt.Errorf("language id %q: want lower-case letters, digits, _ + or -", l.ID)
	case l.Name == "":
		return fmt.Errorf("language %s: no name", l.ID)
	case l.Source == "" || strings.ContainsAny(l.Source, "/\x00") || l.Source == "." || l.Source == "..":
		return fmt.Errorf("language %s: source %q must be a plain file name", l.ID, l.Source)
	case len(l.Run) == 0:
		return fmt.Errorf("language %s: no run command", l.ID)
	case len(l.VersionCmd) == 0:
		return fmt.Errorf("language %s: no version command", l.ID)
	}
	if l.EntryPattern != "" {
		re, err := regexp.Compile(l.EntryPattern)
		if err != nil {
			return fmt.Errorf("language %s: entry_pattern: %w", l.ID, err)
		}
		if re.NumSubexp() < 1 {
			return fmt.Errorf("language %s: entry_pattern needs a group", l.ID)
		}
		l.entry = re
	}
	if c := l.Cache; c != nil {
		if !filepath.IsAbs(c.Target) || len(c.Warm) == 0 {
			return fmt.Errorf("language %s: cache needs an absolute target and a warm command", l.ID)
		}
		for name := range c.Files {
			if name == "" || strings.ContainsAny(name, "/\x00") {
				return fmt.Errorf("language %s: cache file %q must be a plain file name", l.ID, name)
			}
		}
		for _, d := range c.Dirs {
			if filepath.IsAbs(d) || strings.Contains(d, "..") {
				return fmt.Errorf("language %s: cache dir %q must be relative", l.ID, d)
			}
		}
	}
	if l.DefaultMain == "" {
		l.DefaultMain = "main"
	}
	for _, e := range l.Extensions {
		if !strings.HasPrefix(e, ".") || len(e) < 2 {
			return fmt.Errorf("language %s: extension %q must start with a dot", l.ID, e)
		}
	}
	for _, b := range l.Binds {
		if !filepath.IsAbs(b) {
			return fmt.Errorf("language %s: bind %q must be an absolute path", l.ID, b)
		}
	}
	for _, e := range l.Env {
		if !strings.Contains(e, "=") {
			return fmt.Errorf("language %s: env %q is not K=V", l.ID, e)
		}
	}
	return nil
}

// PATH returns the PATH of the language's environment.
func (l *Language) PATH() string {
	for _, e := range l.Env {
		if p, ok := strings.CutPrefix(e, "PATH="); ok {
			return p
		}
	}
	return "/usr/bin:/bin"
}

// LookPath finds a toolchain program on the host in the language's own
// PATH (not the host's), as the language's commands will find it.
func (l *Language) LookPath(bin string) (string, error) {
	if strings.Contains(bin, "/") {
		return bin, nil
	}
	for _, d := range filepath.SplitList(l.PATH()) {
		p := filepath.Join(d, bin)
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found in %s", bin, l.PATH())
}

// Expand replaces {name} words of argv with vars; {files} expands to as
// many words as there are files.
func Expand(argv []string, vars map[string]string, files []string) []string {
	var out []string
	for _, a := range argv {
		if a == "{files}" {
			out = append(out, files...)
			continue
		}
		for k, v := range vars {
			a = strings.ReplaceAll(a, "{"+k+"}", v)
		}
		out = append(out, a)
	}
	return out
}

// Registry holds the languages.
type Registry struct {
	langs map[string]*Language
	order []string
	probe sync.Once
}

// Parse reads a languages file.
func Parse(data []byte) ([]*Language, error) {
	var ls []*Language
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&ls); err != nil {
		return nil, fmt.Errorf("languages: %w", err)
	}
	seen := map[string]bool{}
	for _, l := range ls {
		if err := l.validate(); err != nil {
			return nil, fmt.Errorf("languages: %w", err)
		}
		if seen[l.ID] {
			return nil, fmt.Errorf("languages: %s listed twice", l.ID)
		}
		seen[l.ID] = true
	}
	return ls, nil
}

// Load returns the built-in languages, extended or overridden entry by
// entry by the files given (an entry with the id of a built-in one replaces
// it).
func Load(files ...string) (*Registry, error) {
	base, err := Parse(builtin)
	if err != nil {
		return nil, fmt.Errorf("built-in %w", err)
	}
	r := &Registry{langs: map[string]*Language{}}
	add := func(l *Language) {
		if _, ok := r.langs[l.ID]; !ok {
			r.order = append(r.order, l.ID)
		}
		r.langs[l.ID] = l
	}
	for _, l := range base {
		add(l)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("languages: %w", err)
		}
		ls, err := Parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		for _, l := range ls {
			add(l)
		}
	}
	return r, nil
}

// Lookup returns the language with the given id, present or not.
func (r *Registry) Lookup(id string) (*Language, bool) {
	l, ok := r.langs[id]
	return l, ok
}

// ForFile returns the language a source file name selects by extension.
func (r *Registry) ForFile(name string) (*Language, bool) {
	ext := filepath.Ext(name)
	for _, id := range r.order {
		for _, e := range r.langs[id].Extensions {
			if e == ext {
				return r.langs[id], true
			}
		}
	}
	return nil, false
}

// All returns every language, in the order of the files.
func (r *Registry) All() []*Language {
	out := make([]*Language, 0, len(r.order))
	for _, id := range r.order {
		out = append(out, r.langs[id])
	}
	return out
}

// Available probes the toolchains (once) and returns the languages whose
// version command runs on this machine, with their versions.
func (r *Registry) Available(ctx context.Context) []*Language {
	r.probe.Do(func() {
		var wg sync.WaitGroup
		for _, l := range r.langs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				l.Version, _ = probeVersion(ctx, l)
			}()
		}
		wg.Wait()
	})
	var out []*Language
	for _, id := range r.order {
		if r.langs[id].Version != "" {
			out = append(out, r.langs[id])
		}
	}
	return out
}

// probeVersion runs the version command with the language's own PATH and
// environment, on the host (the toolchain is trusted; submissions are not).
func probeVersion(ctx context.Context, l *Language) (string, error) {
	bin, err := l.LookPath(l.VersionCmd[0])
	if err != nil {
		return "", fmt.Errorf("%s: %w", l.ID, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, l.VersionCmd[1:]...)
	cmd.Env = l.Env
	cmd.Dir = os.TempDir()
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s: %s: %w", l.ID, strings.Join(l.VersionCmd, " "), err)
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if line == "" {
		return "", errors.New(l.ID + ": empty version")
	}
	return line, nil
}

// MainName returns the entry point of a submission: group 1 of the first
// match of the language's entry pattern in its sources (for Java, the public
// class), or "main".
func (l *Language) MainName(sources map[string][]byte) string {
	if l.entry == nil {
		return "main"
	}
	names := make([]string, 0, len(sources))
	for n := range sources {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if m := l.entry.FindSubmatch(sources[n]); m != nil {
			return string(m[1])
		}
	}
	return l.DefaultMain
}

// SourceName is the file name a single-file submission is saved as: the
// language's source name, or its entry point with the source's extension
// when the language names files after it (Java).
func (l *Language) SourceName(src []byte) string {
	if l.entry != nil {
		if m := l.entry.FindSubmatch(src); m != nil {
			return string(m[1]) + filepath.Ext(l.Source)
		}
	}
	return l.Source
}

// Vars returns the values of the {name} words of compile and run commands.
func Vars(main string, memoryBytes int64) map[string]string {
	return map[string]string{"main": main, "memory_mib": strconv.FormatInt(max(memoryBytes>>20, 16), 10)}
}
