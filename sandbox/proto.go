package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
)

// The host and a box talk over a SOCK_SEQPACKET socket pair: one JSON
// message a packet, with file descriptors alongside (SCM_RIGHTS).
//
//	host -> box: setup {config}
//	host -> box: next + [cgroup v1 tasks files of the next run's cgroup]
//	                                       box -> host: ready + [work dir fd]
//	host -> box: run {request} + [stdin, stdout, stderr, (v2) cgroup.procs]
//	host -> box: kill (any time during a run)
//	                                       box -> host: done {exit}
//	then next, ready, run, done again.     box -> host: fail {error} (box unusable)
const (
	opSetup = "setup"
	opNext  = "next"
	opRun   = "run"
	opKill  = "kill"
	opReady = "ready"
	opDone  = "done"
	opFail  = "fail"
)

const maxMessage = 256 << 10

type message struct {
	Op    string       `json:"op"`
	Setup *boxConfig   `json:"setup,omitempty"`
	Run   *runRequest  `json:"run,omitempty"`
	Done  *runResponse `json:"done,omitempty"`
	Error string       `json:"error,omitempty"`

	files []*os.File // received or to be sent alongside
}

// Bind is a host directory (or file) mounted into every box.
type Bind struct {
	Source   string `json:"source"`   // host path
	Target   string `json:"target"`   // path inside the box; default Source
	Writable bool   `json:"writable"` // default read-only
	Optional bool   `json:"optional"` // skip when Source does not exist
}

// Overlay gives every run a writable view of a host directory: the
// directory itself, read-only, under a fresh tmpfs layer of the run's own.
// Nothing a run writes there outlives it. A toolchain's warm build cache is
// the use: each run starts from the warm cache and may add to it.
type Overlay struct {
	Source string `json:"source"` // host directory, never written
	Target string `json:"target"` // path inside the box
}

// boxConfig is what a box needs to build its file system.
type boxConfig struct {
	Root      string    `json:"root"` // empty host directory to mount the new root on
	UID       int       `json:"uid"`
	GID       int       `json:"gid"`
	Binds     []Bind    `json:"binds"`
	Overlays  []Overlay `json:"overlays"`
	WorkSize  int64     `json:"work_size"`
	TmpSize   int64     `json:"tmp_size"`
	NoSeccomp bool      `json:"no_seccomp"`
	// Vfork selects the fast path of starting programs (cgroup v1).
	Vfork bool `json:"vfork"`
}

type rlimitSpec struct {
	Resource int    `json:"r"`
	Cur      uint64 `json:"c"`
	Max      uint64 `json:"m"`
}

type runRequest struct {
	Args    []string     `json:"args"`
	Env     []string     `json:"env"`
	Dir     string       `json:"dir"`
	RLimits []rlimitSpec `json:"rlimits"`
	// The first three files are stdin, stdout, stderr; the rest are
	// cgroup.procs files to write the program's pid into before it executes.
}

type runResponse struct {
	// StartError is set when the program could not be started at all.
	StartError string `json:"start_error,omitempty"`
	ExitCode   int    `json:"exit_code"`
	Signal     int    `json:"signal"`
	WallNS     int64  `json:"wall_ns"`
	MaxRSSKiB  int64  `json:"maxrss_kib"`
}

type conn struct {
	c   *net.UnixConn
	buf []byte // receive buffers, used by one reader at a time
	oob []byte
}

func newConn(f *os.File) (*conn, error) {
	fc, err := net.FileConn(f)
	if err != nil {
		return nil, err
	}
	uc, ok := fc.(*net.UnixConn)
	if !ok {
		fc.Close()
		return nil, errors.New("sandbox: control socket is not a unix socket")
	}
	return &conn{c: uc, buf: make([]byte, maxMessage), oob: make([]byte, syscall.CmsgSpace(16*4))}, nil
}

func (c *conn) send(m *message) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var oob []byte
	if len(m.files) > 0 {
		fds := make([]int, len(m.files))
		for i, f := range m.files {
			fds[i] = int(f.Fd())
		}
		oob = syscall.UnixRights(fds...)
	}
	_, _, err = c.c.WriteMsgUnix(b, oob, nil)
	return err
}

// recv reads one message. Received descriptors are close-on-exec (the net
// package asks the kernel for MSG_CMSG_CLOEXEC).
func (c *conn) recv() (*message, error) {
	buf, oob := c.buf, c.oob
	n, oobn, flags, _, err := c.c.ReadMsgUnix(buf, oob)
	if err != nil {
		return nil, err
	}
	var files []*os.File
	if oobn > 0 {
		cmsgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
		if err != nil {
			return nil, fmt.Errorf("sandbox: control message: %w", err)
		}
		for _, cm := range cmsgs {
			fds, err := syscall.ParseUnixRights(&cm)
			if err != nil {
				continue
			}
			for _, fd := range fds {
				files = append(files, os.NewFile(uintptr(fd), "received"))
			}
		}
	}
	if n == 0 && oobn == 0 {
		return nil, errors.New("sandbox: control socket closed")
	}
	if flags&(syscall.MSG_TRUNC|syscall.MSG_CTRUNC) != 0 {
		closeAll(files)
		return nil, errors.New("sandbox: control message truncated")
	}
	m := &message{}
	if err := json.Unmarshal(buf[:n], m); err != nil {
		closeAll(files)
		return nil, fmt.Errorf("sandbox: control message: %w", err)
	}
	m.files = files
	return m, nil
}

func (c *conn) close() error { return c.c.Close() }

func closeAll(files []*os.File) {
	for _, f := range files {
		if f != nil {
			f.Close()
		}
	}
}
