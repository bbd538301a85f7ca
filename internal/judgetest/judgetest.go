// Package judgetest gives tests of the packages above the judge a real
// judging setup: the languages present on this machine, a sandbox that
// mounts their toolchains, and a judge with its own compile cache. The
// toolchain caches (Go's standard library, C++'s precompiled header) are
// kept between test runs under $TMPDIR/verdict-test-cache, since warming
// them takes a minute.
//
// A test binary that uses it must call sandbox.Main first in TestMain.
package judgetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/verdict-judge/verdict/judge"
	"github.com/verdict-judge/verdict/lang"
	"github.com/verdict-judge/verdict/sandbox"
)

// Env is a judging setup for a test.
type Env struct {
	Reg   *lang.Registry
	Avail []*lang.Language
	Langs map[string]*lang.Language // present languages by id
	SB    *sandbox.Sandbox
	Judge *judge.Judge
}

// New sets up judging for a test, or skips it where the sandbox cannot run
// (not root). The sandbox is closed when the test ends.
func New(t testing.TB) *Env {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("judging needs the sandbox, which needs root")
	}
	ctx := context.Background()
	reg, err := lang.Load()
	if err != nil {
		t.Fatal(err)
	}
	avail := reg.Available(ctx)
	overlays, errs := judge.PrepareCaches(ctx, avail, ToolchainCache(t))
	for _, err := range errs {
		t.Log(err)
	}
	sb, err := sandbox.New(ctx, sandbox.Config{Boxes: 2, Binds: judge.Binds(avail), Overlays: overlays})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	e := &Env{Reg: reg, Avail: avail, Langs: map[string]*lang.Language{}, SB: sb}
	for _, l := range avail {
		e.Langs[l.ID] = l
	}
	e.Judge = &judge.Judge{SB: sb, Compiler: &judge.Compiler{SB: sb, CacheDir: t.TempDir()}, Langs: reg}
	return e
}

// ToolchainCache is the directory of the warm toolchain caches shared by
// every test run on this machine.
func ToolchainCache(t testing.TB) string {
	d := filepath.Join(os.TempDir(), "verdict-test-cache", "cli", "toolchains")
	if err := os.MkdirAll(d, 0o700); err != nil {
		t.Fatal(err)
	}
	return d
}

// Languages returns the languages present: with RunCode, an Env is the
// runner the execution APIs (compat/judge0, compat/piston) take.
func (e *Env) Languages() []*lang.Language { return e.Avail }

// RunCode compiles and runs code with the Env's judge.
func (e *Env) RunCode(ctx context.Context, c *judge.CodeRun) (*judge.CodeResult, error) {
	return e.Judge.RunCode(ctx, c)
}
