// Package seccomp builds the seccomp-bpf filter that every sandboxed program
// runs under.
//
// The policy is a deny list: a judged program may use any ordinary system
// call, and is refused (EPERM, or ENOSYS where a library falls back on it)
// the ones it never needs and that reach kernel attack surface: tracing other
// processes, mounts and namespaces, keyrings, BPF, perf, userfaultfd,
// io_uring, module and kexec loading, reboot, clock setting, swap, accounting,
// file handles and the like. A system call of any ABI other than the native
// one (i386 through int 0x80, x32) kills the process. The filter is a binary
// search, so that every system call a program makes stays cheap; the system
// call tables come from github.com/elastic/go-seccomp-bpf/arch.
package seccomp

import (
	"fmt"
	"runtime"
	"syscall"

	"sort"

	"github.com/elastic/go-seccomp-bpf/arch"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// refused lists the system calls refused with EPERM.
var refused = []string{
	// Tracing and reading other processes.
	"ptrace", "process_vm_readv", "process_vm_writev", "kcmp", "pidfd_getfd", "process_madvise",
	// Mounts, roots and namespaces.
	"mount", "umount2", "pivot_root", "chroot", "unshare", "setns",
	"fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree", "mount_setattr",
	"quotactl", "quotactl_fd",
	// Kernel keyrings are not namespaced: they would carry state between runs.
	"keyctl", "add_key", "request_key",
	// Kernel attack surface a judged program never needs.
	"bpf", "perf_event_open", "userfaultfd", "fanotify_init", "lookup_dcookie",
	// Loading code into the kernel, rebooting, swap and accounting.
	"kexec_load", "kexec_file_load", "reboot", "init_module", "finit_module", "delete_module",
	"swapon", "swapoff", "acct",
	// Clocks and host identity.
	"clock_settime", "clock_adjtime", "settimeofday", "adjtimex", "sethostname", "setdomainname",
	// File handles (the "shocker" escape), raw I/O ports, the kernel log.
	"open_by_handle_at", "name_to_handle_at", "iopl", "ioperm", "syslog",
	// Old or obscure.
	"uselib", "vhangup", "nfsservctl", "migrate_pages", "move_pages", "mbind",
}

// unsupported lists the system calls that return ENOSYS, so that libraries
// that try them first fall back to the older call.
var unsupported = []string{
	"clone3", // glibc falls back to clone, whose flags the filter can check
	"io_uring_setup", "io_uring_enter", "io_uring_register",
}

// cloneNamespaceFlags are refused on clone: a program may start processes
// and threads, never new namespaces.
const cloneNamespaceFlags = unix.CLONE_NEWNS | unix.CLONE_NEWUSER | unix.CLONE_NEWPID | unix.CLONE_NEWNET |
	unix.CLONE_NEWIPC | unix.CLONE_NEWUTS | unix.CLONE_NEWCGROUP | unix.CLONE_NEWTIME

// Return values of the filter.
const (
	retAllow  = unix.SECCOMP_RET_ALLOW
	retKill   = unix.SECCOMP_RET_KILL_PROCESS
	retEPERM  = unix.SECCOMP_RET_ERRNO | uint32(unix.EPERM)
	retENOSYS = unix.SECCOMP_RET_ERRNO | uint32(unix.ENOSYS)
)

// x32SyscallBit marks system calls of the x32 ABI on x86-64.
const x32SyscallBit = 0x40000000

// Offsets into struct seccomp_data.
const (
	offNr   = 0
	offArch = 4
	offArg0 = 16 // low 32 bits on little-endian machines
)

// rule is what the filter does with one system call.
type rule struct {
	nr   uint32
	insn []bpf.Instruction // ends in a return; the accumulator holds nr on entry
}

func archInfo() (*arch.Info, uint32, error) {
	switch runtime.GOARCH {
	case "amd64":
		return arch.X86_64, unix.AUDIT_ARCH_X86_64, nil
	case "arm64":
		return arch.AARCH64, unix.AUDIT_ARCH_AARCH64, nil
	}
	return nil, 0, fmt.Errorf("seccomp: unsupported architecture %s", runtime.GOARCH)
}

// rules lists the system calls the filter does not simply allow.
func rules(info *arch.Info) ([]rule, error) {
	var rs []rule
	add := func(name string, insn ...bpf.Instruction) {
		// A name missing from this architecture (ioperm on arm64, say) has
		// nothing to refuse.
		if nr, ok := info.SyscallNames[name]; ok {
			rs = append(rs, rule{uint32(nr), insn})
		}
	}
	for _, n := range refused {
		add(n, bpf.RetConstant{Val: retEPERM})
	}
	for _, n := range unsupported {
		add(n, bpf.RetConstant{Val: retENOSYS})
	}
	// clone: refused with any namespace flag (all in the low 32 bits).
	add("clone",
		bpf.LoadAbsolute{Off: offArg0, Size: 4},
		bpf.JumpIf{Cond: bpf.JumpBitsSet, Val: cloneNamespaceFlags, SkipFalse: 1},
		bpf.RetConstant{Val: retEPERM},
		bpf.RetConstant{Val: retAllow})
	// personality: only queried, or set to the plain Linux persona.
	add("personality",
		bpf.LoadAbsolute{Off: offArg0, Size: 4},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0, SkipTrue: 2},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: 0xffffffff, SkipTrue: 1},
		bpf.RetConstant{Val: retEPERM},
		bpf.RetConstant{Val: retAllow})
	// socket: AF_VSOCK reaches the hypervisor, outside every namespace.
	add("socket",
		bpf.LoadAbsolute{Off: offArg0, Size: 4},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: unix.AF_VSOCK, SkipFalse: 1},
		bpf.RetConstant{Val: retEPERM},
		bpf.RetConstant{Val: retAllow})
	sort.Slice(rs, func(i, j int) bool { return rs[i].nr < rs[j].nr })
	for i := 1; i < len(rs); i++ {
		if rs[i].nr == rs[i-1].nr {
			return nil, fmt.Errorf("seccomp: system call %d listed twice", rs[i].nr)
		}
	}
	return rs, nil
}

// search emits a binary search over rules: a handful of comparisons for any
// system call, where a linear list would run a hundred for every call a
// program makes.
func search(rs []rule) []bpf.Instruction {
	if len(rs) <= 3 {
		var out []bpf.Instruction
		for _, r := range rs {
			out = append(out, bpf.JumpIf{Cond: bpf.JumpEqual, Val: r.nr, SkipFalse: uint8(len(r.insn))})
			out = append(out, r.insn...)
		}
		return append(out, bpf.RetConstant{Val: retAllow})
	}
	mid := len(rs) / 2
	left, right := search(rs[:mid]), search(rs[mid:])
	out := []bpf.Instruction{
		bpf.JumpIf{Cond: bpf.JumpGreaterOrEqual, Val: rs[mid].nr, SkipFalse: 1},
		bpf.Jump{Skip: uint32(len(left))},
	}
	out = append(out, left...)
	return append(out, right...)
}

// Instructions returns the filter as BPF instructions: a check that kills
// any system call made through a foreign ABI, then a binary search over the
// refused calls.
func Instructions() ([]bpf.Instruction, error) {
	info, auditArch, err := archInfo()
	if err != nil {
		return nil, err
	}
	rs, err := rules(info)
	if err != nil {
		return nil, err
	}
	out := []bpf.Instruction{
		bpf.LoadAbsolute{Off: offArch, Size: 4},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: auditArch, SkipTrue: 1},
		bpf.RetConstant{Val: retKill},
		bpf.LoadAbsolute{Off: offNr, Size: 4},
	}
	if runtime.GOARCH == "amd64" {
		out = append(out,
			bpf.JumpIf{Cond: bpf.JumpGreaterOrEqual, Val: x32SyscallBit, SkipFalse: 1},
			bpf.RetConstant{Val: retKill})
	}
	return append(out, search(rs)...), nil
}

// Program assembles the filter, ready for seccomp(SECCOMP_SET_MODE_FILTER).
func Program() (*syscall.SockFprog, error) {
	insns, err := Instructions()
	if err != nil {
		return nil, err
	}
	raw, err := bpf.Assemble(insns)
	if err != nil {
		return nil, fmt.Errorf("seccomp: assemble: %w", err)
	}
	filter := make([]syscall.SockFilter, len(raw))
	for i, r := range raw {
		filter[i] = syscall.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	return &syscall.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]}, nil
}
