/// How a run ended, as SPEC's `vetted sandbox run` reports it.
public enum SandboxStatus: String, Sendable, Codable, Equatable {
    case ok
    /// A non-zero exit or a fatal signal the program brought on itself.
    case runtimeError = "runtime-error"
    /// The CPU limit (all processes together) or the wall-time limit.
    case timeout
    /// The cgroup's OOM killer acted.
    case memoryLimit = "memory-limit"
    case outputLimit = "output-limit"
    /// Stopped from outside: the supervisor was cancelled or bwrap was signalled.
    case killed
}

/// Everything the supervisor knows about a finished run. Verdicts come from its own
/// counters (cgroup CPU and OOM events, its timers, the bytes it read), never from the
/// exit code alone: bwrap reports "killed by signal N" as 128+N, the same as
/// `sys.exit(128 + N)`.
public struct SandboxResult: Sendable, Codable, Equatable {
    public var status: SandboxStatus
    public var exitCode: Int?
    /// The signal that ended the program, read from bwrap's 128+N convention.
    public var signal: Int?
    public var stdout: String
    public var stderr: String
    public var cpuSeconds: Double
    public var wallSeconds: Double
    public var maxRSSKB: Int
    /// The pids controller refused a fork or thread at least once.
    public var processLimitHit: Bool
    /// Which limit produced a timeout: "cpu" or "wall".
    public var timeoutKind: String?

    /// The raw stdout bytes, for callers that parse frames (the grader).
    public var stdoutBytes: [UInt8] { Array(stdout.utf8) }

    enum CodingKeys: String, CodingKey {
        case status, exitCode, signal, stdout, stderr, cpuSeconds, wallSeconds, maxRSSKB, processLimitHit, timeoutKind
    }
}
