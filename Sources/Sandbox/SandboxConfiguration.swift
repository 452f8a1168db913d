/// Where the sandbox's parts live on this host. Read once from configuration by the
/// front doors; the engine never reads the environment.
public struct SandboxConfiguration: Sendable, Equatable {
    /// Debian's bubblewrap.
    public var bwrapPath: String
    /// The assessment runtime: a venv made with /usr/bin/python3 -m venv, outside /root,
    /// bound read-only at /venv.
    public var runtimePath: String
    public var cgroupRoot: String
    /// A host folder the supervisor alone writes: the seccomp program, staging folders.
    public var scratchPath: String
    /// When the supervisor is root, the launcher drops to this uid and gid before it
    /// becomes bwrap. Otherwise the box's uid would map to host root: no capabilities,
    /// but the owner of every root-owned file (/proc/sys/vm/drop_caches was writable).
    public var unprivilegedID: UInt32 = 65534
    /// util-linux's setpriv, which the launcher uses to drop to `unprivilegedID`.
    public var setprivPath = "/usr/bin/setpriv"

    public static let defaultRuntimePath = "/opt/vetted-runtime"

    public init(bwrapPath: String = "/usr/bin/bwrap", runtimePath: String = SandboxConfiguration.defaultRuntimePath,
                cgroupRoot: String = "/sys/fs/cgroup", scratchPath: String = "/tmp/vetted-sandbox") {
        self.bwrapPath = bwrapPath
        self.runtimePath = runtimePath
        self.cgroupRoot = cgroupRoot
        self.scratchPath = scratchPath
    }
}

/// One program to run in a box.
public struct SandboxRequest: Sendable {
    /// argv inside the box, e.g. ["/venv/bin/python3", "-I", "-B", "/task/main.py"].
    public var command: [String]
    /// A host folder bound read-only at /task. The host writes it before the run and
    /// never reads anything back from a box.
    public var taskFolder: String?
    /// Bytes for the program's stdin; /dev/null when nil.
    public var stdin: [UInt8]?
    public var limits: SandboxLimits
    /// Set from another thread to stop the run; its status is then `killed`.
    public var cancellation: SandboxCancellation?

    public init(command: [String], taskFolder: String? = nil, stdin: [UInt8]? = nil,
                limits: SandboxLimits = SandboxLimits(), cancellation: SandboxCancellation? = nil) {
        self.command = command
        self.taskFolder = taskFolder
        self.stdin = stdin
        self.limits = limits
        self.cancellation = cancellation
    }
}
