package sandbox

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"

	"github.com/verdict-judge/verdict/internal/cgroup"
	"github.com/verdict-judge/verdict/internal/safefs"
)

// Config configures a Sandbox.
type Config struct {
	// Boxes is the number of pre-started boxes, and so of runs at once.
	// Default 2.
	Boxes int
	// Binds are mounted into every box besides /usr (and /bin, /lib...
	// as the host has them).
	Binds []Bind
	// Overlays give every run a fresh writable layer over a read-only host
	// directory (a warm build cache).
	Overlays []Overlay
	// WorkSize and TmpSize cap the tmpfs of the work directory and of /tmp
	// (and /dev/shm). What a program writes there counts towards its memory
	// too. Default 256 MiB each.
	WorkSize, TmpSize int64
	// UIDBase and UIDCount give the range of user ids that boxes run as,
	// one each. Default 61000 and 1000.
	UIDBase, UIDCount int
	// RuntimeDir holds the new roots' mount point and the uid locks.
	// Default /run/verdict.
	RuntimeDir string
	// CgroupName names the parent cgroup of every run. Default "verdict".
	CgroupName string
	// NoSeccomp turns the system-call filter off. It is on unless this is
	// set, and `verdict doctor` reports it.
	NoSeccomp bool
	// PortableSpawn starts programs the way cgroup v2 needs (fork, move
	// into the cgroup, install the filter, exec) even on cgroup v1, where a
	// faster way exists. It is for tests of that path.
	PortableSpawn bool
	// Executable is the program started as a box supervisor; it must call
	// Main first thing. Default: this executable.
	Executable string
	// Logger receives the sandbox's own events. Default: discard.
	Logger *slog.Logger
}

// DefaultBinds are the host files outside /usr that ordinary programs need:
// the dynamic linker's cache, Debian's alternatives links and the time zone.
var DefaultBinds = []Bind{
	{Source: "/etc/ld.so.cache", Optional: true},
	{Source: "/etc/alternatives", Optional: true},
	{Source: "/etc/localtime", Optional: true},
}

// Sandbox runs programs in a pool of pre-started boxes.
type Sandbox struct {
	cfg     Config
	exe     string
	rootDir string
	lockDir string
	cg      *cgroup.Hierarchy
	devNull *os.File
	log     *slog.Logger

	mu      sync.Mutex
	nextUID int
	idle    chan *box // ready boxes; nil for a lost one
	done    chan struct{}
	all     map[*box]bool
	closed  bool
	id      string // tells this Sandbox's cgroups from others' in the process
	seq     atomic.Uint64
	wg      sync.WaitGroup
}

// New checks every isolation layer, starts the pool of boxes and returns
// the Sandbox. It fails, saying which layer, when any of them cannot be set
// up: it never runs programs with less isolation than configured.
func New(ctx context.Context, cfg Config) (*Sandbox, error) {
	if cfg.Boxes <= 0 {
		cfg.Boxes = 2
	}
	if cfg.WorkSize <= 0 {
		cfg.WorkSize = 256 << 20
	}
	if cfg.TmpSize <= 0 {
		cfg.TmpSize = 256 << 20
	}
	if cfg.UIDBase <= 0 {
		cfg.UIDBase = 61000
	}
	if cfg.UIDCount <= 0 {
		cfg.UIDCount = 1000
	}
	if cfg.RuntimeDir == "" {
		cfg.RuntimeDir = "/run/verdict"
	}
	if cfg.CgroupName == "" {
		cfg.CgroupName = "verdict"
	}
	s := &Sandbox{cfg: cfg, log: cfg.Logger, all: map[*box]bool{}, id: rand.Text()[:8]}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if os.Geteuid() != 0 {
		return nil, errors.New("sandbox: must run as root (namespaces, cgroups and pivot_root need it); see `verdict doctor`")
	}
	s.exe = cfg.Executable
	if s.exe == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, fmt.Errorf("sandbox: find own executable: %w", err)
		}
		s.exe = exe
	}
	s.rootDir = cfg.RuntimeDir + "/root"
	s.lockDir = cfg.RuntimeDir + "/uids"
	for _, d := range []string{cfg.RuntimeDir, s.rootDir, s.lockDir} {
		if err := os.Mkdir(d, 0o700); err != nil && !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("sandbox: runtime directory: %w", err)
		}
		st, err := os.Lstat(d)
		if err != nil || !st.IsDir() {
			return nil, fmt.Errorf("sandbox: runtime directory %s is not a directory", d)
		}
	}
	var err error
	if s.cg, err = cgroup.Open(cfg.CgroupName); err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	if s.devNull, err = os.Open(os.DevNull); err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	s.idle = make(chan *box, cfg.Boxes)
	s.done = make(chan struct{})
	type started struct {
		b   *box
		err error
	}
	ch := make(chan started, cfg.Boxes)
	for i := 0; i < cfg.Boxes; i++ {
		go func() {
			b, err := s.startBox(ctx)
			ch <- started{b, err}
		}()
	}
	var errs []error
	for i := 0; i < cfg.Boxes; i++ {
		st := <-ch
		if st.err != nil {
			errs = append(errs, st.err)
			continue
		}
		s.all[st.b] = true
		s.idle <- st.b
	}
	if len(errs) > 0 {
		s.Close()
		return nil, errs[0]
	}
	return s, nil
}

// CgroupVersion reports the cgroup version the sandbox uses.
func (s *Sandbox) CgroupVersion() cgroup.Version { return s.cg.Version() }

// Close kills every box and waits for them to end.
func (s *Sandbox) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	s.mu.Unlock()
	s.wg.Wait()
	s.mu.Lock()
	for b := range s.all {
		b.destroy()
	}
	s.all = nil
	s.mu.Unlock()
	if s.devNull != nil {
		s.devNull.Close()
	}
	return nil
}

// acquire takes a ready box from the pool. A nil entry in the pool stands
// for a box that was lost and could not be replaced: acquire tries again to
// start one, and fails the run (never the program) when it cannot.
func (s *Sandbox) acquire(ctx context.Context) (*box, error) {
	select {
	case b := <-s.idle:
		if b != nil {
			return b, nil
		}
		nb, err := s.startBox(ctx)
		if err != nil {
			s.idle <- nil
			return nil, err
		}
		if !s.adopt(nb) {
			return nil, errClosed
		}
		return nb, nil
	case <-s.done:
		return nil, errClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

var errClosed = errors.New("sandbox: closed")

// adopt records a new box as one of the pool's, unless the pool is closed.
func (s *Sandbox) adopt(b *box) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		b.destroy()
		return false
	}
	s.all[b] = true
	return true
}

// release gives the box back to the pool once it is ready again, or
// replaces it when it broke.
func (s *Sandbox) release(b *box) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		if b.err == nil {
			b.err = s.next(context.Background(), b)
		}
		if b.err == nil {
			// Every process of the run is gone, and the spawner thread has
			// moved on to the next run's cgroup, once the box is ready.
			if b.used != nil {
				if err := b.used.Destroy(); err != nil {
					s.log.Warn("sandbox: removing a run's cgroup", "err", err)
				}
				b.used = nil
			}
			s.idle <- b
			return
		}
		s.log.Warn("sandbox: replacing a broken box", "uid", b.uid, "err", b.err)
		b.destroy()
		s.mu.Lock()
		delete(s.all, b)
		s.mu.Unlock()
		nb, err := s.startBox(context.Background())
		if err != nil {
			// The next acquire tries again, and fails its run if it cannot.
			s.log.Error("sandbox: cannot start a replacement box", "err", err)
			s.idle <- nil
			return
		}
		if s.adopt(nb) {
			s.idle <- nb
		}
	}()
}

// vfork reports whether boxes start programs on the fast path.
func (s *Sandbox) vfork() bool {
	return s.cg.Version() == cgroup.V1 && !s.cfg.PortableSpawn
}

// prepareCgroup creates the cgroup of a box's next run.
func (s *Sandbox) prepareCgroup() (*cgroup.Group, error) {
	// The process id first, so that groups left by a process that died can
	// be told apart and removed (cgroup.Open does).
	name := strconv.Itoa(os.Getpid()) + "-" + s.id + "-" + strconv.FormatUint(s.seq.Add(1), 10)
	g, err := s.cg.Prepare(name)
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	return g, nil
}

// Run runs one program and reports what happened. An error means the run
// could not be carried out (the sandbox failed, the spec is invalid, or ctx
// ended): it is never the program's fault.
func (s *Sandbox) Run(ctx context.Context, spec *Spec) (*Result, error) {
	if len(spec.Args) == 0 || spec.Args[0] == "" {
		return nil, errors.New("sandbox: no program given")
	}
	lim := spec.Limits.WithDefaults()
	b, err := s.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer s.release(b)
	b.finished = false
	res, err := s.run(ctx, b, spec, lim)
	cancelled := ctx.Err() != nil && errors.Is(err, ctx.Err())
	if err != nil && b.err == nil && !(cancelled && b.finished) {
		// Whatever went wrong, do not trust this box again; a run that
		// was cancelled and then ended cleanly leaves a sound box.
		b.err = err
	}
	return res, err
}

func (s *Sandbox) run(ctx context.Context, b *box, spec *Spec, lim Limits) (*Result, error) {
	// Fill the work directory.
	for _, f := range spec.Files {
		mode := uint32(f.Mode.Perm())
		if mode == 0 {
			mode = 0o644
		}
		var r io.Reader = bytes.NewReader(f.Data)
		if f.Path != "" {
			hf, err := os.Open(f.Path)
			if err != nil {
				return nil, fmt.Errorf("sandbox: input file: %w", err)
			}
			defer hf.Close()
			r = hf
		}
		if err := safefs.WriteFile(b.work, f.Name, r, mode, b.uid, b.uid); err != nil {
			return nil, fmt.Errorf("sandbox: input file: %w", err)
		}
	}
	if spec.CopyDir != "" {
		if err := safefs.CopyDir(b.work, spec.CopyDir, b.uid, b.uid); err != nil {
			return nil, fmt.Errorf("sandbox: copy %s: %w", spec.CopyDir, err)
		}
	}

	// The cgroup was made and handed to the box when it got ready.
	cg := b.cg
	b.cg, b.used = nil, cg // removed when the box is released
	pids := int64(lim.Pids)
	var procs []*os.File
	if s.vfork() {
		pids++ // the box's spawner thread waits in the group
	} else {
		procs = cg.ProcsFiles() // the program moves in before it executes
	}
	b.lastLimits = cgroup.Limits{Memory: lim.Memory, Pids: pids}
	if err := cg.SetLimits(b.lastLimits); err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}

	var toClose []*os.File // our copies of the program's ends
	defer func() { closeAll(toClose) }()
	var wg sync.WaitGroup

	// Standard input.
	stdin := s.devNull
	switch in := spec.Stdin.(type) {
	case nil:
	case *os.File:
		stdin = in
	default:
		r, w, err := os.Pipe()
		if err != nil {
			return nil, fmt.Errorf("sandbox: pipe: %w", err)
		}
		toClose = append(toClose, r)
		stdin = r
		// Not waited for: a reader that blocks (an interactor, a stream)
		// must not hold the run. The copy ends when the program's end of
		// the pipe is gone (EPIPE) or the reader ends.
		go func() {
			io.Copy(w, in)
			w.Close()
		}()
	}

	// Standard output and error, captured within their caps.
	exceeded := make(chan struct{}, 2)
	stdout, outCap, err := s.output(spec.Stdout, lim.Stdout, exceeded, &wg, &toClose)
	if err != nil {
		return nil, err
	}
	stderr, errCap, err := s.output(spec.Stderr, lim.Stderr, exceeded, &wg, &toClose)
	if err != nil {
		return nil, err
	}

	dir := spec.Dir
	if dir == "" {
		dir = WorkDir
	}
	stack := uint64(lim.Stack)
	cpuSec := uint64((lim.CPU+time.Second-1)/time.Second) + 1 // a backstop above the limit
	req := &runRequest{
		Args: spec.Args,
		Env:  spec.Env,
		Dir:  dir,
		RLimits: []rlimitSpec{
			{unix.RLIMIT_CPU, cpuSec, cpuSec},
			{unix.RLIMIT_FSIZE, uint64(lim.FileSize), uint64(lim.FileSize)},
			{unix.RLIMIT_STACK, stack, stack},
			{unix.RLIMIT_NOFILE, uint64(lim.OpenFiles), uint64(lim.OpenFiles)},
			{unix.RLIMIT_CORE, 0, 0},
			{unix.RLIMIT_NPROC, uint64(lim.Pids), uint64(lim.Pids)},
			{unix.RLIMIT_MEMLOCK, 64 << 10, 64 << 10},
			{unix.RLIMIT_MSGQUEUE, 64 << 10, 64 << 10},
		},
	}
	files := append([]*os.File{stdin, stdout, stderr}, procs...)
	if err := b.c.send(&message{Op: opRun, Run: req, files: files}); err != nil {
		return nil, fmt.Errorf("sandbox: send run: %w", err)
	}
	start := time.Now()
	// The program's ends now live in the box only.
	closeAll(toClose)
	toClose = nil

	var killedFor Status
	kill := func(why Status) {
		if killedFor == "" {
			killedFor = why
			b.c.send(&message{Op: opKill})
		}
	}
	wall := time.NewTimer(lim.Wall)
	defer wall.Stop()
	ncpu := time.Duration(runtime.NumCPU())
	cpuCheck := time.NewTimer(max(lim.CPU/ncpu, time.Millisecond))
	defer cpuCheck.Stop()
	var killDeadline <-chan time.Time
	var resp *runResponse
	var ctxErr error
wait:
	for {
		select {
		case m, ok := <-b.msgs:
			if !ok {
				return nil, errors.New("sandbox: box supervisor died during the run")
			}
			closeAll(m.files)
			if m.Op == opFail {
				return nil, fmt.Errorf("sandbox: box failed: %s", m.Error)
			}
			if m.Op == opDone && m.Done != nil {
				resp = m.Done
				b.finished = true
				break wait
			}
		case <-wall.C:
			kill(StatusTLE)
			killDeadline = time.After(10 * time.Second)
		case <-cpuCheck.C:
			used, err := cg.CPU()
			if err != nil {
				kill(StatusIE)
				return nil, err
			}
			if used >= lim.CPU {
				kill(StatusTLE)
				killDeadline = time.After(10 * time.Second)
				continue
			}
			// The earliest the limit can be reached with every CPU busy.
			cpuCheck.Reset(min(max((lim.CPU-used)/ncpu, time.Millisecond), 100*time.Millisecond))
		case <-exceeded:
			kill(StatusOLE)
			killDeadline = time.After(10 * time.Second)
		case <-ctx.Done():
			ctxErr = ctx.Err()
			kill(StatusIE)
			killDeadline = time.After(10 * time.Second)
		case <-killDeadline:
			return nil, errors.New("sandbox: box did not stop the program after a kill")
		}
	}
	hostWall := time.Since(start)
	wg.Wait() // every writer is gone: the outputs are complete
	if ctxErr != nil {
		return nil, ctxErr
	}
	if resp.StartError != "" {
		return nil, errors.New(resp.StartError)
	}
	st, err := cg.Stats()
	if err != nil {
		return nil, err
	}
	res := &Result{
		ExitCode: resp.ExitCode,
		Signal:   resp.Signal,
		CPU:      st.CPU,
		User:     st.User,
		System:   st.System,
		Wall:     time.Duration(resp.WallNS),
		Memory:   st.MemoryPeak,
	}
	if res.Wall <= 0 || res.Wall > hostWall {
		res.Wall = hostWall
	}
	outCap.fill(&res.Stdout, &res.StdoutBytes, &res.StdoutTruncated)
	errCap.fill(&res.Stderr, &res.StderrBytes, &res.StderrTruncated)
	classify(res, lim, killedFor, st.OOMKills)
	if len(spec.Collect) > 0 {
		s.collect(b, spec, res)
	}
	return res, nil
}

// classify decides the status from how the run ended, most specific first.
func classify(res *Result, lim Limits, killedFor Status, oomKills int) {
	memMiB := float64(res.Memory) / (1 << 20)
	switch {
	case killedFor == StatusOLE:
		res.Status, res.Message = StatusOLE, "output limit exceeded"
	case killedFor == StatusTLE && res.CPU >= lim.CPU:
		res.Status, res.Message = StatusTLE, fmt.Sprintf("CPU time limit %v exceeded", lim.CPU)
	case killedFor == StatusTLE:
		res.Status, res.Message = StatusTLE, fmt.Sprintf("wall-clock limit %v exceeded", lim.Wall)
	case oomKills > 0:
		res.Status, res.Message = StatusMLE, fmt.Sprintf("memory limit %d MiB exceeded", lim.Memory>>20)
	case res.Signal == int(unix.SIGXFSZ):
		res.Status, res.Message = StatusOLE, fmt.Sprintf("file size limit %d bytes exceeded", lim.FileSize)
	case res.Signal == int(unix.SIGXCPU) || res.CPU > lim.CPU:
		res.Status, res.Message = StatusTLE, fmt.Sprintf("CPU time limit %v exceeded", lim.CPU)
	case (res.Signal != 0 || res.ExitCode != 0) && res.Memory >= lim.Memory-lim.Memory/50:
		// Out of memory without the OOM killer: allocation failed at the
		// limit and the program died of it.
		res.Status, res.Message = StatusMLE, fmt.Sprintf("memory limit %d MiB exceeded (peak %.1f MiB)", lim.Memory>>20, memMiB)
	case res.Signal != 0:
		res.Status, res.Message = StatusRE, "killed by "+signalName(res.Signal)
	case res.ExitCode != 0:
		res.Status, res.Message = StatusRE, fmt.Sprintf("exit status %d", res.ExitCode)
	default:
		res.Status = StatusOK
	}
}

// collect reads back the files the spec asked for, never following links.
func (s *Sandbox) collect(b *box, spec *Spec, res *Result) {
	limit := spec.CollectLimit
	if limit <= 0 {
		limit = 64 << 20
	}
	res.Files = map[string][]byte{}
	for _, name := range spec.Collect {
		if strings.HasSuffix(name, "/") {
			// A whole directory: its regular files, within the same limit.
			tree, err := safefs.ReadTree(b.work, name, 100000, limit)
			if err != nil {
				if res.FileErrors == nil {
					res.FileErrors = map[string]string{}
				}
				res.FileErrors[name] = err.Error()
				continue
			}
			for p, data := range tree {
				res.Files[p] = data
			}
			continue
		}
		data, err := safefs.ReadFile(b.work, name, limit)
		if err != nil {
			if res.FileErrors == nil {
				res.FileErrors = map[string]string{}
			}
			res.FileErrors[name] = err.Error()
			continue
		}
		res.Files[name] = data
	}
}

// capture holds one captured output stream.
type capture struct {
	mu        sync.Mutex
	buf       []byte
	total     int64
	truncated bool
}

func (c *capture) fill(out *[]byte, total *int64, truncated *bool) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	*out, *total, *truncated = c.buf, c.total, c.truncated
}

// output prepares one of the program's output streams: an *os.File is
// passed as it is; otherwise a pipe is read here, within the cap, into w
// or into a capture. Going over the cap is reported on exceeded at once.
func (s *Sandbox) output(w io.Writer, limit int64, exceeded chan<- struct{}, wg *sync.WaitGroup, toClose *[]*os.File) (*os.File, *capture, error) {
	if f, ok := w.(*os.File); ok {
		return f, nil, nil
	}
	r, pw, err := os.Pipe()
	if err != nil {
		return nil, nil, fmt.Errorf("sandbox: pipe: %w", err)
	}
	*toClose = append(*toClose, pw)
	c := &capture{}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer r.Close()
		buf := make([]byte, 64<<10)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				c.mu.Lock()
				keep := int64(n)
				if room := limit - c.total; keep > room {
					keep = max(room, 0)
				}
				c.total += int64(n)
				if keep > 0 {
					if w != nil {
						w.Write(buf[:keep])
					} else {
						c.buf = append(c.buf, buf[:keep]...)
					}
				}
				over := c.total > limit && !c.truncated
				if over {
					c.truncated = true
				}
				c.mu.Unlock()
				if over {
					select {
					case exceeded <- struct{}{}:
					default:
					}
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return pw, c, nil
}
