#if canImport(Glibc)
import Glibc
#endif

/// A run's group on cgroup v1: one folder in each of the memory, pids and cpuacct
/// hierarchies.
struct CgroupV1: RunCgroup {
    let memory: String
    let pidsFolder: String
    let cpuacct: String

    var procsFiles: [String] { [memory, pidsFolder, cpuacct].map { $0 + "/cgroup.procs" } }

    static func create(name: String, memory: String, pids: String, cpuacct: String, limits: SandboxLimits) -> Result<any RunCgroup, SandboxError> {
        let group = CgroupV1(
            memory: "\(memory)/\(CgroupNames.folder)/\(name)",
            pidsFolder: "\(pids)/\(CgroupNames.folder)/\(name)",
            cpuacct: "\(cpuacct)/\(CgroupNames.folder)/\(name)"
        )
        do {
            for (parent, folder) in [(memory, group.memory), (pids, group.pidsFolder), (cpuacct, group.cpuacct)] {
                try makeFolder("\(parent)/\(CgroupNames.folder)").get()
                try makeFolder(folder).get()
            }
            try group.apply(limits).get()
            return .success(group)
        } catch {
            group.destroy()
            return .failure(error)
        }
    }

    func apply(_ limits: SandboxLimits) -> Result<Void, SandboxError> {
        let bytes = String(UInt64(limits.memoryMB) << 20)
        let memsw = memory + "/memory.memsw.limit_in_bytes"
        let hasSwapAccounting = FileText.exists(memsw)
        // memory+swap must never be below the plain limit: raise it first when growing,
        // lower it last when shrinking.
        if hasSwapAccounting, case .failure = FileText.write(bytes, to: memsw) {
            return FileText.write(bytes, to: memory + "/memory.limit_in_bytes")
                .flatMap { FileText.write(bytes, to: memsw) }
                .flatMap { FileText.write(String(limits.maxProcesses), to: pidsFolder + "/pids.max") }
        }
        return FileText.write(bytes, to: memory + "/memory.limit_in_bytes")
            .flatMap { hasSwapAccounting ? FileText.write(bytes, to: memsw) : .success(()) }
            .flatMap { FileText.write(String(limits.maxProcesses), to: pidsFolder + "/pids.max") }
    }

    func counters() -> CgroupCounters {
        var c = CgroupCounters()
        c.cpuNanoseconds = cpuNanoseconds()
        c.peakMemoryBytes = FileText.integer(memory + "/memory.max_usage_in_bytes") ?? 0
        c.oomKills = Int(FileText.keyed(memory + "/memory.oom_control", "oom_kill") ?? 0)
        c.pidsLimitHits = Int(FileText.keyed(pidsFolder + "/pids.events", "max") ?? 0)
        return c
    }

    func cpuNanoseconds() -> UInt64 { FileText.integer(cpuacct + "/cpuacct.usage") ?? 0 }

    func pids() -> [pid_t] {
        var all = Set<pid_t>()
        for file in procsFiles { all.formUnion(FileText.pids(file)) }
        return Array(all)
    }

    func destroy() {
        killAll(listing: pids)
        for folder in [memory, pidsFolder, cpuacct] { _ = rmdir(folder) }
    }
}
