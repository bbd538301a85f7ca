// Package sandbox runs one untrusted program under every isolation layer
// Linux offers an unprivileged judge: namespaces (mount, PID, network, IPC,
// UTS, cgroup), a fresh read-only tmpfs root reached by pivot_root, a per-run
// cgroup (memory with swap off, processes, CPU accounting), rlimits, a
// seccomp-bpf filter, NoNewPrivs and an unprivileged user of its own.
//
// A Sandbox keeps a pool of pre-started boxes. A box is a supervisor process
// (this same executable, started again with Main as its entry point) that
// sits as PID 1 in its own namespaces with the root file system already
// built; each Run hands it a program, and after the run it kills everything
// left, mounts fresh /box, /tmp and /dev/shm file systems and waits for the
// next one. Runs in a reused box see nothing of earlier runs: every run gets
// a new IPC namespace, a new cgroup, and new tmpfs mounts.
//
// The sandbox knows nothing of problems or languages: it runs a program with
// limits and reports what happened.
package sandbox

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Status says how a run ended.
type Status string

// The statuses of a run.
const (
	StatusOK  Status = "OK"  // exited with status 0
	StatusRE  Status = "RE"  // non-zero exit status, or killed by a signal
	StatusTLE Status = "TLE" // CPU time or wall-clock limit exceeded
	StatusMLE Status = "MLE" // memory limit exceeded
	StatusOLE Status = "OLE" // an output cap or the file size limit exceeded
	StatusIE  Status = "IE"  // the sandbox itself failed; never the program's fault
)

// Limits bound one run. Zero values take the defaults of DefaultLimits.
type Limits struct {
	CPU       time.Duration // CPU time of every process and thread together
	Wall      time.Duration // wall clock; default 3 × CPU
	Memory    int64         // bytes of memory of the whole run (swap off)
	Pids      int           // processes and threads at once
	Stack     int64         // bytes of stack (RLIMIT_STACK); default 7/8 of Memory
	FileSize  int64         // bytes in any one file written (RLIMIT_FSIZE)
	OpenFiles int           // file descriptors (RLIMIT_NOFILE)
	Stdout    int64         // bytes of standard output captured before OLE
	Stderr    int64         // bytes of standard error captured before OLE
}

// DefaultLimits are the limits used for the fields of Limits left zero.
var DefaultLimits = Limits{
	CPU:       time.Second,
	Memory:    256 << 20,
	Pids:      64,
	FileSize:  64 << 20,
	OpenFiles: 256,
	Stdout:    64 << 20,
	Stderr:    8 << 20,
}

// Or returns l with each of its zero fields taken from d: limits given in
// part over a caller's own defaults (WithDefaults then fills the rest).
func (l Limits) Or(d Limits) Limits {
	or := func(v *time.Duration, dv time.Duration) {
		if *v <= 0 {
			*v = dv
		}
	}
	or(&l.CPU, d.CPU)
	or(&l.Wall, d.Wall)
	for _, p := range []struct{ v, d *int64 }{{&l.Memory, &d.Memory}, {&l.Stack, &d.Stack}, {&l.FileSize, &d.FileSize}, {&l.Stdout, &d.Stdout}, {&l.Stderr, &d.Stderr}} {
		if *p.v <= 0 {
			*p.v = *p.d
		}
	}
	if l.Pids <= 0 {
		l.Pids = d.Pids
	}
	if l.OpenFiles <= 0 {
		l.OpenFiles = d.OpenFiles
	}
	return l
}

// WithDefaults returns l with every zero field set to its default.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits
	if l.CPU <= 0 {
		l.CPU = d.CPU
	}
	if l.Wall <= 0 {
		l.Wall = 3 * l.CPU
	}
	if l.Memory <= 0 {
		l.Memory = d.Memory
	}
	if l.Pids <= 0 {
		l.Pids = d.Pids
	}
	if l.Stack <= 0 {
		// Nearly all of the memory: runaway recursion then ends as the stack
		// overflow it is (SIGSEGV, RE), before the memory limit's OOM kill.
		l.Stack = l.Memory - l.Memory/8
	}
	if l.FileSize <= 0 {
		l.FileSize = d.FileSize
	}
	if l.OpenFiles <= 0 {
		l.OpenFiles = d.OpenFiles
	}
	if l.Stdout <= 0 {
		l.Stdout = d.Stdout
	}
	if l.Stderr <= 0 {
		l.Stderr = d.Stderr
	}
	return l
}

// File is a file placed in the work directory before a run.
type File struct {
	Name string      // path relative to the work directory
	Data []byte      // contents
	Path string      // or: a host file to copy (read by the host, not the program)
	Mode os.FileMode // permission bits; default 0644
}

// Spec describes one run.
type Spec struct {
	// Args is the command line; Args[0] is the program, looked up in the PATH
	// of Env (or /usr/local/bin:/usr/bin:/bin) when it has no slash.
	Args []string
	// Env is the whole environment of the program: nothing else is passed.
	Env []string
	// Dir is the working directory inside the sandbox; default WorkDir.
	Dir string

	// Stdin is the program's standard input; nil reads /dev/null. An
	// *os.File is handed to the program as it is; any other reader is fed
	// through a pipe, and may still be read from after Run returns when it
	// blocks (Run does not wait for it).
	Stdin io.Reader
	// Stdout and Stderr receive the program's output. When nil, output is
	// captured into the Result within the caps of Limits; an *os.File is
	// handed to the program as it is (no cap); any other writer is fed from a
	// pipe within the caps.
	Stdout, Stderr io.Writer

	// Files are written into the work directory before the run.
	Files []File
	// CopyDir is a host directory whose tree is copied into the work
	// directory before the run.
	CopyDir string
	// Collect names files of the work directory to read back after the run
	// into Result.Files, each up to CollectLimit bytes (default 64 MiB); a
	// name ending in / collects every file below that directory (within
	// CollectLimit in all). Only regular files are read; links are never
	// followed.
	Collect      []string
	CollectLimit int64

	Limits Limits
}

// WorkDir is the program's private writable directory inside the sandbox.
const WorkDir = "/box"

// Result is what happened in one run.
type Result struct {
	Status   Status        `json:"status"`
	ExitCode int           `json:"exit_code"`
	Signal   int           `json:"signal"`
	CPU      time.Duration `json:"-"`
	User     time.Duration `json:"-"`
	System   time.Duration `json:"-"`
	Wall     time.Duration `json:"-"`
	Memory   int64         `json:"-"` // peak bytes of the whole run

	Stdout          []byte `json:"-"`
	Stderr          []byte `json:"-"`
	StdoutBytes     int64  `json:"stdout_bytes"` // bytes written, including what was cut
	StderrBytes     int64  `json:"stderr_bytes"`
	StdoutTruncated bool   `json:"stdout_truncated"`
	StderrTruncated bool   `json:"stderr_truncated"`

	// Files holds the files named in Spec.Collect that were found.
	Files map[string][]byte `json:"-"`
	// FileErrors says why a collected file could not be read.
	FileErrors map[string]string `json:"-"`

	// Message explains the status for people.
	Message string `json:"message"`
}

// signalName names a signal for messages.
func signalName(sig int) string {
	names := map[int]string{
		1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
		8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE",
		14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS",
	}
	if n, ok := names[sig]; ok {
		return n
	}
	return fmt.Sprintf("signal %d", sig)
}
