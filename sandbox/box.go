package sandbox

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/verdict-judge/verdict/internal/cgroup"
)

// box is the host's handle on one pre-started box.
type box struct {
	uid  int
	lock *os.File // flock held on the uid while the box lives
	cmd  *exec.Cmd
	c    *conn
	msgs chan *message // messages from the box; closed when it is gone
	work *os.File      // the current run's work directory (from "ready")
	cg   *cgroup.Group // cgroup prepared for the next run
	used *cgroup.Group // cgroup of the last run, removed on release

	lastLimits cgroup.Limits // the cgroup limits of the last run
	err        error         // set when the box can no longer be used
	// finished is set when the current run's program ended and the box
	// reported it: the box is sound even if the run is then failed.
	finished bool
}

// startBox starts a box supervisor in new namespaces and waits until it has
// built its file system.
func (s *Sandbox) startBox(ctx context.Context) (*box, error) {
	s.mu.Lock()
	uid, lock, err := s.claimUID()
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	b := &box{uid: uid, lock: lock}
	fds, err := unix.Socketpair(unix.AF_UNIX, unix.SOCK_SEQPACKET|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("sandbox: socketpair: %w", err)
	}
	host, child := os.NewFile(uintptr(fds[0]), "box-control"), os.NewFile(uintptr(fds[1]), "box-control")
	defer child.Close()
	b.c, err = newConn(host)
	host.Close()
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	b.cmd = &exec.Cmd{
		Path:       s.exe,
		Args:       []string{initArg0},
		Env:        []string{},
		Dir:        "/",
		ExtraFiles: []*os.File{child},
		SysProcAttr: &syscall.SysProcAttr{
			Cloneflags: unix.CLONE_NEWNS | unix.CLONE_NEWPID | unix.CLONE_NEWNET |
				unix.CLONE_NEWIPC | unix.CLONE_NEWUTS | unix.CLONE_NEWCGROUP,
			Setsid:    true,
			Pdeathsig: syscall.SIGKILL,
		},
	}
	if err := b.cmd.Start(); err != nil {
		b.c.close()
		lock.Close()
		return nil, fmt.Errorf("sandbox: start box supervisor (namespaces need root): %w", err)
	}
	b.msgs = make(chan *message, 4)
	go func() {
		defer close(b.msgs)
		for {
			m, err := b.c.recv()
			if err != nil {
				return
			}
			b.msgs <- m
		}
	}()
	cfg := boxConfig{
		Root:      s.rootDir,
		UID:       uid,
		GID:       uid,
		Binds:     s.cfg.Binds,
		Overlays:  s.cfg.Overlays,
		WorkSize:  s.cfg.WorkSize,
		TmpSize:   s.cfg.TmpSize,
		NoSeccomp: s.cfg.NoSeccomp,
		Vfork:     s.vfork(),
	}
	if err := b.c.send(&message{Op: opSetup, Setup: &cfg}); err != nil {
		b.destroy()
		return nil, fmt.Errorf("sandbox: box setup: %w", err)
	}
	if err := s.next(ctx, b); err != nil {
		b.destroy()
		return nil, err
	}
	return b, nil
}

// next prepares the cgroup of the box's next run, hands it to the box and
// waits until the box is ready for that run.
func (s *Sandbox) next(ctx context.Context, b *box) error {
	g, err := s.prepareCgroup()
	if err != nil {
		return err
	}
	b.cg = g
	// Most runs of a box have the limits of the run before: set them now,
	// so that the run itself has nothing to write.
	if b.lastLimits != (cgroup.Limits{}) {
		if err := g.SetLimits(b.lastLimits); err != nil {
			return err
		}
	}
	var tasks []*os.File
	if s.vfork() {
		if tasks, err = g.TasksFiles(); err != nil {
			return err
		}
	}
	err = b.c.send(&message{Op: opNext, files: tasks})
	closeAll(tasks)
	if err != nil {
		return fmt.Errorf("sandbox: %w", err)
	}
	return b.waitReady(ctx)
}

// waitReady waits for the box to offer a fresh work directory.
func (b *box) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	select {
	case m, ok := <-b.msgs:
		if !ok {
			return errors.New("sandbox: box supervisor exited during set-up")
		}
		if m.Op == opFail {
			closeAll(m.files)
			return fmt.Errorf("sandbox: box set-up failed: %s", m.Error)
		}
		if m.Op != opReady || len(m.files) != 1 {
			closeAll(m.files)
			return fmt.Errorf("sandbox: unexpected %q from box", m.Op)
		}
		if b.work != nil {
			b.work.Close()
		}
		b.work = m.files[0]
		return nil
	case <-ctx.Done():
		return fmt.Errorf("sandbox: waiting for box: %w", ctx.Err())
	}
}

// destroy kills the box supervisor, and with it every process of the box.
func (b *box) destroy() {
	if b.cmd != nil && b.cmd.Process != nil {
		b.cmd.Process.Kill()
		b.cmd.Wait()
	}
	if b.c != nil {
		b.c.close()
	}
	if b.work != nil {
		b.work.Close()
		b.work = nil
	}
	for _, g := range []*cgroup.Group{b.cg, b.used} {
		if g != nil {
			g.Kill()
			g.Destroy()
		}
	}
	b.cg, b.used = nil, nil
	if b.lock != nil {
		b.lock.Close()
		b.lock = nil
	}
}

// claimUID takes a user id of its own for a new box: a lock file per uid
// under the runtime directory keeps two boxes, even of two processes, from
// ever sharing one.
func (s *Sandbox) claimUID() (int, *os.File, error) {
	for i := 0; i < s.cfg.UIDCount; i++ {
		uid := s.cfg.UIDBase + (s.nextUID+i)%s.cfg.UIDCount
		f, err := os.OpenFile(filepath.Join(s.lockDir, strconv.Itoa(uid)), os.O_RDWR|os.O_CREATE|unix.O_NOFOLLOW, 0o600)
		if err != nil {
			return 0, nil, fmt.Errorf("sandbox: uid lock: %w", err)
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			continue
		}
		s.nextUID = (s.nextUID + i + 1) % s.cfg.UIDCount
		return uid, f, nil
	}
	return 0, nil, fmt.Errorf("sandbox: all %d box user ids from %d are in use", s.cfg.UIDCount, s.cfg.UIDBase)
}
