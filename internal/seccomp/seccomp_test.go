package seccomp

import (
	"encoding/binary"
	"runtime"
	"testing"

	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// eval runs the filter in x/net/bpf's interpreter. That interpreter loads
// big-endian words, so the fields are laid out big-endian at the offsets
// the kernel uses for struct seccomp_data.
func eval(t *testing.T, vm *bpf.VM, auditArch, nr, arg0 uint32) uint32 {
	t.Helper()
	data := make([]byte, 64)
	binary.BigEndian.PutUint32(data[offNr:], nr)
	binary.BigEndian.PutUint32(data[offArch:], auditArch)
	binary.BigEndian.PutUint32(data[offArg0:], arg0)
	ret, err := vm.Run(data)
	if err != nil {
		t.Fatalf("run filter: %v", err)
	}
	return uint32(ret)
}

func TestFilter(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skip("system call numbers below are x86-64's")
	}
	insns, err := Instructions()
	if err != nil {
		t.Fatal(err)
	}
	vm, err := bpf.NewVM(insns)
	if err != nil {
		t.Fatalf("filter does not verify: %v", err)
	}
	native := uint32(unix.AUDIT_ARCH_X86_64)
	cases := []struct {
		name     string
		arch, nr uint32
		arg0     uint32
		want     uint32
	}{
		{"read", native, unix.SYS_READ, 0, retAllow},
		{"write", native, unix.SYS_WRITE, 0, retAllow},
		{"execve", native, unix.SYS_EXECVE, 0, retAllow},
		{"mmap", native, unix.SYS_MMAP, 0, retAllow},
		{"exit_group", native, unix.SYS_EXIT_GROUP, 0, retAllow},
		{"ptrace", native, unix.SYS_PTRACE, 0, retEPERM},
		{"process_vm_readv", native, unix.SYS_PROCESS_VM_READV, 0, retEPERM},
		{"mount", native, unix.SYS_MOUNT, 0, retEPERM},
		{"unshare", native, unix.SYS_UNSHARE, 0, retEPERM},
		{"setns", native, unix.SYS_SETNS, 0, retEPERM},
		{"keyctl", native, unix.SYS_KEYCTL, 0, retEPERM},
		{"add_key", native, unix.SYS_ADD_KEY, 0, retEPERM},
		{"bpf", native, unix.SYS_BPF, 0, retEPERM},
		{"perf_event_open", native, unix.SYS_PERF_EVENT_OPEN, 0, retEPERM},
		{"userfaultfd", native, unix.SYS_USERFAULTFD, 0, retEPERM},
		{"reboot", native, unix.SYS_REBOOT, 0, retEPERM},
		{"kexec_load", native, unix.SYS_KEXEC_LOAD, 0, retEPERM},
		{"init_module", native, unix.SYS_INIT_MODULE, 0, retEPERM},
		{"swapon", native, unix.SYS_SWAPON, 0, retEPERM},
		{"clock_settime", native, unix.SYS_CLOCK_SETTIME, 0, retEPERM},
		{"settimeofday", native, unix.SYS_SETTIMEOFDAY, 0, retEPERM},
		{"open_by_handle_at", native, unix.SYS_OPEN_BY_HANDLE_AT, 0, retEPERM},
		{"acct", native, unix.SYS_ACCT, 0, retEPERM},
		{"pivot_root", native, unix.SYS_PIVOT_ROOT, 0, retEPERM},
		{"io_uring_setup", native, unix.SYS_IO_URING_SETUP, 0, retENOSYS},
		{"clone3", native, unix.SYS_CLONE3, 0, retENOSYS},
		{"clone thread", native, unix.SYS_CLONE, unix.CLONE_VM | unix.CLONE_THREAD | unix.CLONE_SIGHAND, retAllow},
		{"clone fork", native, unix.SYS_CLONE, uint32(unix.SIGCHLD), retAllow},
		{"clone newuser", native, unix.SYS_CLONE, unix.CLONE_NEWUSER | uint32(unix.SIGCHLD), retEPERM},
		{"clone newns", native, unix.SYS_CLONE, unix.CLONE_NEWNS, retEPERM},
		{"clone newnet", native, unix.SYS_CLONE, unix.CLONE_NEWNET, retEPERM},
		{"personality query", native, unix.SYS_PERSONALITY, 0xffffffff, retAllow},
		{"personality linux", native, unix.SYS_PERSONALITY, 0, retAllow},
		{"personality addr_no_randomize", native, unix.SYS_PERSONALITY, 0x0040000, retEPERM},
		{"socket inet", native, unix.SYS_SOCKET, unix.AF_INET, retAllow},
		{"socket vsock", native, unix.SYS_SOCKET, unix.AF_VSOCK, retEPERM},
		{"x32 read", native, x32SyscallBit | 0, 0, retKill},
		{"i386 abi", unix.AUDIT_ARCH_I386, 1, 0, retKill},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := eval(t, vm, c.arch, c.nr, c.arg0); got != c.want {
				t.Errorf("filter(%s) = %#x, want %#x", c.name, got, c.want)
			}
		})
	}
}

// TestEveryListedCallIsRefused checks every name of the lists against the
// filter, so a typo or a search bug cannot let one through.
func TestEveryListedCallIsRefused(t *testing.T) {
	info, auditArch, err := archInfo()
	if err != nil {
		t.Skip(err)
	}
	insns, _ := Instructions()
	vm, err := bpf.NewVM(insns)
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range []struct {
		names []string
		want  uint32
	}{{refused, retEPERM}, {unsupported, retENOSYS}} {
		for _, n := range list.names {
			nr, ok := info.SyscallNames[n]
			if !ok {
				continue
			}
			if got := eval(t, vm, auditArch, uint32(nr), 0); got != list.want {
				t.Errorf("%s (%d): got %#x, want %#x", n, nr, got, list.want)
			}
		}
	}
	// And nothing else is refused.
	special := map[string]bool{"clone": true, "personality": true, "socket": true}
	for _, n := range append(append([]string{}, refused...), unsupported...) {
		special[n] = true
	}
	for name, nr := range info.SyscallNames {
		if special[name] {
			continue
		}
		if got := eval(t, vm, auditArch, uint32(nr), 0); got != retAllow {
			t.Errorf("%s (%d) should be allowed, got %#x", name, nr, got)
		}
	}
}

func TestProgramAssembles(t *testing.T) {
	p, err := Program()
	if err != nil {
		t.Fatal(err)
	}
	if p.Len == 0 || p.Len > 4096 {
		t.Fatalf("filter length %d", p.Len)
	}
}
