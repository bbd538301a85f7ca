// Package judge takes a submission from source to verdict: it compiles it
// in the sandbox (with a cache), runs it on a problem's tests, checks each
// output and aggregates the results. It knows nothing of HTTP or storage.
package judge

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verdict-judge/verdict/internal/safefs"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// Source is one file of a submission.
type Source struct {
	Name string
	Data []byte
}

// MaxSourceSize is the default cap on the size of a submission's sources.
const MaxSourceSize = 256 << 10

// SourceError is a problem with the submission itself: it is reported to
// its author, never judged.
type SourceError struct{ Msg string }

func (e *SourceError) Error() string { return e.Msg }

// CheckSources validates a submission's files: names, sizes, text.
func CheckSources(srcs []Source, maxSize int64) error {
	if len(srcs) == 0 {
		return &SourceError{"no source file"}
	}
	if maxSize <= 0 {
		maxSize = MaxSourceSize
	}
	var total int64
	seen := map[string]bool{}
	for _, s := range srcs {
		c, err := safefs.CleanName(s.Name)
		if err != nil || strings.Contains(c, "/") || strings.HasPrefix(c, ".") {
			return &SourceError{fmt.Sprintf("source file name %q: want a plain file name", s.Name)}
		}
		if seen[c] {
			return &SourceError{fmt.Sprintf("source file %s given twice", c)}
		}
		seen[c] = true
		if len(bytes.TrimSpace(s.Data)) == 0 {
			return &SourceError{fmt.Sprintf("source file %s is empty", c)}
		}
		if bytes.IndexByte(s.Data, 0) >= 0 {
			return &SourceError{fmt.Sprintf("source file %s is binary (it holds NUL bytes), not program text", c)}
		}
		total += int64(len(s.Data))
	}
	if total > maxSize {
		return &SourceError{fmt.Sprintf("the sources are %d bytes; the limit is %d", total, maxSize)}
	}
	return nil
}

// Program is a submission ready to run: its compiled artifacts (or its
// sources, for interpreted languages) and its command line.
type Program struct {
	Lang  *lang.Language
	Main  string         // entry point ({main})
	Files []sandbox.File // placed in the work directory of every run
}

// Args returns the program's command line for a run with the given
// memory limit.
func (p *Program) Args(memory int64) []string {
	return lang.Expand(p.Lang.Run, lang.Vars(p.Main, memory), nil)
}

// Compiled is the outcome of compiling.
type Compiled struct {
	OK      bool
	Output  string // the compiler's messages, capped
	Program *Program
	Cached  bool          // taken from the compile cache
	CPU     time.Duration // of the compile run (zero when cached)
	Wall    time.Duration
}

// Compiler compiles submissions in the sandbox. Results, failures
// included, are cached on disk by language, toolchain version, commands and
// sources: the same source is never compiled twice.
type Compiler struct {
	SB       *sandbox.Sandbox
	CacheDir string // empty: no cache
	// Limits of a compile run; zero fields take CompileLimits.
	Limits sandbox.Limits
}

// CompileLimits are the default limits of a compile run.
var CompileLimits = sandbox.Limits{
	CPU:      30 * time.Second,
	Wall:     60 * time.Second,
	Memory:   1 << 30,
	Pids:     64,
	FileSize: 256 << 20,
	Stdout:   64 << 10,
	Stderr:   64 << 10,
}

// maxCompilerOutput caps the compiler messages kept.
const maxCompilerOutput = 64 << 10

type cacheMeta struct {
	OK     bool              `json:"ok"`
	Output string            `json:"output"`
	Main   string            `json:"main"`
	Files  map[string]uint32 `json:"files"` // name -> mode
}

// key identifies a compilation.
func key(l *lang.Language, srcs []Source) string {
	h := sha256.New()
	fmt.Fprintf(h, "verdict-compile-1\x00%s\x00%s\x00%q\x00%q\x00%q\x00%q\x00", l.ID, l.Version, l.Compile, l.Artifacts, l.Run, l.Env)
	sorted := append([]Source(nil), srcs...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	for _, s := range sorted {
		fmt.Fprintf(h, "%s\x00%d\x00", s.Name, len(s.Data))
		h.Write(s.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Compile compiles the sources (or takes the result from the cache). An
// error means the compilation could not be carried out (a judge error);
// a compile error of the submission is Compiled.OK == false.
func (c *Compiler) Compile(ctx context.Context, l *lang.Language, srcs []Source) (*Compiled, error) {
	if err := CheckSources(srcs, 0); err != nil {
		return nil, err
	}
	sources := map[string][]byte{}
	for _, s := range srcs {
		sources[s.Name] = s.Data
	}
	main := l.MainName(sources)
	if len(l.Compile) == 0 {
		// Interpreted without a check step: the sources are the program.
		return &Compiled{OK: true, Program: &Program{Lang: l, Main: main, Files: sourceFiles(srcs)}}, nil
	}
	k := key(l, srcs)
	if res, ok := c.fromCache(k, l); ok {
		return res, nil
	}
	lim := c.Limits.Or(CompileLimits)
	if l.CompileLimits.Pids > lim.Pids {
		lim.Pids = l.CompileLimits.Pids
	}
	if m := int64(l.CompileLimits.MemoryMiB) << 20; m > lim.Memory {
		lim.Memory = m
	}
	if s := time.Duration(l.CompileLimits.CPUSeconds) * time.Second; s > lim.CPU {
		lim.CPU, lim.Wall = s, 2*s
	}
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.Name
	}
	sort.Strings(names)
	res, err := c.SB.Run(ctx, &sandbox.Spec{
		Args:    lang.Expand(l.Compile, lang.Vars(main, lim.Memory), names),
		Env:     l.Env,
		Files:   sourceFiles(srcs),
		Collect: l.Artifacts,
		Limits:  lim,
	})
	if err != nil {
		return nil, fmt.Errorf("judge: compile: %w", err)
	}
	out := compilerOutput(res)
	comp := &Compiled{OK: res.Status == sandbox.StatusOK, Output: out, CPU: res.CPU, Wall: res.Wall}
	if !comp.OK && res.Status != sandbox.StatusRE {
		comp.Output = strings.TrimSpace(out + "\n" + "compilation stopped: " + res.Message)
	}
	if comp.OK {
		p := &Program{Lang: l, Main: main}
		if len(l.Artifacts) == 0 {
			p.Files = sourceFiles(srcs)
		}
		for _, a := range l.Artifacts {
			found := false
			for name, data := range res.Files {
				if name == a || (strings.HasSuffix(a, "/") && strings.HasPrefix(name, a)) {
					p.Files = append(p.Files, sandbox.File{Name: name, Data: data, Mode: 0o755})
					found = true
				}
			}
			if !found {
				comp.OK = false
				comp.Output = strings.TrimSpace(out + "\n" + fmt.Sprintf("the compiler made no %s", a))
			}
		}
		sort.Slice(p.Files, func(i, j int) bool { return p.Files[i].Name < p.Files[j].Name })
		if comp.OK {
			comp.Program = p
		}
	}
	c.toCache(k, comp)
	return comp, nil
}

func sourceFiles(srcs []Source) []sandbox.File {
	files := make([]sandbox.File, len(srcs))
	for i, s := range srcs {
		files[i] = sandbox.File{Name: s.Name, Data: s.Data, Mode: 0o644}
	}
	return files
}

// compilerOutput joins the compiler's stdout and stderr, as text.
func compilerOutput(res *sandbox.Result) string {
	out := string(res.Stdout) + string(res.Stderr)
	if len(out) > maxCompilerOutput {
		out = out[:maxCompilerOutput] + "\n[compiler output cut]"
	}
	return strings.ToValidUTF8(strings.TrimSpace(out), "\uFFFD")
}

func (c *Compiler) entryDir(k string) string {
	return filepath.Join(c.CacheDir, k[:2], k)
}

func (c *Compiler) fromCache(k string, l *lang.Language) (*Compiled, bool) {
	if c.CacheDir == "" {
		return nil, false
	}
	dir := c.entryDir(k)
	b, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		return nil, false
	}
	var m cacheMeta
	if json.Unmarshal(b, &m) != nil {
		return nil, false
	}
	comp := &Compiled{OK: m.OK, Output: m.Output, Cached: true}
	if !m.OK {
		return comp, true
	}
	p := &Program{Lang: l, Main: m.Main}
	names := make([]string, 0, len(m.Files))
	for n := range m.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, "files", filepath.FromSlash(n)))
		if err != nil {
			return nil, false
		}
		p.Files = append(p.Files, sandbox.File{Name: n, Data: data, Mode: os.FileMode(m.Files[n])})
	}
	comp.Program = p
	return comp, true
}

// toCache stores a result; a failure to cache only costs a recompilation.
func (c *Compiler) toCache(k string, comp *Compiled) {
	if c.CacheDir == "" || !utf8.ValidString(comp.Output) {
		return
	}
	final := c.entryDir(k)
	if err := os.MkdirAll(filepath.Dir(final), 0o700); err != nil {
		return
	}
	tmp, err := os.MkdirTemp(filepath.Dir(final), ".tmp-")
	if err != nil {
		return
	}
	defer os.RemoveAll(tmp)
	m := cacheMeta{OK: comp.OK, Output: comp.Output, Files: map[string]uint32{}}
	if comp.Program != nil {
		m.Main = comp.Program.Main
		for _, f := range comp.Program.Files {
			p := filepath.Join(tmp, "files", filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
				return
			}
			if err := os.WriteFile(p, f.Data, 0o600); err != nil {
				return
			}
			m.Files[f.Name] = uint32(f.Mode.Perm())
		}
	}
	b, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(tmp, "meta.json"), b, 0o600); err != nil {
		return
	}
	if err := os.Rename(tmp, final); err != nil && !errors.Is(err, os.ErrExist) {
		return
	}
}

// Binds returns what a sandbox must mount for the given languages'
// toolchains, besides sandbox.DefaultBinds.
func Binds(langs []*lang.Language) []sandbox.Bind {
	binds := append([]sandbox.Bind(nil), sandbox.DefaultBinds...)
	seen := map[string]bool{}
	for _, l := range langs {
		for _, b := range l.Binds {
			if !seen[b] {
				seen[b] = true
				binds = append(binds, sandbox.Bind{Source: b, Optional: true})
			}
		}
	}
	return binds
}
