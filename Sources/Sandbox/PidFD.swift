#if canImport(Glibc)
import Glibc
#endif

/// pidfd_open(2) (Linux 5.3, glibc 2.36), looked up at run time: the Swift module does not
/// declare it. -1 where it is missing; callers then poll on a timer.
enum PidFD {
    typealias Open = @convention(c) (pid_t, UInt32) -> Int32

    static let function: Open? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "pidfd_open") else { return nil }
        return unsafeBitCast(symbol, to: Open.self)
    }()

    static func open(_ pid: pid_t) -> Int32 {
        guard let function else { return -1 }
        let fd = function(pid, 0)
        if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return fd
    }
}
