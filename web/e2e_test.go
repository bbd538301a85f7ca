package web

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestBrowser runs the end-to-end tests of the site (web/e2e/run.mjs) in
// Debian's chromium, driven by playwright-core, against a real `verdict
// serve` built from this tree. It needs /usr/bin/chromium (or $CHROMIUM),
// node, and web/node_modules (`npm ci` in web/); .ci/run installs them.
// VERDICT_SCREENSHOTS=dir keeps the screenshots there (`make screenshots`
// writes docs/screenshots).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests are not short")
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no browser at %s (apt-get install chromium): %v", chromium, err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat("node_modules/playwright-core/package.json"); err != nil {
		t.Skip("web/node_modules is missing: run `npm ci` in web/ to install playwright-core")
	}
	if os.Geteuid() != 0 {
		t.Skip("verdict serve judges in the sandbox, which needs root")
	}

	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "verdict")
	build := exec.Command("go", "build", "-o", bin, "./cmd/verdict")
	build.Dir = root
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building verdict: %v\n%s", err, out)
	}

	addr, err := freeAddr()
	if err != nil {
		t.Fatal(err)
	}
	const key = "e2e-admin-key-0123456789abcdef"
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	var serveLog bytes.Buffer
	serve := exec.CommandContext(ctx, bin, "serve", "--data", t.TempDir(), "--addr", addr)
	serve.Env = append(os.Environ(), "VERDICT_ADMIN_KEY="+key)
	serve.Stdout = &serveLog
	serve.Stderr = &serveLog
	if err := serve.Start(); err != nil {
		t.Fatalf("starting verdict serve: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = serve.Wait(); close(exited) }()
	defer func() {
		_ = serve.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = serve.Process.Kill()
			<-exited
		}
		if t.Failed() {
			t.Logf("verdict serve said:\n%s", serveLog.String())
		}
	}()
	base := "http://" + addr
	if err := waitReady(ctx, base+"/healthz", exited, 3*time.Minute); err != nil {
		if strings.Contains(serveLog.String(), `unknown command "serve"`) {
			t.Skip("this verdict has no serve command yet")
		}
		t.Fatalf("verdict serve did not come up: %v\n%s", err, serveLog.String())
	}
	// The tests use two-sum (a function problem) and sum (input/output):
	// import them unless the server's problem set has them.
	for id, dir := range map[string]string{"two-sum": "testdata/functions/two-sum", "sum": "testdata/problems/sum"} {
		if err := ensureProblem(ctx, base, key, id, filepath.Join(root, dir)); err != nil {
			t.Fatal(err)
		}
	}

	shots := os.Getenv("VERDICT_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if shots, err = filepath.Abs(shots); err != nil {
		t.Fatal(err)
	}
	// A package for the admin page's import.
	pkg, err := zipDir(filepath.Join(root, "testdata/problems/divide"))
	if err != nil {
		t.Fatal(err)
	}
	pkgFile := filepath.Join(t.TempDir(), "divide.zip")
	if err := os.WriteFile(pkgFile, pkg, 0o644); err != nil {
		t.Fatal(err)
	}
	run := exec.CommandContext(ctx, node, "e2e/run.mjs")
	run.Env = append(os.Environ(), "VERDICT_URL="+base, "VERDICT_SCREENSHOTS="+shots, "CHROMIUM="+chromium,
		"VERDICT_ADMIN_KEY="+key, "VERDICT_E2E_PACKAGE="+pkgFile)
	out, err := run.CombinedOutput()
	t.Logf("node e2e/run.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("browser tests failed: %v", err)
	}
	if !strings.Contains(string(out), " passed, 0 failed") {
		t.Fatalf("browser tests did not report their results")
	}
}

// freeAddr finds a loopback address with a free port.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// waitReady polls url until it answers 200, the server exits, or limit passes.
func waitReady(ctx context.Context, url string, exited <-chan struct{}, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	var last error
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("%s: %s", url, resp.Status)
		}
		last = err
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-exited:
			return errors.New("the server exited")
		case <-time.After(200 * time.Millisecond):
		}
	}
	return fmt.Errorf("not ready after %v: %w", limit, last)
}

// ensureProblem imports the package in dir as id unless the server has it.
func ensureProblem(ctx context.Context, base, key, id, dir string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/v1/problems/"+id, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("looking up %s: %w", id, err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return nil
	}
	if resp.StatusCode != http.StatusNotFound {
		return fmt.Errorf("looking up %s: %s", id, resp.Status)
	}
	zipped, err := zipDir(dir)
	if err != nil {
		return err
	}
	req, _ = http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/problems?id="+id, bytes.NewReader(zipped))
	req.Header.Set("Content-Type", "application/zip")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("importing %s: %w", id, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		return fmt.Errorf("importing %s: %s: %s", id, resp.Status, body)
	}
	return nil
}

// zipDir packs a problem package directory (regular files only).
func zipDir(dir string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if strings.Contains(rel, "__pycache__") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("zipping %s: %w", dir, err)
	}
	if err := zw.Close(); err != nil {
		return nil, errors.Join(fmt.Errorf("zipping %s", dir), err)
	}
	return buf.Bytes(), nil
}
