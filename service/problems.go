package service

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/verdict-judge/verdict/blob"
	"github.com/verdict-judge/verdict/function"
	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/problem"
	"github.com/verdict-judge/verdict/store"
)

// Sample is a sample test shown with a problem.
type Sample struct {
	Name   string `json:"name"`
	Input  string `json:"input"`
	Output string `json:"output"`
}

// ProblemInfo is what the API shows of a problem.
type ProblemInfo struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	Kind            string            `json:"kind"`
	Type            string            `json:"type"`
	Difficulty      string            `json:"difficulty,omitempty"`
	Tags            []string          `json:"tags,omitempty"`
	TimeLimitMs     int64             `json:"time_limit_ms"`
	MemoryMiB       int64             `json:"memory_mib"`
	Status          string            `json:"status,omitempty"`
	TestCount       int               `json:"test_count"`
	Statement       string            `json:"statement,omitempty"`
	StatementFormat string            `json:"statement_format,omitempty"`
	Samples         []Sample          `json:"samples,omitempty"`
	Languages       []string          `json:"languages,omitempty"`
	Starter         map[string]string `json:"starter,omitempty"`
}

// Summary returns the problem without its statement, samples, languages
// and starter code.
func (p *ProblemInfo) Summary() *ProblemInfo {
	c := *p
	c.Statement, c.StatementFormat, c.Samples, c.Languages, c.Starter = "", "", nil, nil, nil
	return &c
}

// Limits on imported packages.
const (
	MaxPackageSize      = 64 << 20  // bytes of a zip upload
	maxPackageExtracted = 512 << 20 // bytes extracted
	maxPackageFiles     = 20000
	maxStatement        = 256 << 10
	maxSample           = 64 << 10
)

var problemIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// ValidProblemID reports whether s can be a problem id.
func ValidProblemID(s string) bool { return problemIDRE.MatchString(s) }

// ProblemInfo returns a problem's information.
func (s *Service) ProblemInfo(ctx context.Context, id string) (*ProblemInfo, error) {
	if !ValidProblemID(id) {
		return nil, errorf(NotFound, "no problem %q", id)
	}
	p, err := s.Store.Problem(ctx, id)
	if store.IsNotFound(err) {
		return nil, errorf(NotFound, "no problem %q", id)
	}
	if err != nil {
		return nil, err
	}
	var info ProblemInfo
	if err := json.Unmarshal(p.Info, &info); err != nil {
		return nil, fmt.Errorf("service: problem %s: %w", id, err)
	}
	return &info, nil
}

// ListProblems returns every problem's summary, with the status of the
// user (or anonymous client) when user is not "".
func (s *Service) ListProblems(ctx context.Context, user, client string) ([]*ProblemInfo, error) {
	rows, err := s.Store.Problems(ctx)
	if err != nil {
		return nil, err
	}
	var status map[string]string
	if user != "" {
		if status, err = s.Store.ProblemStatus(ctx, user, client); err != nil {
			return nil, err
		}
	}
	out := []*ProblemInfo{}
	for _, r := range rows {
		var info ProblemInfo
		if err := json.Unmarshal(r.Info, &info); err != nil {
			return nil, fmt.Errorf("service: problem %s: %w", r.ID, err)
		}
		sum := info.Summary()
		sum.Status = status[r.ID]
		out = append(out, sum)
	}
	return out, nil
}

// ImportProblem validates a problem package (a zip) and stores it under id
// (the package's own name when id is ""). replace says whether the problem
// must exist already (PUT) or must not (POST).
func (s *Service) ImportProblem(ctx context.Context, id string, data []byte, replace bool) (*ProblemInfo, error) {
	if id != "" && !ValidProblemID(id) {
		return nil, errorf(Invalid, "problem id %q: use 1 to 63 lower-case letters, digits, - and _", id)
	}
	if len(data) > MaxPackageSize {
		return nil, errorf(TooLarge, "the package is %d bytes, more than the limit of %d", len(data), MaxPackageSize)
	}
	if _, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
		return nil, errorf(Invalid, "the body is not a zip archive: %v", err)
	}
	dir, err := os.MkdirTemp("", "verdict-import-")
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	defer os.RemoveAll(dir)
	name := id
	if name == "" {
		name = "package"
	}
	path := filepath.Join(dir, name+".zip")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	p, err := problem.Options{MaxFiles: maxPackageFiles, MaxSize: maxPackageExtracted, TempDir: dir}.Load(path)
	if err != nil {
		var pe *problem.Error
		if errors.As(err, &pe) {
			return nil, errorf(Invalid, "bad problem package: %v", err)
		}
		return nil, fmt.Errorf("service: load package: %w", err)
	}
	defer p.Close()
	if id == "" {
		id = strings.ToLower(p.ShortName)
		if !ValidProblemID(id) || id == "package" {
			return nil, errorf(Invalid, "the package has no usable name (%q); give ?id=", p.ShortName)
		}
	}
	_, err = s.Store.Problem(ctx, id)
	exists := err == nil
	if err != nil && !store.IsNotFound(err) {
		return nil, err
	}
	if replace && !exists {
		return nil, errorf(NotFound, "no problem %q", id)
	}
	if !replace && exists {
		return nil, &Error{Kind: Conflict, Message: fmt.Sprintf("problem %q exists already (PUT replaces it)", id)}
	}
	info, err := s.describe(id, p)
	if err != nil {
		return nil, err
	}
	key, err := s.Blobs.Put(ctx, data)
	if err != nil {
		return nil, err
	}
	raw, err := json.Marshal(info)
	if err != nil {
		return nil, fmt.Errorf("service: %w", err)
	}
	if err := s.Store.PutProblem(ctx, &store.Problem{ID: id, Title: info.Title, Kind: info.Kind, Type: info.Type, BlobKey: key, Info: raw}); err != nil {
		return nil, err
	}
	s.Log.Info("problem stored", "problem", id, "blob", key, "replace", replace)
	return info, nil
}

// DeleteProblem removes a problem (its package stays in the blob store,
// content-addressed, for submissions judged from it).
func (s *Service) DeleteProblem(ctx context.Context, id string) error {
	if !ValidProblemID(id) {
		return errorf(NotFound, "no problem %q", id)
	}
	if err := s.Store.DeleteProblem(ctx, id); err != nil {
		if store.IsNotFound(err) {
			return errorf(NotFound, "no problem %q", id)
		}
		return err
	}
	return nil
}

// describe builds what the API shows of a loaded package.
func (s *Service) describe(id string, p *problem.Problem) (*ProblemInfo, error) {
	info := &ProblemInfo{ID: id, Title: p.Name, Kind: "stdio", Type: p.Type.String(), Starter: nil}
	if p.Interactive {
		info.Kind = "interactive"
	}
	if p.Function != nil {
		info.Kind = "function"
	}
	tl := p.Limits.TimeLimit
	if tl <= 0 {
		tl = judge.DefaultTimeLimit
	}
	info.TimeLimitMs, info.MemoryMiB = tl.Milliseconds(), p.Limits.Memory>>20
	info.TestCount = len(p.Cases())
	info.Difficulty, info.Tags = p.Difficulty, p.Tags
	for _, st := range p.Statements {
		if st.Format != "md" && st.Format != "tex" {
			continue
		}
		b, err := os.ReadFile(st.Path)
		if err != nil {
			return nil, fmt.Errorf("service: statement: %w", err)
		}
		if len(b) > maxStatement {
			b = b[:maxStatement]
		}
		info.Statement, info.StatementFormat = string(b), map[string]string{"md": "markdown", "tex": "latex"}[st.Format]
		break
	}
	if g := p.Group("sample"); g != nil {
		for _, c := range g.Cases() {
			in, err1 := readCapped(c.InPath)
			out, err2 := readCapped(c.AnsPath)
			if err := errors.Join(err1, err2); err != nil {
				return nil, fmt.Errorf("service: sample %s: %w", c.Name, err)
			}
			info.Samples = append(info.Samples, Sample{Name: c.Name, Input: in, Output: out})
		}
	}
	for _, l := range s.Engine.Available {
		if len(p.Languages) > 0 && !contains(p.Languages, l.ID) {
			continue
		}
		if p.Function != nil {
			g, err := function.GeneratorFor(l.ID)
			if err != nil {
				continue // no driver in this language
			}
			st, err := g.Starter(p.Function)
			if err != nil {
				continue
			}
			if info.Starter == nil {
				info.Starter = map[string]string{}
			}
			info.Starter[l.ID] = st
		}
		info.Languages = append(info.Languages, l.ID)
	}
	return info, nil
}

func readCapped(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if len(b) > maxSample {
		return string(b[:maxSample]) + "\n[cut]", nil
	}
	return string(b), nil
}

// ZipFS zips the tree of fsys under a top-level directory named top: a
// problem package ready to import.
func ZipFS(fsys fs.FS, top string) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	var names []string
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		f, err := w.Create(top + "/" + n)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(b); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ProblemCache holds problem packages loaded from the blob store, by
// content address, extracted under a directory of the worker's.
type ProblemCache struct {
	Cache *blob.Cache
	Dir   string
	mu    sync.Mutex
	m     map[string]*cached
}

type cached struct {
	once sync.Once
	p    *problem.Problem
	err  error
}

// Load returns the package with the given content address.
func (c *ProblemCache) Load(ctx context.Context, key string) (*problem.Problem, error) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*cached{}
	}
	e := c.m[key]
	if e == nil {
		e = &cached{}
		c.m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		path, err := c.Cache.Path(ctx, key, ".zip")
		if err != nil {
			e.err = err
			return
		}
		if err := os.MkdirAll(c.Dir, 0o700); err != nil {
			e.err = err
			return
		}
		e.p, e.err = problem.Options{MaxFiles: maxPackageFiles, MaxSize: maxPackageExtracted, TempDir: c.Dir}.Load(path)
	})
	if e.err != nil {
		c.mu.Lock()
		if c.m[key] == e {
			delete(c.m, key) // try again next time
		}
		c.mu.Unlock()
	}
	return e.p, e.err
}

// Close removes the extracted packages.
func (c *ProblemCache) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.m {
		if e.p != nil {
			e.p.Close()
		}
		delete(c.m, k)
	}
}
