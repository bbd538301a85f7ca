package cgroup

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

func TestDetect(t *testing.T) {
	info, err := Detect()
	if err != nil {
		t.Fatal(err)
	}
	if info.Version == 0 {
		t.Skip("no cgroup file system on this machine")
	}
	if len(info.Controllers) == 0 {
		t.Errorf("no controllers found: %+v", info)
	}
}

func open(t *testing.T) *Hierarchy {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("creating cgroups needs root")
	}
	h, err := Open("verdict-test")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return h
}

func TestGroupAccounting(t *testing.T) {
	h := open(t)
	g, err := h.New("acct", Limits{Memory: 128 << 20, Pids: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Destroy()
	// A child that burns CPU and touches 40 MiB, moved into the group
	// before it starts working.
	cmd := exec.Command("/usr/bin/python3", "-c", "import sys; sys.stdin.read(1); x = bytearray(40 << 20); i = 0\nwhile i < 3000000: i += 1")
	w, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if err := g.Add(cmd.Process.Pid); err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("x"))
	w.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	st, err := g.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.MemoryPeak < 40<<20 {
		t.Errorf("peak %d bytes, want at least the 40 MiB touched", st.MemoryPeak)
	}
	if st.CPU < 10*time.Millisecond {
		t.Errorf("CPU %v, want the loop counted", st.CPU)
	}
	cpu, err := g.CPU()
	if err != nil || cpu != st.CPU && cpu < st.CPU {
		t.Errorf("CPU() = %v, %v", cpu, err)
	}
	if st.OOMKills != 0 {
		t.Errorf("OOM kills %d", st.OOMKills)
	}
}

func TestGroupOOM(t *testing.T) {
	h := open(t)
	g, err := h.New("oom", Limits{Memory: 32 << 20, Pids: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Destroy()
	cmd := exec.Command("/usr/bin/python3", "-c", "import sys; sys.stdin.read(1); x = bytearray(200 << 20)")
	w, _ := cmd.StdinPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	g.Add(cmd.Process.Pid)
	w.Write([]byte("x"))
	w.Close()
	if err := cmd.Wait(); err == nil {
		t.Fatal("200 MiB fitted in a 32 MiB group")
	}
	st, err := g.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.OOMKills == 0 && st.MemoryPeak < 31<<20 {
		t.Errorf("no OOM kill and peak %d: the limit did not act", st.MemoryPeak)
	}
}

func TestKillAndDestroy(t *testing.T) {
	h := open(t)
	g, err := h.New("kill", Limits{Memory: 64 << 20, Pids: 16})
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("/bin/sleep", "100")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	g.Add(cmd.Process.Pid)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	if err := g.Kill(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("process survived Kill")
	}
	if err := g.Destroy(); err != nil {
		t.Fatal(err)
	}
	for _, d := range h.Dirs() {
		if _, err := os.Stat(d + "/kill"); err == nil {
			t.Errorf("%s/kill still exists", d)
		}
	}
}
