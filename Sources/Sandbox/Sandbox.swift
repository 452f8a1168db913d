import Foundation

/// The sandbox: bubblewrap in user-namespace mode, a per-run cgroup, a seccomp filter,
/// size-limited tmpfs folders, an allow-listed environment, descriptors 0-2 only, and a
/// supervisor that times, caps and kills. `make` checks every part first; if one is
/// missing it says which, and nothing runs (there is no unsandboxed fallback).
public final class Sandbox: Sendable {
    public let configuration: SandboxConfiguration
    let layout: CgroupLayout
    /// The seccomp program, held open and already unlinked; each run reopens it through
    /// /proc/self/fd so concurrent runs do not share a file offset.
    let seccompDescriptor: Int32
    let groups: CgroupPool

    var seccompPath: String { "/proc/self/fd/\(seccompDescriptor)" }

    public var cgroupVersion: String { layout.name }

    private init(configuration: SandboxConfiguration, layout: CgroupLayout, seccompDescriptor: Int32) {
        self.configuration = configuration
        self.layout = layout
        self.seccompDescriptor = seccompDescriptor
        self.groups = CgroupPool(layout: layout)
    }

    deinit { close(seccompDescriptor) }

    /// Checks the host and prepares what runs share (the seccomp program). Cheap enough to
    /// call at start; callers keep the instance.
    public static func make(_ configuration: SandboxConfiguration = SandboxConfiguration()) -> Result<Sandbox, SandboxError> {
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: configuration.bwrapPath) else {
            return .failure(.unavailable(reason: "bubblewrap is not installed at \(configuration.bwrapPath) (Debian: apt-get install bubblewrap; make setup does it)"))
        }
        let python = configuration.runtimePath + "/bin/python3"
        guard fm.isExecutableFile(atPath: python) else {
            return .failure(.unavailable(reason: "the assessment runtime is missing: no \(python) (make setup builds it with /usr/bin/python3 -m venv)"))
        }
        if configuration.runtimePath.hasPrefix("/root") {
            return .failure(.unavailable(reason: "the assessment runtime must live outside /root, not at \(configuration.runtimePath)"))
        }
        guard getuid() == 0 || FileText.exists("/proc/self/ns/user") else {
            return .failure(.unavailable(reason: "user namespaces are not available"))
        }
        if getuid() == 0 && !fm.isExecutableFile(atPath: configuration.setprivPath) {
            return .failure(.unavailable(reason: "running as root needs setpriv (util-linux) at \(configuration.setprivPath) to drop to an unprivileged uid"))
        }
        guard ProcessSpawner.addCloseFrom != nil else {
            return .failure(.unavailable(reason: "the C library cannot close inherited descriptors in posix_spawn (needs glibc 2.34+)"))
        }
        guard let program = SeccompFilter.program() else {
            return .failure(.unavailable(reason: "no seccomp syscall table for this CPU architecture"))
        }
        let layout: CgroupLayout
        switch CgroupLayout.detect(root: configuration.cgroupRoot) {
        case .success(let found): layout = found
        case .failure(let error): return .failure(error)
        }
        // A trial group proves we may create groups and set limits here.
        switch layout.create(name: CgroupNames.unique(), limits: SandboxLimits()) {
        case .success(let group): group.destroy()
        case .failure(let error): return .failure(.unavailable(reason: "cannot create a cgroup \(layout.name) for runs: \(error)"))
        }
        layout.sweepStale()
        do {
            // 0711: the unprivileged launcher may reach a staging folder it is given, not list them.
            try fm.createDirectory(atPath: configuration.scratchPath, withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o711])
            _ = chmod(configuration.scratchPath, 0o711)
            if let folder = unreachableFolder(configuration.scratchPath) {
                return .failure(.unavailable(reason: "the scratch folder \(configuration.scratchPath) is not reachable by the sandbox's uid: \(folder) lacks the others-execute bit"))
            }
            let path = configuration.scratchPath + "/seccomp-\(getpid())-\(randomName()).bpf"
            try Data(program).write(to: URL(fileURLWithPath: path))
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            unlink(path)
            guard descriptor >= 0 else { return .failure(.unavailable(reason: "cannot reopen the seccomp program at \(path)")) }
            return .success(Sandbox(configuration: configuration, layout: layout, seccompDescriptor: descriptor))
        } catch {
            return .failure(.unavailable(reason: "cannot write to the scratch folder \(configuration.scratchPath): \(error.localizedDescription)"))
        }
    }

    /// A fresh host folder for one run's /task, owned by the supervisor. Remove it with
    /// `removeStaging` after the run.
    public func makeStaging() throws -> String {
        let path = configuration.scratchPath + "/run-" + Self.randomName()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        return path
    }

    public func removeStaging(_ path: String) {
        guard path.hasPrefix(configuration.scratchPath + "/run-") else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The first folder on the way to `path` that others cannot traverse: the launcher
    /// runs as an unprivileged uid and must reach staging folders to bind them.
    static func unreachableFolder(_ path: String) -> String? {
        guard getuid() == 0 else { return nil }
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            var info = stat()
            if stat(current, &info) == 0, info.st_mode & 0o001 == 0 { return current }
        }
        return nil
    }

    /// 128 random bits as hex: run folders, group names, the grader's frame nonce.
    public static func randomName() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }
}
