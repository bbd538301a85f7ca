// Package seccomp builds the seccomp-bpf filter that every sandboxed program
// runs under.
//
// The policy is a deny list: a judged program may use any ordinary system
// call, and is refused (EPERM, or ENOSYS where a library falls back on it)
// the ones it never needs and that reach kernel attack surface: tracing other
// processes, mounts and namespaces, keyrings, BPF, perf, userfaultfd,
// io_uring, module and kexec loading, reboot, clock setting, swap, accounting,
// file handles and the like. A system call of any ABI other than the native
// one (i386 through int 0x80, x32) kills the process.
package seccomp

import (
	"fmt"
	"runtime"
	"syscall"

	libseccomp "github.com/elastic/go-seccomp-bpf"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// Refused lists the system calls refused with EPERM.
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

// Namespace flags refused on clone.
var cloneNamespaceFlags = []uint64{
	unix.CLONE_NEWNS, unix.CLONE_NEWUSER, unix.CLONE_NEWPID, unix.CLONE_NEWNET,
	unix.CLONE_NEWIPC, unix.CLONE_NEWUTS, unix.CLONE_NEWCGROUP, unix.CLONE_NEWTIME,
}

// Policy returns the filter policy, for display and tests.
func Policy() libseccomp.Policy {
	var cloneConds []libseccomp.NameWithConditions
	for _, f := range cloneNamespaceFlags {
		cloneConds = append(cloneConds, libseccomp.NameWithConditions{
			Name:       "clone",
			Conditions: libseccomp.ArgumentConditions{{Argument: 0, Operation: libseccomp.BitsSet, Value: f}},
		})
	}
	cloneConds = append(cloneConds,
		// personality() may only be queried or set to the plain Linux persona.
		libseccomp.NameWithConditions{Name: "personality", Conditions: libseccomp.ArgumentConditions{
			{Argument: 0, Operation: libseccomp.NotEqual, Value: 0},
			{Argument: 0, Operation: libseccomp.NotEqual, Value: 0xffffffff},
		}},
		// AF_VSOCK reaches the hypervisor, outside every namespace.
		libseccomp.NameWithConditions{Name: "socket", Conditions: libseccomp.ArgumentConditions{
			{Argument: 0, Operation: libseccomp.Equal, Value: unix.AF_VSOCK},
		}},
	)
	return libseccomp.Policy{
		DefaultAction: libseccomp.ActionAllow,
		Syscalls: []libseccomp.SyscallGroup{
			{Action: libseccomp.ActionErrno | libseccomp.Action(unix.EPERM), Names: refused, NamesWithCondtions: cloneConds},
			{Action: libseccomp.ActionErrno | libseccomp.Action(unix.ENOSYS), Names: unsupported},
		},
	}
}

// auditArch is the AUDIT_ARCH value of the native ABI.
func auditArch() (uint32, error) {
	switch runtime.GOARCH {
	case "amd64":
		return unix.AUDIT_ARCH_X86_64, nil
	case "arm64":
		return unix.AUDIT_ARCH_AARCH64, nil
	}
	return 0, fmt.Errorf("seccomp: unsupported architecture %s", runtime.GOARCH)
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

// Instructions returns the filter as BPF instructions: a check that kills
// any system call made through a foreign ABI, then the policy.
func Instructions() ([]bpf.Instruction, error) {
	arch, err := auditArch()
	if err != nil {
		return nil, err
	}
	policy := Policy()
	body, err := policy.Assemble()
	if err != nil {
		return nil, fmt.Errorf("seccomp: %w", err)
	}
	head := []bpf.Instruction{
		bpf.LoadAbsolute{Off: 4, Size: 4}, // seccomp_data.arch
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: arch, SkipTrue: 1},
		bpf.RetConstant{Val: uint32(libseccomp.ActionKillProcess)},
	}
	return append(head, body...), nil
}
