package web

import (
	"os"
	"os/exec"
	"testing"
)

// TestScriptUnits runs the front end's unit tests (web/test, node's test
// runner), which need node and web/node_modules (`npm ci` in web/).
func TestScriptUnits(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat("node_modules/esbuild/package.json"); err != nil {
		t.Skip("web/node_modules is missing: run `npm ci` in web/")
	}
	out, err := exec.Command(node, "--test", "test/").CombinedOutput()
	if err != nil {
		t.Fatalf("node --test test/: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
