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
            let bytes = String(UInt64(limits.memoryMB) << 20)
            try FileText.write(bytes, to: group.memory + "/memory.limit_in_bytes").get()
            // memory+swap, where swap accounting exists; it must be set after the plain limit.
            if FileText.exists(group.memory + "/memory.memsw.limit_in_bytes") {
                try FileText.write(bytes, to: group.memory + "/memory.memsw.limit_in_bytes").get()
            }
            try FileText.write(String(limits.maxProcesses), to: group.pidsFolder + "/pids.max").get()
            return .success(group)
        } catch {
            group.destroy()
            return .failure(error)
        }
    }

    func counters() -> CgroupCounters {
        var c = CgroupCounters()
        c.cpuNanoseconds = FileText.integer(cpuacct + "/cpuacct.usage") ?? 0
        c.peakMemoryBytes = FileText.integer(memory + "/memory.max_usage_in_bytes") ?? 0
        c.oomKills = Int(FileText.keyed(memory + "/memory.oom_control", "oom_kill") ?? 0)
        c.pidsLimitHits = Int(FileText.keyed(pidsFolder + "/pids.events", "max") ?? 0)
        return c
    }

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
