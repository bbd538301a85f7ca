// Package engine sets up what judging needs on one machine: the language
// registry with the toolchains present, a sandbox that binds them, warm
// toolchain caches, and a judge with its compile cache.
package engine

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// Config configures an Engine.
type Config struct {
	// LangFiles extend or override the built-in languages.
	LangFiles []string
	// CacheDir holds the compile cache (compile/) and the warm toolchain
	// caches (toolchains/).
	CacheDir string
	// Boxes is the number of sandbox boxes, and so of runs at once
	// (default 2).
	Boxes int
	// Warn is told of what works less well than it could (a toolchain
	// cache that could not be warmed); nil: ignored.
	Warn func(error)
}

// Engine is a judge ready to run.
type Engine struct {
	Registry *lang.Registry
	// Available are the languages whose toolchain is present, in the
	// registry's order.
	Available []*lang.Language
	SB        *sandbox.Sandbox
	Judge     *judge.Judge
	byID      map[string]*lang.Language
}

// New probes the toolchains, warms their caches and starts the sandbox.
func New(ctx context.Context, cfg Config) (*Engine, error) {
	reg, err := lang.Load(cfg.LangFiles...)
	if err != nil {
		return nil, err
	}
	avail := reg.Available(ctx)
	overlays, errs := judge.PrepareCaches(ctx, avail, filepath.Join(cfg.CacheDir, "toolchains"))
	for _, err := range errs {
		if cfg.Warn != nil {
			cfg.Warn(err)
		}
	}
	boxes := cfg.Boxes
	if boxes <= 0 {
		boxes = 2
	}
	sb, err := sandbox.New(ctx, sandbox.Config{Boxes: boxes, Binds: judge.Binds(avail), Overlays: overlays})
	if err != nil {
		return nil, err
	}
	e := &Engine{Registry: reg, Available: avail, SB: sb, byID: map[string]*lang.Language{}}
	for _, l := range avail {
		e.byID[l.ID] = l
	}
	e.Judge = &judge.Judge{SB: sb, Compiler: &judge.Compiler{SB: sb, CacheDir: filepath.Join(cfg.CacheDir, "compile")}, Langs: reg}
	return e, nil
}

// Language returns the language with the given id when its toolchain is
// present here.
func (e *Engine) Language(id string) (*lang.Language, error) {
	if l := e.byID[id]; l != nil {
		return l, nil
	}
	if _, ok := e.Registry.Lookup(id); ok {
		return nil, fmt.Errorf("language %s: its toolchain is not installed here", id)
	}
	return nil, fmt.Errorf("unknown language %q", id)
}

// ForFile returns the available language a file name selects by extension.
func (e *Engine) ForFile(name string) (*lang.Language, error) {
	l, ok := e.Registry.ForFile(name)
	if !ok {
		return nil, fmt.Errorf("cannot tell the language of %s from its extension", name)
	}
	return e.Language(l.ID)
}

// Close stops the sandbox.
func (e *Engine) Close() error { return e.SB.Close() }
