package piston

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPistonClient drives the API with the npm package piston-client, a
// real Piston client, unchanged. .ci/run installs it (npm ci in
// testdata/client); without node or the package the test skips.
func TestPistonClient(t *testing.T) {
	dir := filepath.Join("testdata", "client")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "piston-client")); err != nil {
		t.Skip("piston-client is not installed: run `npm ci` in compat/piston/testdata/client")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node here")
	}
	srv, e := newServer(t)
	if e.Langs["python"] == nil || e.Langs["cpp"] == nil {
		t.Skip("needs python and cpp")
	}
	out, err := exec.Command(node, filepath.Join(dir, "client.mjs"), srv.URL).Output()
	if err != nil {
		t.Fatalf("client: %v: %s", err, out)
	}
	type stage struct {
		Stdout string  `json:"stdout"`
		Stderr string  `json:"stderr"`
		Code   *int    `json:"code"`
		Status *string `json:"status"`
	}
	type result struct {
		Run      *stage `json:"run"`
		Compile  *stage `json:"compile"`
		Language string `json:"language"`
		Message  string `json:"message"`
	}
	var got struct {
		Runtimes []Runtime `json:"runtimes"`
		Python   result    `json:"python"`
		CPP      result    `json:"cpp"`
		Error    result    `json:"error"`
		Unknown  result    `json:"unknown"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(got.Runtimes) != len(e.Avail) {
		t.Errorf("client saw %d runtimes, want %d", len(got.Runtimes), len(e.Avail))
	}
	// piston-client passes args 1 2 3 unless told otherwise.
	if r := got.Python.Run; r == nil || r.Stdout != "olleh ['1', '2', '3']\n" || *r.Code != 0 {
		t.Errorf("python: %+v", got.Python)
	}
	if r := got.CPP.Run; r == nil || got.CPP.Compile == nil || r.Stdout != "2\n" || got.CPP.Language != "c++" {
		t.Errorf("c++: %+v", got.CPP)
	}
	if r := got.Error.Run; r == nil || r.Code == nil || *r.Code != 4 || r.Status == nil || *r.Status != "RE" {
		t.Errorf("exit 4: %+v", got.Error)
	}
	if !strings.Contains(got.Unknown.Message, "runtime is unknown") {
		t.Errorf("unknown language: %+v", got.Unknown)
	}
}
