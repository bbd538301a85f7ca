package sandbox

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"github.com/criyle/go-sandbox/pkg/forkexec"
	"github.com/criyle/go-sandbox/pkg/rlimit"
	"golang.org/x/sys/unix"

	"github.com/verdict-judge/verdict/internal/cgroup"
	"github.com/verdict-judge/verdict/internal/seccomp"
)

// initArg0 is the argv[0] a box supervisor is started with.
const initArg0 = "verdict-sandbox-init"

// Main turns this process into a box supervisor when a Sandbox started it as
// one, and then never returns. Call it first thing in main, and in TestMain
// of any test binary that uses a Sandbox; otherwise it returns at once.
func Main() {
	if len(os.Args) == 0 || os.Args[0] != initArg0 {
		return
	}
	os.Exit(boxMain())
}

// boxInit is the supervisor inside a box: PID 1 of the box's namespaces.
type boxInit struct {
	c      *conn
	cfg    boxConfig
	filter *syscall.SockFprog
	msgs   chan *message
	helper chan func() error // run on a thread without the filter
	helped chan error
	// fresh holds the state of /tmp and /dev/shm when they were mounted.
	fresh map[string]tmpfsState
}

type spawned struct {
	pid int
	err error
}

// startSpawner starts the thread every program is forked from.
//
// Programs are forked by go-sandbox's forkexec, which sets the rlimits,
// drops privileges and executes in the child.
//
// On the fast path (cgroup v1) the seccomp filter and NoNewPrivs are
// installed on the spawner thread alone, once, and the thread waits in the
// next run's cgroup: a program forked from it inherits the filter,
// NoNewPrivs and the cgroup at no cost, where installing a filter costs
// about 0.2 ms (the kernel compiles it each time) and moving a process
// between cgroups blocks every fork on the machine for a moment. The
// supervisor's other threads stay unfiltered for mounts and clean-up.
//
// On the portable path (cgroup v2, where a thread cannot leave its
// process's cgroup) the child installs the filter and is moved into its
// cgroup between fork and exec.
func (b *boxInit) startSpawner() error {
	// The supervisor's main goroutine is the spawner: it stays on this
	// thread for good, so that starting a program needs no hand-over.
	runtime.LockOSThread()
	b.helper = make(chan func() error)
	b.helped = make(chan error)
	go func() {
		// An unlocked goroutine: it never runs on the spawner thread, so it
		// may mount and unmount under the filter-free threads.
		for f := range b.helper {
			b.helped <- f()
		}
	}()
	if !b.cfg.Vfork {
		// The portable path installs both in each program.
		return nil
	}
	if _, _, e := unix.RawSyscall6(unix.SYS_PRCTL, unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0, 0); e != 0 {
		return wrap("no_new_privs", e)
	}
	if b.filter != nil {
		// Flags 0: this thread only, not the whole supervisor.
		if _, _, e := unix.RawSyscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER, 0, uintptr(unsafe.Pointer(b.filter))); e != 0 {
			return wrap("install seccomp filter", e)
		}
	}
	return nil
}

// unfiltered runs f on a thread other than the spawner's, where mounts are
// not refused by the filter.
func (b *boxInit) unfiltered(f func() error) error {
	b.helper <- f
	return <-b.helped
}

func boxMain() int {
	// No descriptor this process was started with (the control socket, or
	// whatever the host process itself inherited) may reach a program.
	if err := unix.CloseRange(3, ^uint(0), unix.CLOSE_RANGE_CLOEXEC); err != nil {
		return 2
	}
	// Go restores its start-up RLIMIT_NOFILE in every child it forks unless
	// the program sets that limit itself; the box's programs must get the
	// limits of their run instead.
	var nofile syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &nofile) == nil {
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &nofile)
	}
	c, err := newConn(os.NewFile(3, "control"))
	if err != nil {
		return 2
	}
	m, err := c.recv()
	if err != nil || m.Op != opSetup || m.Setup == nil {
		return 2
	}
	b := &boxInit{c: c, cfg: *m.Setup, fresh: map[string]tmpfsState{}}
	if err := b.setup(); err != nil {
		c.send(&message{Op: opFail, Error: err.Error()})
		return 1
	}
	if err := b.startSpawner(); err != nil {
		c.send(&message{Op: opFail, Error: err.Error()})
		return 1
	}
	b.msgs = make(chan *message, 4)
	go func() {
		defer close(b.msgs)
		for {
			m, err := c.recv()
			if err != nil {
				return
			}
			b.msgs <- m
		}
	}()
	// Each turn: the host offers the next run's cgroup ("next"), the box
	// gets ready for it, runs the program ("run"), and reports ("done").
	for m := range b.msgs {
		switch {
		case m.Op == opNext:
			err := b.ready(m.files)
			closeAll(m.files)
			if err != nil {
				c.send(&message{Op: opFail, Error: err.Error()})
				return 1
			}
		case m.Op == opRun && m.Run != nil:
			resp, alive := b.run(m.Run, m.files)
			if err := c.send(&message{Op: opDone, Done: resp}); err != nil || !alive {
				return 0
			}
		default:
			closeAll(m.files)
		}
	}
	// The host went away: everything in the box dies with its PID 1.
	return 0
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("sandbox: %s: %w", what, err)
}

func mount(src, dst, fstype string, flags uintptr, data string) error {
	return wrap("mount "+dst, unix.Mount(src, dst, fstype, flags, data))
}

// bind mounts src on dst, read-only unless writable, never with set-user-id
// programs or device nodes.
func bind(src, dst string, writable bool) error {
	if err := mount(src, dst, "", unix.MS_BIND|unix.MS_REC, ""); err != nil {
		return err
	}
	flags := uintptr(unix.MS_BIND | unix.MS_REMOUNT | unix.MS_NOSUID | unix.MS_NODEV)
	if !writable {
		flags |= unix.MS_RDONLY
	}
	return mount("", dst, "", flags, "")
}

// makeMountPoint creates dst (a directory, or an empty file when src is
// not a directory) below the new root.
func makeMountPoint(src, dst string) error {
	st, err := os.Stat(src)
	if err != nil {
		return wrap("bind source", err)
	}
	if st.IsDir() {
		return wrap("mkdir", os.MkdirAll(dst, 0o755))
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return wrap("mkdir", err)
	}
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return wrap("mount point", err)
	}
	return f.Close()
}

// setup builds the box's root file system and pivots into it.
func (b *boxInit) setup() error {
	if os.Getpid() != 1 {
		return errors.New("sandbox: supervisor is not PID 1 of a new PID namespace")
	}
	var err error
	if !b.cfg.NoSeccomp {
		if b.filter, err = seccomp.Program(); err != nil {
			return err
		}
	}
	if err := mount("", "/", "", unix.MS_REC|unix.MS_PRIVATE, ""); err != nil {
		return err
	}
	root := b.cfg.Root
	if err := mount("tmpfs", root, "tmpfs", unix.MS_NOSUID|unix.MS_NODEV, "size=4m,nr_inodes=4096,mode=0755"); err != nil {
		return err
	}
	in := func(p string) string { return filepath.Join(root, p) }

	// /usr, and /bin, /lib... as the host has them: links into /usr on a
	// merged-/usr system such as Debian 12, read-only binds otherwise.
	if err := makeMountPoint("/usr", in("usr")); err != nil {
		return err
	}
	if err := bind("/usr", in("usr"), false); err != nil {
		return err
	}
	for _, d := range []string{"bin", "sbin", "lib", "lib32", "lib64", "libx32"} {
		st, err := os.Lstat("/" + d)
		if err != nil {
			continue
		}
		if st.Mode()&os.ModeSymlink != 0 {
			target, err := os.Readlink("/" + d)
			if err != nil {
				return wrap("readlink /"+d, err)
			}
			if err := os.Symlink(target, in(d)); err != nil {
				return wrap("symlink /"+d, err)
			}
			continue
		}
		if err := makeMountPoint("/"+d, in(d)); err != nil {
			return err
		}
		if err := bind("/"+d, in(d), false); err != nil {
			return err
		}
	}

	// A minimal /etc: who the program is, and what the dynamic linker and
	// the toolchains' alternatives need. Nothing else of the host's /etc.
	if err := os.MkdirAll(in("etc"), 0o755); err != nil {
		return wrap("mkdir /etc", err)
	}
	etc := map[string]string{
		"passwd":   fmt.Sprintf("root:x:0:0:root:/root:/usr/sbin/nologin\nbox:x:%d:%d:box:%s:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n", b.cfg.UID, b.cfg.GID, WorkDir),
		"group":    fmt.Sprintf("root:x:0:\nbox:x:%d:\nnogroup:x:65534:\n", b.cfg.GID),
		"hosts":    "127.0.0.1 localhost\n::1 localhost\n",
		"hostname": "box\n",
	}
	for name, content := range etc {
		if err := os.WriteFile(in("etc/"+name), []byte(content), 0o644); err != nil {
			return wrap("write /etc/"+name, err)
		}
	}

	// /dev: the four harmless devices, and the usual links.
	if err := os.MkdirAll(in("dev/shm"), 0o755); err != nil {
		return wrap("mkdir /dev", err)
	}
	for _, d := range []string{"null", "zero", "random", "urandom"} {
		if err := makeMountPoint("/dev/"+d, in("dev/"+d)); err != nil {
			return err
		}
		if err := mount("/dev/"+d, in("dev/"+d), "", unix.MS_BIND, ""); err != nil {
			return err
		}
		if err := mount("", in("dev/"+d), "", unix.MS_BIND|unix.MS_REMOUNT|unix.MS_NOSUID|unix.MS_NOEXEC, ""); err != nil {
			return err
		}
	}
	for name, target := range map[string]string{"fd": "/proc/self/fd", "stdin": "/proc/self/fd/0", "stdout": "/proc/self/fd/1", "stderr": "/proc/self/fd/2"} {
		if err := os.Symlink(target, in("dev/"+name)); err != nil {
			return wrap("symlink /dev/"+name, err)
		}
	}

	// POSIX message queues of the box's IPC namespace, where the
	// supervisor can see (and remove) them between runs.
	if err := os.MkdirAll(in("dev/mqueue"), 0o755); err != nil {
		return wrap("mkdir /dev/mqueue", err)
	}
	if err := mount("mqueue", in("dev/mqueue"), "mqueue", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, ""); err != nil {
		return err
	}

	// A /proc of the box's own PID namespace.
	if err := os.MkdirAll(in("proc"), 0o555); err != nil {
		return wrap("mkdir /proc", err)
	}
	if err := mount("proc", in("proc"), "proc", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, ""); err != nil {
		return err
	}
	for _, d := range []string{"tmp", strings.TrimPrefix(WorkDir, "/")} {
		if err := os.MkdirAll(in(d), 0o755); err != nil {
			return wrap("mkdir /"+d, err)
		}
	}

	// The binds asked for, toolchains for example.
	for _, bd := range b.cfg.Binds {
		target := bd.Target
		if target == "" {
			target = bd.Source
		}
		if !filepath.IsAbs(bd.Source) || !filepath.IsAbs(target) {
			return fmt.Errorf("sandbox: bind %s:%s: paths must be absolute", bd.Source, target)
		}
		if _, err := os.Stat(bd.Source); err != nil && bd.Optional {
			continue
		}
		dst := in(filepath.Clean(target))
		if err := makeMountPoint(bd.Source, dst); err != nil {
			return err
		}
		if err := bind(bd.Source, dst, bd.Writable); err != nil {
			return err
		}
	}

	// Overlays: the lower layer is bound read-only under /.overlay/N, and
	// each run gets an overlay of its own on the target (see ready).
	for i, o := range b.cfg.Overlays {
		if !filepath.IsAbs(o.Source) || !filepath.IsAbs(o.Target) {
			return fmt.Errorf("sandbox: overlay %s:%s: paths must be absolute", o.Source, o.Target)
		}
		lower := in(overlayDir(i, "lower"))
		for _, d := range []string{lower, in(overlayDir(i, "rw")), in(filepath.Clean(o.Target))} {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return wrap("overlay mount point", err)
			}
		}
		if err := bind(o.Source, lower, false); err != nil {
			return err
		}
	}

	// pivot_root into the new root and detach the old one: nothing of the
	// host is reachable any more but what was mounted on purpose.
	if err := unix.Chdir(root); err != nil {
		return wrap("chdir new root", err)
	}
	if err := unix.PivotRoot(".", "."); err != nil {
		return wrap("pivot_root", err)
	}
	if err := unix.Unmount(".", unix.MNT_DETACH); err != nil {
		return wrap("detach old root", err)
	}
	if err := unix.Chdir("/"); err != nil {
		return wrap("chdir /", err)
	}
	if err := mount("", "/", "", unix.MS_REMOUNT|unix.MS_BIND|unix.MS_RDONLY|unix.MS_NOSUID|unix.MS_NODEV, ""); err != nil {
		return err
	}
	if err := unix.Sethostname([]byte("box")); err != nil {
		return wrap("sethostname", err)
	}
	unix.Umask(0o022)
	return nil
}

// onSpawner runs f on the spawner thread, which the main loop is on.
func (b *boxInit) onSpawner(f func() spawned) spawned {
	return f()
}

// ready gets the box ready for the next run, off the time of that run: it
// moves the spawner thread into the run's cgroup (cgroup v1 `tasks` files,
// so that the program is born in it), removes every SysV IPC object and
// POSIX message queue of the box's IPC namespace, mounts fresh, empty /box,
// /tmp and /dev/shm file systems and hands the new work directory to the
// host.
func (b *boxInit) ready(tasks []*os.File) error {
	if len(tasks) > 0 {
		sp := b.onSpawner(func() spawned {
			// Writing 0 into a v1 tasks file moves the writing thread only.
			return spawned{err: wrap("move spawner into the run's cgroup", cgroup.AddTo(tasks, 0))}
		})
		if sp.err != nil {
			return sp.err
		}
	}
	return b.unfiltered(b.refresh)
}

// refresh clears the box for the next run; it runs off the spawner thread.
func (b *boxInit) refresh() error {
	if err := clearIPC(); err != nil {
		return err
	}
	mounts := []struct {
		path, opts string
	}{
		{"/tmp", fmt.Sprintf("size=%d,nr_inodes=16384,mode=1777", b.cfg.TmpSize)},
		{"/dev/shm", fmt.Sprintf("size=%d,nr_inodes=1024,mode=1777", b.cfg.TmpSize)},
		{WorkDir, fmt.Sprintf("size=%d,nr_inodes=16384,mode=0755,uid=%d,gid=%d", b.cfg.WorkSize, b.cfg.UID, b.cfg.GID)},
	}
	for _, m := range mounts {
		if m.path != WorkDir && b.untouched(m.path) {
			continue
		}
		if err := unix.Unmount(m.path, unix.MNT_DETACH); err != nil && !errors.Is(err, unix.EINVAL) {
			return wrap("unmount "+m.path, err)
		}
		if err := mount("tmpfs", m.path, "tmpfs", unix.MS_NOSUID|unix.MS_NODEV, m.opts); err != nil {
			return err
		}
		if m.path != WorkDir {
			b.remember(m.path)
		}
	}
	for i, o := range b.cfg.Overlays {
		if err := b.freshOverlay(i, o); err != nil {
			return err
		}
	}
	work, err := os.OpenFile(WorkDir, unix.O_RDONLY|unix.O_DIRECTORY, 0)
	if err != nil {
		return wrap("open work dir", err)
	}
	defer work.Close()
	return b.c.send(&message{Op: opReady, files: []*os.File{work}})
}

// tmpfsState is what can be seen of an empty tmpfs from inside.
type tmpfsState struct {
	files, free         uint64
	blocks, bfree       uint64
	atime, mtime, ctime unix.Timespec
	mode                uint32
	uid, gid            uint32
}

func readTmpfsState(p string) (tmpfsState, bool) {
	var fs unix.Statfs_t
	var st unix.Stat_t
	if unix.Statfs(p, &fs) != nil || fs.Type != unix.TMPFS_MAGIC || unix.Lstat(p, &st) != nil {
		return tmpfsState{}, false
	}
	return tmpfsState{fs.Files, fs.Ffree, fs.Blocks, fs.Bfree, st.Atim, st.Mtim, st.Ctim, st.Mode, st.Uid, st.Gid}, true
}

// remember notes the state of the fresh tmpfs on p.
func (b *boxInit) remember(p string) {
	if st, ok := readTmpfsState(p); ok {
		b.fresh[p] = st
	} else {
		delete(b.fresh, p)
	}
}

// untouched reports whether the tmpfs on p (/tmp or /dev/shm, whose root
// belongs to root) is exactly as it was mounted: no file in it, no block
// used, and its root directory's times and owner unchanged. Nothing of an
// earlier run can then be seen in it, and mounting it again is skipped.
func (b *boxInit) untouched(p string) bool {
	was, ok := b.fresh[p]
	if !ok {
		return false
	}
	now, ok := readTmpfsState(p)
	return ok && now == was
}

func overlayDir(i int, part string) string {
	return fmt.Sprintf("/.overlay/%d/%s", i, part)
}

// freshOverlay replaces overlay i with a new one: the read-only lower layer
// under an empty tmpfs layer, writable by the box's user.
func (b *boxInit) freshOverlay(i int, o Overlay) error {
	rw := overlayDir(i, "rw")
	for _, p := range []string{o.Target, rw} {
		if err := unix.Unmount(p, unix.MNT_DETACH); err != nil && !errors.Is(err, unix.EINVAL) {
			return wrap("unmount "+p, err)
		}
	}
	opts := fmt.Sprintf("size=%d,nr_inodes=65536,mode=0755", b.cfg.TmpSize)
	if err := mount("tmpfs", rw, "tmpfs", unix.MS_NOSUID|unix.MS_NODEV, opts); err != nil {
		return err
	}
	for _, d := range []string{rw + "/upper", rw + "/work"} {
		if err := os.Mkdir(d, 0o755); err != nil {
			return wrap("overlay layer", err)
		}
	}
	// The layer's root is the box user's, so that it may add files.
	if err := os.Chown(rw+"/upper", b.cfg.UID, b.cfg.GID); err != nil {
		return wrap("overlay layer", err)
	}
	data := fmt.Sprintf("lowerdir=%s,upperdir=%s/upper,workdir=%s/work", overlayDir(i, "lower"), rw, rw)
	return mount("overlay", o.Target, "overlay", unix.MS_NOSUID|unix.MS_NODEV, data)
}

// clearIPC removes every SysV shared memory segment, semaphore set and
// message queue, and every POSIX message queue, of the box's IPC namespace.
func clearIPC() error {
	for _, kind := range []struct {
		file string
		rm   func(id int) error
	}{
		{"/proc/sysvipc/shm", func(id int) error { _, err := unix.SysvShmCtl(id, unix.IPC_RMID, nil); return err }},
		{"/proc/sysvipc/sem", func(id int) error {
			_, _, e := unix.Syscall6(unix.SYS_SEMCTL, uintptr(id), 0, unix.IPC_RMID, 0, 0, 0)
			return errnoErr(e)
		}},
		{"/proc/sysvipc/msg", func(id int) error {
			_, _, e := unix.Syscall(unix.SYS_MSGCTL, uintptr(id), unix.IPC_RMID, 0)
			return errnoErr(e)
		}},
	} {
		data, err := os.ReadFile(kind.file)
		if err != nil {
			return wrap("list IPC objects", err)
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		for _, line := range lines[1:] { // the first line names the columns
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			id, err := strconv.Atoi(f[1])
			if err != nil {
				continue
			}
			if err := kind.rm(id); err != nil && !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.EIDRM) {
				return wrap("remove IPC object", err)
			}
		}
	}
	queues, err := os.ReadDir("/dev/mqueue")
	if err != nil {
		return wrap("list message queues", err)
	}
	for _, q := range queues {
		if err := unix.Unlinkat(unix.AT_FDCWD, "/dev/mqueue/"+q.Name(), 0); err != nil && !errors.Is(err, unix.ENOENT) {
			return wrap("remove message queue", err)
		}
	}
	return nil
}

func errnoErr(e unix.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

// run starts the program, waits for it, then kills whatever it left behind.
// It reports false when the host went away and the box should end.
func (b *boxInit) run(req *runRequest, files []*os.File) (*runResponse, bool) {
	defer closeAll(files)
	if len(files) < 3 || len(req.Args) == 0 {
		return &runResponse{StartError: "sandbox: malformed run request"}, true
	}
	path, err := lookPath(req.Args[0], req.Env, req.Dir)
	if err != nil {
		return &runResponse{StartError: err.Error()}, true
	}
	args := append([]string{path}, req.Args[1:]...)
	var limits []rlimit.RLimit
	for _, l := range req.RLimits {
		limits = append(limits, rlimit.RLimit{Res: l.Resource, Rlim: syscall.Rlimit{Cur: l.Cur, Max: l.Max}})
	}
	start := time.Now()
	r := &forkexec.Runner{
		Args:       args,
		Env:        req.Env,
		RLimits:    limits,
		Files:      []uintptr{files[0].Fd(), files[1].Fd(), files[2].Fd()},
		WorkDir:    req.Dir,
		Credential: &syscall.Credential{Uid: uint32(b.cfg.UID), Gid: uint32(b.cfg.GID)},
		NoNewPrivs: true,
		DropCaps:   true,
	}
	if !b.cfg.Vfork {
		// The portable path: the child installs the filter and is moved
		// into its cgroup between fork and exec.
		procs := files[3:]
		r.Seccomp = b.filter
		r.SyncFunc = func(pid int) error { return cgroup.AddTo(procs, pid) }
	}
	sp := b.onSpawner(func() spawned {
		pid, err := r.Start()
		return spawned{pid, err}
	})
	pid, err := sp.pid, sp.err
	if err != nil {
		return &runResponse{StartError: fmt.Sprintf("sandbox: start %s: %v", req.Args[0], err)}, true
	}
	// Only the program holds its ends of the pipes now, so the host sees
	// end of file as soon as the last process of the run is gone.
	closeAll(files)
	files = nil

	done := make(chan runResponse, 1)
	go reap(pid, start, done)
	alive := true
	msgs := b.msgs
	for {
		select {
		case resp := <-done:
			return &resp, alive
		case m, ok := <-msgs:
			if !ok {
				alive = false
				msgs = nil
				unix.Kill(-1, unix.SIGKILL)
				continue
			}
			closeAll(m.files)
			if m.Op == opKill {
				unix.Kill(-1, unix.SIGKILL)
			}
		}
	}
}

// reap waits for the program to exit, then kills every process left in the
// box and reaps them all, orphans included.
func reap(pid int, start time.Time, done chan<- runResponse) {
	var resp runResponse
	for {
		var ws unix.WaitStatus
		var ru unix.Rusage
		wpid, err := unix.Wait4(-1, &ws, 0, &ru)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil {
			break
		}
		if wpid != pid {
			continue
		}
		resp.WallNS = int64(time.Since(start))
		resp.MaxRSSKiB = ru.Maxrss
		if ws.Signaled() {
			resp.Signal = int(ws.Signal())
		} else {
			resp.ExitCode = ws.ExitStatus()
		}
		// kill(-1) from PID 1 reaches every other process of the namespace:
		// daemons, orphans, stopped processes.
		unix.Kill(-1, unix.SIGKILL)
	}
	done <- resp
}

// lookPath finds the program as execve would see it inside the box.
func lookPath(name string, env []string, dir string) (string, error) {
	if strings.Contains(name, "/") {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if err := isExecutable(p); err != nil {
			return "", fmt.Errorf("cannot execute %s: %w", name, err)
		}
		return name, nil
	}
	pathEnv := "/usr/local/bin:/usr/bin:/bin"
	for _, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			pathEnv = kv[5:]
		}
	}
	for _, d := range filepath.SplitList(pathEnv) {
		if d == "" {
			d = "."
		}
		p := filepath.Join(d, name)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if isExecutable(p) == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("cannot execute %s: not found in PATH %s", name, pathEnv)
}

func isExecutable(p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	if st.IsDir() {
		return errors.New("is a directory")
	}
	if st.Mode()&0o111 == 0 {
		return errors.New("permission denied")
	}
	return nil
}
