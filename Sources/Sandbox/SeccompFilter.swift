/// A classic-BPF seccomp program that bwrap installs (`--seccomp FD`) just before it
/// executes the program. It denies, with EPERM, the calls a submission has no business
/// making and that widen the kernel's attack surface (ptrace, namespaces, mounts, bpf,
/// keyrings, perf, userfaultfd, io_uring, kexec, modules, chroot), and refuses clone
/// with any namespace flag. Everything else is allowed so threads, `subprocess` and
/// `multiprocessing` keep working. The program is built once per process: building it is
/// pure arithmetic, and the bytes are written to a file the runs share.
public enum SeccompFilter {
    /// The filter for the machine's architecture, or nil where we have no syscall table.
    public static func program() -> [UInt8]? {
        #if arch(x86_64)
        return build(arch: auditArchX86_64, table: x86_64)
        #else
        return nil
        #endif
    }

    static let auditArchX86_64: UInt32 = 0xC000_003E

    struct Table {
        let denied: [UInt32]
        let clone: UInt32
        let clone3: UInt32
        /// x32 syscalls on x86_64 carry this bit; they are refused wholesale.
        let x32Bit: UInt32?
    }

    /// x86_64 numbers (arch/x86/entry/syscalls/syscall_64.tbl).
    static let x86_64 = Table(
        denied: [
            101,            // ptrace
            310, 311,       // process_vm_readv, process_vm_writev
            272, 308,       // unshare, setns
            165, 166, 155,  // mount, umount2, pivot_root
            161,            // chroot
            321,            // bpf
            248, 249, 250,  // add_key, request_key, keyctl
            298,            // perf_event_open
            323,            // userfaultfd
            425, 426, 427,  // io_uring_setup, io_uring_enter, io_uring_register
            246, 320,       // kexec_load, kexec_file_load
            175, 313, 176,  // init_module, finit_module, delete_module
            169,            // reboot
            167, 168,       // swapon, swapoff
            163,            // acct
            179,            // quotactl
            103,            // syslog
            303, 304,       // name_to_handle_at, open_by_handle_at
            300,            // fanotify_init
            212,            // lookup_dcookie
            164, 227, 305, 159, // settimeofday, clock_settime, clock_adjtime, adjtimex
            172, 173,       // iopl, ioperm
            153,            // vhangup
            428, 429, 430, 431, 432, 433, 442, // open_tree, move_mount, fsopen, fsconfig, fsmount, fspick, mount_setattr
            312,            // kcmp
            134, 136, 139, 156, // uselib, ustat, sysfs, _sysctl
        ],
        clone: 56,
        clone3: 435,
        x32Bit: 0x4000_0000
    )

    /// CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET | NEWTIME.
    static let namespaceFlags: UInt32 = 0x0002_0000 | 0x0200_0000 | 0x0400_0000 | 0x0800_0000
        | 0x1000_0000 | 0x2000_0000 | 0x4000_0000 | 0x0000_0080

    // Classic BPF opcodes and seccomp return values (linux/filter.h, linux/seccomp.h).
    static let ldAbsW: UInt16 = 0x20
    static let jeq: UInt16 = 0x15
    static let jge: UInt16 = 0x35
    static let jset: UInt16 = 0x45
    static let ret: UInt16 = 0x06
    static let retAllow: UInt32 = 0x7FFF_0000
    static let retKillProcess: UInt32 = 0x8000_0000
    static func retErrno(_ errno: UInt32) -> UInt32 { 0x0005_0000 | (errno & 0xFFFF) }
    static let eperm: UInt32 = 1
    static let enosys: UInt32 = 38

    struct Instruction {
        var code: UInt16
        var jt: UInt8
        var jf: UInt8
        var k: UInt32
    }

    static func build(arch: UInt32, table: Table) -> [UInt8] {
        var prog: [Instruction] = []
        // seccomp_data: nr at 0, arch at 4, args[0] at 16 (low word on little-endian).
        prog.append(.init(code: ldAbsW, jt: 0, jf: 0, k: 4))
        prog.append(.init(code: jeq, jt: 1, jf: 0, k: arch))
        prog.append(.init(code: ret, jt: 0, jf: 0, k: retKillProcess))
        prog.append(.init(code: ldAbsW, jt: 0, jf: 0, k: 0))
        if let x32 = table.x32Bit {
            prog.append(.init(code: jge, jt: 0, jf: 1, k: x32))
            prog.append(.init(code: ret, jt: 0, jf: 0, k: retErrno(eperm)))
        }
        for nr in table.denied {
            prog.append(.init(code: jeq, jt: 0, jf: 1, k: nr))
            prog.append(.init(code: ret, jt: 0, jf: 0, k: retErrno(eperm)))
        }
        // clone3 passes its flags in memory BPF cannot read: answer ENOSYS so libc falls
        // back to clone, whose flags we can check.
        prog.append(.init(code: jeq, jt: 0, jf: 1, k: table.clone3))
        prog.append(.init(code: ret, jt: 0, jf: 0, k: retErrno(enosys)))
        prog.append(.init(code: jeq, jt: 0, jf: 3, k: table.clone))
        prog.append(.init(code: ldAbsW, jt: 0, jf: 0, k: 16))
        prog.append(.init(code: jset, jt: 0, jf: 1, k: namespaceFlags))
        prog.append(.init(code: ret, jt: 0, jf: 0, k: retErrno(eperm)))
        prog.append(.init(code: ret, jt: 0, jf: 0, k: retAllow))

        var bytes: [UInt8] = []
        bytes.reserveCapacity(prog.count * 8)
        for ins in prog {
            withUnsafeBytes(of: ins.code.littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(ins.jt)
            bytes.append(ins.jf)
            withUnsafeBytes(of: ins.k.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
