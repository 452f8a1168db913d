#if canImport(Glibc)
import Glibc
#endif

/// The counters a run's cgroup keeps, read after (and during) the run.
struct CgroupCounters: Equatable {
    var cpuNanoseconds: UInt64 = 0
    var peakMemoryBytes: UInt64 = 0
    var oomKills: Int = 0
    var pidsLimitHits: Int = 0
}

/// One run's cgroup: limits set before the program starts, counters read by the
/// supervisor, every process killed and the group removed at the end. v1 (a folder per
/// controller, as on this machine) and v2 (one unified folder) sit behind one interface.
protocol RunCgroup: Sendable {
    /// `cgroup.procs` files the launcher writes "0" to, moving itself in before it
    /// execs bwrap, so nothing of the run ever exists outside the group.
    var procsFiles: [String] { get }
    func counters() -> CgroupCounters
    /// The one counter read every tick of a run.
    func cpuNanoseconds() -> UInt64
    func pids() -> [pid_t]
    /// Writes the run's limits (a spare group is made with defaults).
    func apply(_ limits: SandboxLimits) -> Result<Void, SandboxError>
    /// SIGKILL to every process in the group until it is empty (bounded), then rmdir.
    func destroy()
}

/// Which cgroup layout this host has, found once.
enum CgroupLayout: Sendable, Equatable {
    /// Controller folders (memory, pids, cpuacct) and this process's path in each.
    case v1(memory: String, pids: String, cpuacct: String)
    /// The unified folder this process may create children under.
    case v2(parent: String)

    static func detect(root: String = "/sys/fs/cgroup", selfCgroup: String? = nil) -> Result<CgroupLayout, SandboxError> {
        let membership = selfCgroup ?? (FileText.read("/proc/self/cgroup") ?? "")
        var v1Paths: [String: String] = [:]
        var v2Path: String?
        for line in membership.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            if parts[0] == "0" && parts[1].isEmpty { v2Path = String(parts[2]) }
            for controller in parts[1].split(separator: ",") { v1Paths[String(controller)] = String(parts[2]) }
        }
        if FileText.exists("\(root)/cgroup.controllers") {
            let parent = root + (v2Path ?? "/")
            let controllers = FileText.read("\(root)/cgroup.controllers") ?? ""
            for needed in ["memory", "pids", "cpu"] where !controllers.contains(needed) {
                return .failure(.unavailable(reason: "cgroup v2 at \(root) lacks the \(needed) controller"))
            }
            return .success(.v2(parent: parent.hasSuffix("/") ? String(parent.dropLast()) : parent))
        }
        var folders: [String] = []
        for controller in ["memory", "pids", "cpuacct"] {
            let base = "\(root)/\(controller)"
            guard FileText.exists("\(base)/cgroup.procs") else {
                return .failure(.unavailable(reason: "no cgroup \(controller) controller at \(base) (neither cgroup v2 nor v1 is usable)"))
            }
            let own = v1Paths[controller].map { $0 == "/" ? "" : $0 } ?? ""
            // Nest under our own group when we can see it, so the host's limits on us still apply.
            folders.append(FileText.exists(base + own + "/cgroup.procs") ? base + own : base)
        }
        return .success(.v1(memory: folders[0], pids: folders[1], cpuacct: folders[2]))
    }

    var name: String {
        switch self {
        case .v1: return "v1"
        case .v2: return "v2"
        }
    }

    /// Makes the run's group with its limits set. `name` is unique per run.
    func create(name: String, limits: SandboxLimits) -> Result<any RunCgroup, SandboxError> {
        switch self {
        case .v1(let memory, let pids, let cpuacct):
            return CgroupV1.create(name: name, memory: memory, pids: pids, cpuacct: cpuacct, limits: limits)
        case .v2(let parent):
            return CgroupV2.create(name: name, parent: parent, limits: limits)
        }
    }

    /// Removes groups a killed supervisor left behind: those whose owner (the pid their
    /// name starts with) is gone. Other live supervisors' spare groups are left alone.
    func sweepStale() {
        let parents: [String]
        switch self {
        case .v1(let memory, let pids, let cpuacct): parents = [memory, pids, cpuacct]
        case .v2(let parent): parents = [parent]
        }
        for parent in parents {
            let base = parent + "/" + CgroupNames.folder
            for entry in FileText.list(base) {
                guard let owner = entry.split(separator: "-").first.flatMap({ pid_t($0) }), owner != getpid(),
                      kill(owner, 0) != 0 && errno == ESRCH else { continue }
                _ = rmdir(base + "/" + entry)
            }
        }
    }
}

enum CgroupNames {
    /// The folder under which every run's group lives.
    static let folder = "vetted-sandbox"

    /// A fresh group name, led by our pid so a sweep can tell whose it is.
    static func unique() -> String { "\(getpid())-\(Sandbox.randomName())" }
}

/// Kills every listed process until the group reports none, for at most ~1 s.
func killAll(listing: () -> [pid_t]) {
    for _ in 0..<200 {
        let pids = listing()
        if pids.isEmpty { return }
        for pid in pids { _ = kill(pid, SIGKILL) }
        var pause = timespec(tv_sec: 0, tv_nsec: 5_000_000)
        _ = nanosleep(&pause, nil)
    }
}

func makeFolder(_ path: String) -> Result<Void, SandboxError> {
    if mkdir(path, 0o755) == 0 || errno == EEXIST { return .success(()) }
    return .failure(.cgroupFailed(path: path, errno: errno))
}
