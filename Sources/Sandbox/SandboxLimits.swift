/// What one run may use. Every limit is enforced by the supervisor, not by the program's
/// good will: memory, processes and total CPU by a per-run cgroup, wall time by our timer,
/// output by the bytes we agree to read, disk by the size of the box's tmpfs folders.
public struct SandboxLimits: Sendable, Equatable, Codable {
    /// CPU time of every process of the run together (cgroup accounting, not RLIMIT_CPU,
    /// which is per process: four children would get four times the limit).
    public var cpuSeconds: Double
    public var wallSeconds: Double
    public var memoryMB: Int
    /// Processes and threads together (the pids controller counts tasks).
    public var maxProcesses: Int
    /// Bytes kept of stdout and of stderr, each; one more byte is an output-limit verdict.
    public var outputBytes: Int
    /// Size of the /work and /tmp tmpfs folders, each.
    public var diskMB: Int

    public init(cpuSeconds: Double = 5, wallSeconds: Double = 10, memoryMB: Int = 256,
                maxProcesses: Int = 64, outputBytes: Int = 1 << 20, diskMB: Int = 64) {
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.memoryMB = memoryMB
        self.maxProcesses = maxProcesses
        self.outputBytes = outputBytes
        self.diskMB = diskMB
    }

    /// Refuses limits that would make a verdict meaningless or starve the host.
    public func validated() throws(SandboxError) -> SandboxLimits {
        func check(_ ok: Bool, _ field: String, _ value: String, _ rule: String) throws(SandboxError) {
            if !ok { throw .invalidLimit(field: field, value: value, rule: rule) }
        }
        try check(cpuSeconds > 0 && cpuSeconds <= 3600, "cpu-seconds", "\(cpuSeconds)", "between 0 and 3600")
        try check(wallSeconds > 0 && wallSeconds <= 7200, "wall-seconds", "\(wallSeconds)", "between 0 and 7200")
        try check(memoryMB >= 16 && memoryMB <= 16384, "memory-mb", "\(memoryMB)", "between 16 and 16384")
        try check(maxProcesses >= 4 && maxProcesses <= 4096, "max-processes", "\(maxProcesses)", "between 4 and 4096")
        try check(outputBytes >= 1024 && outputBytes <= 64 << 20, "output-bytes", "\(outputBytes)", "between 1 KiB and 64 MiB")
        try check(diskMB >= 1 && diskMB <= 4096, "disk-mb", "\(diskMB)", "between 1 and 4096")
        return self
    }
}
