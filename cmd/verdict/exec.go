package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/verdict-judge/verdict/sandbox"
)

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// sizeFlag is a byte count written like 256MiB, 64M, 1G or 1048576.
type sizeFlag struct{ n *int64 }

func (s sizeFlag) String() string {
	if s.n == nil {
		return ""
	}
	return strconv.FormatInt(*s.n, 10)
}

func (s sizeFlag) Set(v string) error {
	n, err := parseSize(v)
	if err != nil {
		return err
	}
	*s.n = n
	return nil
}

// parseSize reads a byte count with an optional binary unit.
func parseSize(v string) (int64, error) {
	t := strings.TrimSpace(v)
	units := []struct {
		suffix string
		mult   int64
	}{
		{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30},
		{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"k", 1 << 10}, {"B", 1},
	}
	mult := int64(1)
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f*float64(mult) > 1<<62 {
		return 0, fmt.Errorf("invalid size %q (examples: 256MiB, 64M, 1G, 1048576)", v)
	}
	return int64(f * float64(mult)), nil
}

// durationFlag is a duration written like 1s, 500ms or 1.5 (seconds).
type durationFlag struct{ d *time.Duration }

func (d durationFlag) String() string {
	if d.d == nil {
		return ""
	}
	return d.d.String()
}

func (d durationFlag) Set(v string) error {
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 {
		*d.d = time.Duration(f * float64(time.Second))
		return nil
	}
	x, err := time.ParseDuration(v)
	if err != nil || x < 0 {
		return fmt.Errorf("invalid duration %q (examples: 1s, 500ms, 2.5)", v)
	}
	*d.d = x
	return nil
}

// execOutput is the JSON that `verdict exec --json` prints.
type execOutput struct {
	Status          sandbox.Status `json:"status"`
	ExitCode        int            `json:"exit_code"`
	Signal          int            `json:"signal"`
	CPUMs           float64        `json:"cpu_ms"`
	UserMs          float64        `json:"user_ms"`
	SysMs           float64        `json:"sys_ms"`
	WallMs          float64        `json:"wall_ms"`
	MemoryKiB       int64          `json:"memory_kib"`
	Stdout          string         `json:"stdout"`
	Stderr          string         `json:"stderr"`
	StdoutBytes     int64          `json:"stdout_bytes"`
	StderrBytes     int64          `json:"stderr_bytes"`
	StdoutTruncated bool           `json:"stdout_truncated"`
	StderrTruncated bool           `json:"stderr_truncated"`
	Message         string         `json:"message"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func cmdExec(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("exec", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: verdict exec [flags] -- PROGRAM [ARGS...]\n\nRuns one program in the sandbox, like isolate. Exit status 0 whenever the run\nwas carried out, whatever the program did; 1 on an internal error; 2 on bad usage.\n\nFlags:")
		fs.PrintDefaults()
	}
	var lim sandbox.Limits
	var (
		binds, envs                       listFlag
		stdinPath, stdoutPath, stderrPath string
		dir, workdir                      string
		jsonOut, noSeccomp                bool
	)
	fs.Var(durationFlag{&lim.CPU}, "cpu", "CPU time limit of all processes and threads (default 1s)")
	fs.Var(durationFlag{&lim.Wall}, "wall", "wall-clock limit (default 3 × cpu)")
	fs.Var(sizeFlag{&lim.Memory}, "mem", "memory limit of the whole run (default 256MiB)")
	fs.IntVar(&lim.Pids, "pids", 0, "processes and threads at once (default 64)")
	fs.Var(sizeFlag{&lim.Stdout}, "stdout-limit", "standard output cap; more is OLE (default 64MiB)")
	fs.Var(sizeFlag{&lim.Stderr}, "stderr-limit", "standard error cap; more is OLE (default 8MiB)")
	fs.Var(sizeFlag{&lim.FileSize}, "fsize", "largest file the program may write (default 64MiB)")
	fs.Var(sizeFlag{&lim.Stack}, "stack", "stack size (default: the memory limit)")
	fs.IntVar(&lim.OpenFiles, "nofile", 0, "open file descriptors (default 256)")
	fs.StringVar(&stdinPath, "stdin", "", "file to read as standard input (default /dev/null)")
	fs.StringVar(&stdoutPath, "stdout", "", "file to write the captured standard output to")
	fs.StringVar(&stderrPath, "stderr", "", "file to write the captured standard error to")
	fs.Var(&binds, "bind", "mount HOST[:INSIDE][:rw] into the sandbox, read-only unless :rw (repeatable)")
	fs.StringVar(&dir, "dir", "", "host directory copied in as the work directory")
	fs.StringVar(&workdir, "cwd", sandbox.WorkDir, "working directory inside the sandbox")
	fs.Var(&envs, "env", "K=V environment variable of the program (repeatable); nothing else is passed")
	fs.BoolVar(&jsonOut, "json", false, "print one JSON object with the result")
	fs.BoolVar(&noSeccomp, "no-seccomp", false, "turn the system-call filter off (debugging only)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	prog := fs.Args()
	if len(prog) == 0 {
		fmt.Fprintln(stderr, "verdict exec: no program given (verdict exec [flags] -- PROGRAM [ARGS...])")
		return 2
	}
	env := []string{"PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + sandbox.WorkDir, "LANG=C.UTF-8"}
	for _, e := range envs {
		if !strings.Contains(e, "=") {
			fmt.Fprintf(stderr, "verdict exec: --env %q is not K=V\n", e)
			return 2
		}
		env = setEnv(env, e)
	}
	cfg := sandbox.Config{Boxes: 1, NoSeccomp: noSeccomp, Binds: append([]sandbox.Bind(nil), sandbox.DefaultBinds...)}
	for _, b := range binds {
		bd, err := parseBind(b)
		if err != nil {
			fmt.Fprintf(stderr, "verdict exec: %v\n", err)
			return 2
		}
		cfg.Binds = append(cfg.Binds, bd)
	}
	spec := &sandbox.Spec{Args: prog, Env: env, Dir: workdir, CopyDir: dir, Limits: lim}
	if stdinPath != "" {
		f, err := os.Open(stdinPath)
		if err != nil {
			fmt.Fprintf(stderr, "verdict exec: --stdin: %v\n", err)
			return 2
		}
		defer f.Close()
		spec.Stdin = f
	}

	sb, err := sandbox.New(ctx, cfg)
	if err != nil {
		return reportIE(jsonOut, stdout, stderr, err)
	}
	defer sb.Close()
	res, err := sb.Run(ctx, spec)
	if err != nil {
		return reportIE(jsonOut, stdout, stderr, err)
	}
	for _, w := range []struct {
		path string
		data []byte
	}{{stdoutPath, res.Stdout}, {stderrPath, res.Stderr}} {
		if w.path != "" {
			if err := os.WriteFile(w.path, w.data, 0o644); err != nil {
				fmt.Fprintf(stderr, "verdict exec: %v\n", err)
				return 1
			}
		}
	}
	if jsonOut {
		out := execOutput{
			Status: res.Status, ExitCode: res.ExitCode, Signal: res.Signal,
			CPUMs: ms(res.CPU), UserMs: ms(res.User), SysMs: ms(res.System), WallMs: ms(res.Wall),
			MemoryKiB: res.Memory >> 10,
			Stdout:    text(res.Stdout), Stderr: text(res.Stderr),
			StdoutBytes: res.StdoutBytes, StderrBytes: res.StderrBytes,
			StdoutTruncated: res.StdoutTruncated, StderrTruncated: res.StderrTruncated,
			Message: res.Message,
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(out)
		return 0
	}
	if stdoutPath == "" {
		stdout.Write(res.Stdout)
	}
	if stderrPath == "" {
		stderr.Write(res.Stderr)
	}
	fmt.Fprintf(stderr, "verdict: %s", res.Status)
	if res.Message != "" {
		fmt.Fprintf(stderr, " (%s)", res.Message)
	}
	fmt.Fprintf(stderr, " cpu %.1fms wall %.1fms memory %dKiB\n", ms(res.CPU), ms(res.Wall), res.Memory>>10)
	return 0
}

// text makes captured bytes printable as a JSON string: invalid UTF-8 is
// replaced rather than dropped.
func text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func reportIE(jsonOut bool, stdout, stderr io.Writer, err error) int {
	if jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(execOutput{Status: sandbox.StatusIE, Message: err.Error()})
	}
	fmt.Fprintf(stderr, "verdict exec: internal error: %v\n", err)
	return 1
}

func setEnv(env []string, kv string) []string {
	k := kv[:strings.IndexByte(kv, '=')+1]
	for i, e := range env {
		if strings.HasPrefix(e, k) {
			env[i] = kv
			return env
		}
	}
	return append(env, kv)
}

// parseBind reads HOST[:INSIDE][:rw].
func parseBind(v string) (sandbox.Bind, error) {
	parts := strings.Split(v, ":")
	b := sandbox.Bind{}
	if n := len(parts); n > 1 && (parts[n-1] == "rw" || parts[n-1] == "ro") {
		b.Writable = parts[n-1] == "rw"
		parts = parts[:n-1]
	}
	switch len(parts) {
	case 1:
		b.Source = parts[0]
	case 2:
		b.Source, b.Target = parts[0], parts[1]
	default:
		return b, fmt.Errorf("--bind %q: want HOST[:INSIDE][:rw]", v)
	}
	if !strings.HasPrefix(b.Source, "/") || (b.Target != "" && !strings.HasPrefix(b.Target, "/")) {
		return b, fmt.Errorf("--bind %q: paths must be absolute", v)
	}
	if _, err := os.Stat(b.Source); err != nil {
		return b, fmt.Errorf("--bind %q: %v", v, err)
	}
	return b, nil
}
