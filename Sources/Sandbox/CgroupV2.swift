#if canImport(Glibc)
import Glibc
#endif

/// A run's group on cgroup v2 (a normal systemd host). Written against the kernel's
/// documented files; this machine has v1 only, so it is exercised elsewhere.
struct CgroupV2: RunCgroup {
    let folder: String

    var procsFiles: [String] { [folder + "/cgroup.procs"] }

    static func create(name: String, parent: String, limits: SandboxLimits) -> Result<any RunCgroup, SandboxError> {
        let base = "\(parent)/\(CgroupNames.folder)"
        let group = CgroupV2(folder: "\(base)/\(name)")
        do {
            try makeFolder(base).get()
            // Controllers must be enabled for children of our folder ("no internal
            // processes": our folder itself holds none).
            _ = FileText.write("+memory +pids +cpu", to: base + "/cgroup.subtree_control")
            try makeFolder(group.folder).get()
            try group.apply(limits).get()
            return .success(group)
        } catch {
            group.destroy()
            return .failure(error)
        }
    }

    func apply(_ limits: SandboxLimits) -> Result<Void, SandboxError> {
        FileText.write(String(UInt64(limits.memoryMB) << 20), to: folder + "/memory.max")
            .flatMap { FileText.exists(folder + "/memory.swap.max") ? FileText.write("0", to: folder + "/memory.swap.max") : .success(()) }
            .flatMap { FileText.write(String(limits.maxProcesses), to: folder + "/pids.max") }
    }

    func counters() -> CgroupCounters {
        var c = CgroupCounters()
        c.cpuNanoseconds = cpuNanoseconds()
        c.peakMemoryBytes = FileText.integer(folder + "/memory.peak") ?? 0
        c.oomKills = Int(FileText.keyed(folder + "/memory.events", "oom_kill") ?? 0)
        c.pidsLimitHits = Int(FileText.keyed(folder + "/pids.events", "max") ?? 0)
        return c
    }

    func cpuNanoseconds() -> UInt64 { (FileText.keyed(folder + "/cpu.stat", "usage_usec") ?? 0) * 1000 }

    func pids() -> [pid_t] { FileText.pids(folder + "/cgroup.procs") }

    func destroy() {
        // cgroup.kill (5.14+) kills the whole group atomically, forks in flight included.
        _ = FileText.write("1", to: folder + "/cgroup.kill")
        killAll(listing: pids)
        _ = rmdir(folder)
    }
}
