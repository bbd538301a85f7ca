// Package cgroup creates and reads the control groups that hold sandboxed
// runs, on cgroup v1 (legacy or hybrid hierarchies) and cgroup v2.
//
// One Group is created for each run. It limits memory (swap off) and the
// number of processes, and accounts CPU time and peak memory of every task
// that ever ran in it, children and threads included.
package cgroup

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// Version is the cgroup version in use.
type Version int

// The cgroup versions.
const (
	V1 Version = 1
	V2 Version = 2
)

func (v Version) String() string {
	switch v {
	case V1:
		return "v1"
	case V2:
		return "v2"
	}
	return "none"
}

// Limits are the limits written into a new group.
type Limits struct {
	Memory int64 // bytes; swap is always off
	Pids   int64 // tasks (processes and threads)
}

// Stats are what a group accounted.
type Stats struct {
	CPU        time.Duration // user + system of every task
	User       time.Duration
	System     time.Duration
	MemoryPeak int64 // bytes
	OOMKills   int   // tasks killed by the OOM killer for the memory limit
}

// Hierarchy is the parent cgroup under which runs' groups are made.
type Hierarchy struct {
	version Version
	// v1: directories of the parent cgroup in each controller's hierarchy.
	memory, pids, cpuacct string
	memsw                 bool
	// v2: directory of the parent cgroup.
	dir      string
	swapMax  bool
	peak     bool
	cgroupNS bool
}

// Version reports the cgroup version in use.
func (h *Hierarchy) Version() Version { return h.version }

// Dirs reports the parent directories in use, for diagnostics.
func (h *Hierarchy) Dirs() []string {
	if h.version == V2 {
		return []string{h.dir}
	}
	return []string{h.memory, h.pids, h.cpuacct}
}

// Open finds the cgroup hierarchy of this machine and creates (or reuses) a
// parent cgroup called name below the cgroup of the calling process. It fails
// when a controller that runs need (memory, pids, CPU accounting) is missing.
func Open(name string) (*Hierarchy, error) {
	info, err := Detect()
	if err != nil {
		return nil, err
	}
	if len(info.Missing) > 0 {
		return nil, fmt.Errorf("cgroup %s: missing controllers %s", info.Version, strings.Join(info.Missing, ", "))
	}
	var h *Hierarchy
	switch info.Version {
	case V1:
		h, err = openV1(info, name)
	case V2:
		h, err = openV2(info, name)
	default:
		return nil, errors.New("cgroup: no cgroup file system mounted")
	}
	if err != nil {
		return nil, err
	}
	h.removeStale()
	return h, nil
}

// removeStale removes the empty groups left by processes that died before
// they could remove them: group names start with the creator's process id.
func (h *Hierarchy) removeStale() {
	for _, parent := range h.Dirs() {
		entries, err := os.ReadDir(parent)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			pidStr, _, ok := strings.Cut(e.Name(), "-")
			pid, err := strconv.Atoi(pidStr)
			if !ok || err != nil || pid <= 0 {
				continue
			}
			if unix.Kill(pid, 0) == unix.ESRCH {
				unix.Rmdir(filepath.Join(parent, e.Name()))
			}
		}
	}
}

// Info describes the cgroup set-up of this machine.
type Info struct {
	Version     Version           `json:"version"`
	Hybrid      bool              `json:"hybrid"`      // v1 controllers with a v2 hierarchy beside them
	Mounts      map[string]string `json:"mounts"`      // controller (or "unified") -> mount point
	Self        map[string]string `json:"self"`        // controller (or "unified") -> own cgroup path
	Controllers []string          `json:"controllers"` // controllers usable for runs
	Missing     []string          `json:"missing"`     // controllers runs need that are absent
	MemoryPeak  bool              `json:"memory_peak"` // peak memory readable
	SwapControl bool              `json:"swap_control"`
}

// Detect reads /proc/self/mountinfo and /proc/self/cgroup.
func Detect() (*Info, error) {
	mi, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		return nil, fmt.Errorf("cgroup: %w", err)
	}
	info := &Info{Mounts: map[string]string{}, Self: map[string]string{}}
	for _, line := range strings.Split(string(mi), "\n") {
		// id parent maj:min root mountpoint opts [optional...] - fstype source superopts
		sep := strings.Index(line, " - ")
		if sep < 0 {
			continue
		}
		pre, post := strings.Fields(line[:sep]), strings.Fields(line[sep+3:])
		if len(pre) < 5 || len(post) < 3 {
			continue
		}
		mnt := unescapeMount(pre[4])
		switch post[0] {
		case "cgroup2":
			if _, ok := info.Mounts["unified"]; !ok {
				info.Mounts["unified"] = mnt
			}
		case "cgroup":
			for _, o := range strings.Split(post[2], ",") {
				switch o {
				case "memory", "pids", "cpuacct":
					if _, ok := info.Mounts[o]; !ok {
						info.Mounts[o] = mnt
					}
				}
			}
		}
	}
	cg, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return nil, fmt.Errorf("cgroup: %w", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(cg)), "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		if parts[1] == "" {
			info.Self["unified"] = parts[2]
			continue
		}
		for _, c := range strings.Split(parts[1], ",") {
			info.Self[c] = parts[2]
		}
	}
	_, hasV1Mem := info.Mounts["memory"]
	if hasV1Mem {
		info.Version = V1
		_, info.Hybrid = info.Mounts["unified"]
		for _, c := range []string{"memory", "pids", "cpuacct"} {
			if _, ok := info.Mounts[c]; ok {
				info.Controllers = append(info.Controllers, c)
			} else {
				info.Missing = append(info.Missing, c)
			}
		}
		info.MemoryPeak = exists(filepath.Join(info.Mounts["memory"], "memory.max_usage_in_bytes"))
		info.SwapControl = exists(filepath.Join(info.Mounts["memory"], "memory.memsw.limit_in_bytes"))
		return info, nil
	}
	root, ok := info.Mounts["unified"]
	if !ok {
		return info, nil
	}
	info.Version = V2
	ctrl, err := os.ReadFile(filepath.Join(root, "cgroup.controllers"))
	if err != nil {
		return nil, fmt.Errorf("cgroup: %w", err)
	}
	have := strings.Fields(string(ctrl))
	for _, c := range []string{"memory", "pids"} {
		if contains(have, c) {
			info.Controllers = append(info.Controllers, c)
		} else {
			info.Missing = append(info.Missing, c)
		}
	}
	info.Controllers = append(info.Controllers, "cpu.stat")
	// memory.peak exists in every non-root cgroup since Linux 5.19; look at
	// our own cgroup, or any child of the root.
	self := filepath.Join(root, info.Self["unified"])
	info.MemoryPeak = exists(filepath.Join(self, "memory.peak")) || kernelAtLeast(5, 19)
	info.SwapControl = exists(filepath.Join(self, "memory.swap.max")) || exists(filepath.Join(root, "memory.swap.max")) || !contains(have, "memory")
	return info, nil
}

func openV1(info *Info, name string) (*Hierarchy, error) {
	h := &Hierarchy{version: V1, memsw: info.SwapControl, peak: info.MemoryPeak}
	for _, c := range []struct {
		ctrl string
		dst  *string
	}{{"memory", &h.memory}, {"pids", &h.pids}, {"cpuacct", &h.cpuacct}} {
		dir := filepath.Join(info.Mounts[c.ctrl], info.Self[c.ctrl], name)
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("cgroup v1 %s: create %s: %w", c.ctrl, dir, err)
		}
		*c.dst = dir
	}
	if !h.peak {
		return nil, errors.New("cgroup v1: memory.max_usage_in_bytes is missing: peak memory cannot be measured")
	}
	// Hierarchical accounting is required so that the limits hold for the
	// whole subtree; it is always on in recent kernels.
	if b, err := os.ReadFile(filepath.Join(h.memory, "memory.use_hierarchy")); err == nil && strings.TrimSpace(string(b)) != "1" {
		if err := os.WriteFile(filepath.Join(h.memory, "memory.use_hierarchy"), []byte("1"), 0); err != nil {
			return nil, fmt.Errorf("cgroup v1: enable memory.use_hierarchy in %s: %w", h.memory, err)
		}
	}
	return h, nil
}

func openV2(info *Info, name string) (*Hierarchy, error) {
	root := info.Mounts["unified"]
	self := filepath.Join(root, info.Self["unified"])
	h := &Hierarchy{version: V2, peak: info.MemoryPeak}
	if !h.peak {
		return nil, errors.New("cgroup v2: memory.peak needs Linux 5.19 or later: peak memory cannot be measured")
	}
	parent := self
	// A cgroup with processes in it cannot hand controllers to children (the
	// "no internal processes" rule), except the root. Move this process into
	// a leaf first when it sits in a non-root cgroup.
	if info.Self["unified"] != "/" {
		if err := enableControllers(parent); err != nil {
			leaf := filepath.Join(parent, name+"-self")
			if err := os.Mkdir(leaf, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
				return nil, fmt.Errorf("cgroup v2: create %s: %w", leaf, err)
			}
			if err := os.WriteFile(filepath.Join(leaf, "cgroup.procs"), []byte(strconv.Itoa(os.Getpid())), 0); err != nil {
				return nil, fmt.Errorf("cgroup v2: move self into %s: %w", leaf, err)
			}
			if err := enableControllers(parent); err != nil {
				return nil, err
			}
		}
	} else if err := enableControllers(parent); err != nil {
		return nil, err
	}
	h.dir = filepath.Join(parent, name)
	if err := os.Mkdir(h.dir, 0o755); err != nil && !errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("cgroup v2: create %s: %w", h.dir, err)
	}
	if err := enableControllers(h.dir); err != nil {
		return nil, err
	}
	h.swapMax = exists(filepath.Join(h.dir, "memory.swap.max"))
	return h, nil
}

func enableControllers(dir string) error {
	f := filepath.Join(dir, "cgroup.subtree_control")
	b, err := os.ReadFile(f)
	if err != nil {
		return fmt.Errorf("cgroup v2: %w", err)
	}
	have := strings.Fields(string(b))
	for _, c := range []string{"memory", "pids"} {
		if contains(have, c) {
			continue
		}
		if err := os.WriteFile(f, []byte("+"+c), 0); err != nil {
			return fmt.Errorf("cgroup v2: enable %s in %s: %w", c, f, err)
		}
	}
	return nil
}

// Group is the cgroup of one run.
type Group struct {
	h     *Hierarchy
	dirs  []string   // v1: memory, pids, cpuacct; v2: one
	procs []*os.File // cgroup.procs, open for writing
	stat  []*os.File // what Stats reads, open ahead (statFiles)
	lim   Limits     // the limits written
}

// New creates a group called name with the given limits.
func (h *Hierarchy) New(name string, lim Limits) (*Group, error) {
	g, err := h.Prepare(name)
	if err != nil {
		return nil, err
	}
	if err := g.SetLimits(lim); err != nil {
		g.Destroy()
		return nil, err
	}
	return g, nil
}

// Prepare creates a group called name without limits yet: creating groups
// ahead of time keeps it off the time of a run. Call SetLimits before
// adding any process.
func (h *Hierarchy) Prepare(name string) (g *Group, err error) {
	g = &Group{h: h}
	defer func() {
		if err != nil {
			g.Destroy()
			g = nil
		}
	}()
	dirs := []string{filepath.Join(h.dir, name)}
	if h.version == V1 {
		dirs = []string{filepath.Join(h.memory, name), filepath.Join(h.pids, name), filepath.Join(h.cpuacct, name)}
	}
	for _, d := range dirs {
		if err := os.Mkdir(d, 0o755); err != nil {
			// Only what this call made is removed: never a group that
			// already existed.
			return g, fmt.Errorf("cgroup: create %s: %w", d, err)
		}
		g.dirs = append(g.dirs, d)
	}
	if h.version == V2 {
		writes := [][2]string{{"memory.oom.group", "1"}}
		if h.swapMax {
			writes = append(writes, [2]string{"memory.swap.max", "0"})
		}
		for _, w := range writes {
			if err := writeFile(filepath.Join(g.dirs[0], w[0]), w[1]); err != nil {
				return g, err
			}
		}
	} else if !h.memsw {
		if err := writeFile(filepath.Join(g.dirs[0], "memory.swappiness"), "0"); err != nil {
			return g, err
		}
	}
	for _, d := range g.dirs {
		f, err := os.OpenFile(filepath.Join(d, "cgroup.procs"), os.O_WRONLY, 0)
		if err != nil {
			return g, fmt.Errorf("cgroup: %w", err)
		}
		g.procs = append(g.procs, f)
	}
	for _, p := range g.statFiles() {
		f, err := os.Open(p)
		if err != nil {
			return g, fmt.Errorf("cgroup: %w", err)
		}
		g.stat = append(g.stat, f)
	}
	return g, nil
}

// SetLimits writes the limits of the group. Swap is always off.
func (g *Group) SetLimits(lim Limits) error {
	if lim == g.lim {
		return nil
	}
	if err := g.setLimits(lim); err != nil {
		g.lim = Limits{}
		return err
	}
	g.lim = lim
	return nil
}

func (g *Group) setLimits(lim Limits) error {
	mem := strconv.FormatInt(lim.Memory, 10)
	pids := "max"
	if lim.Pids > 0 {
		pids = strconv.FormatInt(lim.Pids, 10)
	}
	if g.h.version == V2 {
		if err := writeFile(filepath.Join(g.dirs[0], "memory.max"), mem); err != nil {
			return err
		}
		return writeFile(filepath.Join(g.dirs[0], "pids.max"), pids)
	}
	// memory.limit_in_bytes may never exceed memory.memsw.limit_in_bytes:
	// when the limit grows, the sum limit grows first.
	files := []string{"memory.limit_in_bytes"}
	if g.h.memsw {
		files = append(files, "memory.memsw.limit_in_bytes")
		if g.lim.Memory != 0 && lim.Memory > g.lim.Memory {
			files[0], files[1] = files[1], files[0]
		}
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(g.dirs[0], f), mem); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(g.dirs[1], "pids.max"), pids)
}

// ProcsFiles returns the cgroup.procs files of the group, open for writing:
// writing a process id into each of them moves that process into the group.
// A process in another PID namespace may write its own view of the id.
func (g *Group) ProcsFiles() []*os.File { return g.procs }

// TasksFiles opens the cgroup v1 `tasks` files of the group for writing:
// writing 0 into each moves the writing thread alone into the group, so
// that the processes it forks are born in it. It returns nil on cgroup v2,
// where a thread cannot leave its process's cgroup.
func (g *Group) TasksFiles() ([]*os.File, error) {
	if g.h.version != V1 {
		return nil, nil
	}
	var fs []*os.File
	for _, d := range g.dirs {
		f, err := os.OpenFile(filepath.Join(d, "tasks"), os.O_WRONLY, 0)
		if err != nil {
			for _, f := range fs {
				f.Close()
			}
			return nil, fmt.Errorf("cgroup: %w", err)
		}
		fs = append(fs, f)
	}
	return fs, nil
}

// Add moves the process pid (in the caller's PID namespace) into the group.
func (g *Group) Add(pid int) error {
	return AddTo(g.procs, pid)
}

// AddTo writes pid into each of the given cgroup.procs files.
func AddTo(procs []*os.File, pid int) error {
	b := []byte(strconv.Itoa(pid))
	for _, f := range procs {
		if _, err := f.Write(b); err != nil {
			return fmt.Errorf("cgroup: add %d to %s: %w", pid, f.Name(), err)
		}
	}
	return nil
}

// CPU returns the CPU time used so far by every task of the group.
func (g *Group) CPU() (time.Duration, error) {
	if g.h.version == V1 {
		ns, err := readIntAt(g.stat[0])
		return time.Duration(ns), err
	}
	kv, err := readKV(g.stat[0])
	if err != nil {
		return 0, err
	}
	return time.Duration(kv["usage_usec"]) * time.Microsecond, nil
}

// Stats reads what the group accounted. Call it once every task has exited.
func (g *Group) Stats() (Stats, error) {
	var s Stats
	if g.h.version == V2 {
		kv, err := readKV(g.stat[0])
		if err != nil {
			return s, err
		}
		s.CPU = time.Duration(kv["usage_usec"]) * time.Microsecond
		s.User = time.Duration(kv["user_usec"]) * time.Microsecond
		s.System = time.Duration(kv["system_usec"]) * time.Microsecond
		if s.MemoryPeak, err = readIntAt(g.stat[1]); err != nil {
			return s, err
		}
		if kv, err = readKV(g.stat[2]); err != nil {
			return s, err
		}
		s.OOMKills = int(kv["oom_kill"])
		return s, nil
	}
	var vals [4]int64
	for i := range vals {
		n, err := readIntAt(g.stat[i])
		if err != nil {
			return s, err
		}
		vals[i] = n
	}
	s.CPU, s.User, s.System, s.MemoryPeak = time.Duration(vals[0]), time.Duration(vals[1]), time.Duration(vals[2]), vals[3]
	kv, err := readKV(g.stat[4])
	if err != nil {
		return s, err
	}
	s.OOMKills = int(kv["oom_kill"])
	return s, nil
}

// statFiles names the files Stats reads, in its order.
func (g *Group) statFiles() []string {
	if g.h.version == V2 {
		d := g.dirs[0]
		return []string{filepath.Join(d, "cpu.stat"), filepath.Join(d, "memory.peak"), filepath.Join(d, "memory.events")}
	}
	mem, cpu := g.dirs[0], g.dirs[2]
	return []string{
		filepath.Join(cpu, "cpuacct.usage"), filepath.Join(cpu, "cpuacct.usage_user"), filepath.Join(cpu, "cpuacct.usage_sys"),
		filepath.Join(mem, "memory.max_usage_in_bytes"), filepath.Join(mem, "memory.oom_control"),
	}
}

// readAt reads a whole cgroup file from its start: cgroup files can be read
// again and again through one open descriptor.
func readAt(f *os.File) ([]byte, error) {
	var buf [1024]byte
	n, err := f.ReadAt(buf[:], 0)
	if n == 0 && err != nil {
		return nil, fmt.Errorf("cgroup: read %s: %w", f.Name(), err)
	}
	return buf[:n], nil
}

func readIntAt(f *os.File) (int64, error) {
	b, err := readAt(f)
	if err != nil {
		return 0, err
	}
	n, err := strconv.ParseInt(string(bytes.TrimSpace(b)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cgroup: %s: %w", f.Name(), err)
	}
	return n, nil
}

func readKV(f *os.File) (map[string]int64, error) {
	b, err := readAt(f)
	if err != nil {
		return nil, err
	}
	return parseKV(b), nil
}

// Procs lists the processes of the group (in the caller's PID namespace).
func (g *Group) Procs() ([]int, error) {
	b, err := os.ReadFile(filepath.Join(g.dirs[len(g.dirs)-1], "cgroup.procs"))
	if err != nil {
		return nil, fmt.Errorf("cgroup: %w", err)
	}
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		if p, err := strconv.Atoi(f); err == nil {
			pids = append(pids, p)
		}
	}
	return pids, nil
}

// Kill kills every process of the group and waits until none is left.
func (g *Group) Kill() error {
	if g.h.version == V2 {
		if err := writeFile(filepath.Join(g.dirs[0], "cgroup.kill"), "1"); err == nil {
			return g.waitEmpty()
		}
	}
	for i := 0; i < 1000; i++ {
		pids, err := g.Procs()
		if err != nil {
			return err
		}
		if len(pids) == 0 {
			return nil
		}
		for _, p := range pids {
			_ = syscall.Kill(p, syscall.SIGKILL)
		}
		time.Sleep(time.Millisecond)
	}
	return errors.New("cgroup: processes left after kill")
}

func (g *Group) waitEmpty() error {
	for i := 0; i < 1000; i++ {
		pids, err := g.Procs()
		if err != nil || len(pids) == 0 {
			return err
		}
		time.Sleep(time.Millisecond)
	}
	return errors.New("cgroup: processes left after kill")
}

// Destroy closes the group's files and removes it. Every task must have
// exited.
func (g *Group) Destroy() error {
	for _, f := range g.procs {
		f.Close()
	}
	g.procs = nil
	for _, f := range g.stat {
		f.Close()
	}
	g.stat = nil
	var errs []error
	for _, d := range g.dirs {
		errs = append(errs, rmdir(d))
	}
	g.dirs = nil
	return errors.Join(errs...)
}

func rmdir(d string) error {
	var err error
	for i := 0; i < 200; i++ {
		err = unix.Rmdir(d)
		if err == nil || errors.Is(err, unix.ENOENT) {
			return nil
		}
		if !errors.Is(err, unix.EBUSY) {
			break
		}
		// Tasks that were just reaped can take a moment to leave.
		time.Sleep(time.Millisecond)
	}
	return fmt.Errorf("cgroup: remove %s: %w", d, err)
}

func writeFile(p, v string) error {
	f, err := os.OpenFile(p, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cgroup: %w", err)
	}
	_, err = f.WriteString(v)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cgroup: write %q to %s: %w", v, p, err)
	}
	return nil
}

func readInt(p string) (int64, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		return 0, fmt.Errorf("cgroup: %w", err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("cgroup: %s: %w", p, err)
	}
	return n, nil
}

func parseKV(b []byte) map[string]int64 {
	m := map[string]int64{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 {
			if n, err := strconv.ParseInt(f[1], 10, 64); err == nil {
				m[f[0]] = n
			}
		}
	}
	return m
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func kernelAtLeast(major, minor int) bool {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return false
	}
	rel := unix.ByteSliceToString(u.Release[:])
	var a, b int
	fmt.Sscanf(rel, "%d.%d", &a, &b)
	return a > major || (a == major && b >= minor)
}
