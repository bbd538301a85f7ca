package sandbox

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/verdict-judge/verdict/internal/cgroup"
)

// Check is one finding of Diagnose.
type Check struct {
	Name     string `json:"name"`
	OK       bool   `json:"ok"`
	Required bool   `json:"required"`
	Detail   string `json:"detail"`
	Fix      string `json:"fix,omitempty"`
}

// Report is what Diagnose found.
type Report struct {
	OK     bool         `json:"ok"` // every required check passed
	Kernel string       `json:"kernel"`
	Cgroup *cgroup.Info `json:"cgroup,omitempty"`
	Checks []Check      `json:"checks"`
}

// Diagnose reports which isolation layers this machine gives, by looking
// and then by building a real box and running /bin/true in it.
func Diagnose(ctx context.Context, cfg Config) *Report {
	r := &Report{OK: true}
	var u unix.Utsname
	if unix.Uname(&u) == nil {
		r.Kernel = unix.ByteSliceToString(u.Release[:])
	}
	add := func(c Check) {
		if c.Required && !c.OK {
			r.OK = false
		}
		r.Checks = append(r.Checks, c)
	}

	root := os.Geteuid() == 0
	add(Check{Name: "root", Required: true, OK: root,
		Detail: fmt.Sprintf("effective uid %d", os.Geteuid()),
		Fix:    "run Verdict as root (or in a container with CAP_SYS_ADMIN, its own cgroup and seccomp allowed)"})

	for _, ns := range []string{"mnt", "pid", "net", "ipc", "uts", "cgroup"} {
		_, err := os.Stat("/proc/self/ns/" + ns)
		add(Check{Name: "namespace " + ns, Required: true, OK: err == nil,
			Detail: errDetail(err, "available"),
			Fix:    "use a kernel built with namespaces (CONFIG_NAMESPACES and its " + ns + " option)"})
	}

	info, err := cgroup.Detect()
	if err != nil {
		add(Check{Name: "cgroup", Required: true, Detail: err.Error(), Fix: "mount cgroup v2 at /sys/fs/cgroup"})
	} else {
		r.Cgroup = info
		mode := info.Version.String()
		if info.Hybrid {
			mode += " (hybrid: controllers on v1)"
		}
		add(Check{Name: "cgroup version", Required: true, OK: info.Version != 0, Detail: mode,
			Fix: "mount cgroup2 at /sys/fs/cgroup (systemd.unified_cgroup_hierarchy=1)"})
		add(Check{Name: "cgroup controllers", Required: true, OK: len(info.Missing) == 0,
			Detail: "have " + strings.Join(info.Controllers, ", ") + missing(info.Missing),
			Fix:    "enable the memory and pids controllers (cgroup_enable=memory on the kernel command line; delegate them to this cgroup)"})
		add(Check{Name: "cgroup memory peak", Required: true, OK: info.MemoryPeak,
			Detail: map[bool]string{true: "memory.max_usage_in_bytes / memory.peak readable", false: "not available"}[info.MemoryPeak],
			Fix:    "cgroup v2 needs Linux 5.19 or later for memory.peak"})
		add(Check{Name: "swap control", Required: false, OK: info.SwapControl,
			Detail: map[bool]string{true: "swap limited to 0 for runs", false: "no memsw/swap.max; swappiness 0 is used instead"}[info.SwapControl],
			Fix:    "boot with swapaccount=1, or run without swap"})
	}

	acts, err := os.ReadFile("/proc/sys/kernel/seccomp/actions_avail")
	seccompOK := err == nil && strings.Contains(string(acts), "kill_process") && strings.Contains(string(acts), "errno")
	add(Check{Name: "seccomp", Required: !cfg.NoSeccomp, OK: seccompOK && !cfg.NoSeccomp,
		Detail: strings.TrimSpace(map[bool]string{true: "filter actions: " + string(acts), false: "seccomp filters unavailable" + errDetail(err, "")}[seccompOK]) + map[bool]string{true: " (turned OFF by configuration)", false: ""}[cfg.NoSeccomp],
		Fix:    "use a kernel with CONFIG_SECCOMP_FILTER; do not run Verdict under a seccomp profile that forbids seccomp()"})

	pattern, err := os.ReadFile("/proc/sys/kernel/core_pattern")
	pipe := err == nil && strings.HasPrefix(string(pattern), "|")
	add(Check{Name: "core dumps", Required: false, OK: err == nil && !pipe,
		Detail: fmt.Sprintf("core_pattern %q; programs run with RLIMIT_CORE 0", strings.TrimSpace(string(pattern))),
		Fix:    "a piped core_pattern ignores RLIMIT_CORE: make sure its helper honours the limit (systemd-coredump does), or set kernel.core_pattern=core"})

	if !r.OK {
		add(Check{Name: "box", Required: true, Detail: "not tried: a required layer is missing"})
		return r
	}
	cfg.Boxes = 1
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	t0 := time.Now()
	sb, err := New(ctx, cfg)
	if err != nil {
		add(Check{Name: "box", Required: true, Detail: err.Error(),
			Fix: "the message names the layer that failed (mount, pivot_root, cgroup, ...)"})
		return r
	}
	defer sb.Close()
	setup := time.Since(t0)
	add(Check{Name: "box", Required: true, OK: true,
		Detail: fmt.Sprintf("tmpfs root, read-only binds, pivot_root, fresh /proc and /dev built in %v", setup.Round(time.Microsecond))})
	res, err := sb.Run(ctx, &Spec{Args: []string{"/bin/true"}})
	switch {
	case err != nil:
		add(Check{Name: "run", Required: true, Detail: err.Error()})
	case res.Status != StatusOK:
		add(Check{Name: "run", Required: true, Detail: fmt.Sprintf("/bin/true ended %s: %s", res.Status, res.Message)})
	default:
		add(Check{Name: "run", Required: true, OK: true,
			Detail: fmt.Sprintf("/bin/true ran as uid %d+ with seccomp=%v: cpu %v, wall %v, memory %d KiB",
				sb.cfg.UIDBase, !cfg.NoSeccomp, res.CPU.Round(time.Microsecond), res.Wall.Round(time.Microsecond), res.Memory>>10)})
	}
	return r
}

func errDetail(err error, ok string) string {
	if err != nil {
		return err.Error()
	}
	return ok
}

func missing(m []string) string {
	if len(m) == 0 {
		return ""
	}
	return "; missing " + strings.Join(m, ", ")
}
