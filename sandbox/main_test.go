package sandbox_test

import (
	"context"
	"log/slog"
	"os"
	"testing"

	"github.com/verdict-judge/verdict/sandbox"
)

// TestMain lets the test binary serve as the box supervisor too.
func TestMain(m *testing.M) {
	sandbox.Main()
	os.Exit(m.Run())
}

// newSandbox starts a Sandbox for a test, or skips the test where this
// machine cannot give every isolation layer (not root, no cgroups).
func newSandbox(tb testing.TB, cfg sandbox.Config) *sandbox.Sandbox {
	tb.Helper()
	if os.Geteuid() != 0 {
		tb.Skip("sandbox tests need root (namespaces, cgroups, pivot_root); run them as root")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(testWriter{tb}, nil))
	}
	if cfg.Binds == nil {
		cfg.Binds = sandbox.DefaultBinds
	}
	sb, err := sandbox.New(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("sandbox.New: %v", err)
	}
	tb.Cleanup(func() { sb.Close() })
	return sb
}

// testWriter sends log lines to the test's log.
type testWriter struct{ tb testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.tb.Log(string(p))
	return len(p), nil
}
