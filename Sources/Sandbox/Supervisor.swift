import Foundation

/// Watches one run: reads its output up to the cap, checks the wall clock and the group's
/// CPU counter every few milliseconds, kills on the first limit crossed, and turns its own
/// observations into the verdict.
struct Supervisor {
    enum KillReason { case cpu, wall, output, cancelled }

    let pid: pid_t
    let group: any RunCgroup
    let limits: SandboxLimits
    let started: UInt64
    let cancellation: SandboxCancellation?

    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var status: [UInt8] = []
    var waitStatus: Int32?
    var ended: UInt64?
    var killedFor: KillReason?

    init(pid: pid_t, group: any RunCgroup, limits: SandboxLimits, started: UInt64, cancellation: SandboxCancellation?) {
        self.pid = pid
        self.group = group
        self.limits = limits
        self.started = started
        self.cancellation = cancellation
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    mutating func watch(stdout out: Int32, stderr err: Int32, status statusFd: Int32) {
        var open: [Int32] = [out, err, statusFd]
        var buffer = [UInt8](repeating: 0, count: 65536)
        let cpuLimit = UInt64(limits.cpuSeconds * 1e9)
        let wallLimit = UInt64(limits.wallSeconds * 1e9)
        // A pidfd is readable the moment the launcher exits, so the loop wakes then rather
        // than at its next tick; without one (old kernels) the tick is all there is.
        let pidfd = PidFD.open(pid)
        defer { if pidfd >= 0 { close(pidfd) } }
        var exitedAt: UInt64?
        while true {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if pidfd >= 0 && waitStatus == nil { fds.append(pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)) }
            if fds.isEmpty {
                var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
                nanosleep(&pause, nil)
            } else {
                _ = poll(&fds, nfds_t(fds.count), pidfd >= 0 ? 10 : 2)
            }
            for entry in fds where entry.revents != 0 && entry.fd != pidfd {
                let n = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, 65536) }
                if n <= 0 {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                let chunk = buffer[0..<n]
                if entry.fd == statusFd {
                    status.append(contentsOf: chunk)
                } else if !keep(chunk, into: entry.fd == out ? \.stdout : \.stderr) {
                    stop(.output)
                }
            }
            if waitStatus == nil {
                var raw: Int32 = 0
                if waitpid(pid, &raw, WNOHANG) == pid {
                    waitStatus = raw
                    exitedAt = Self.now()
                    ended = exitedAt
                }
            }
            let now = Self.now()
            if killedFor == nil && waitStatus == nil {
                if cancellation?.isCancelled == true {
                    stop(.cancelled)
                } else if now - started > wallLimit {
                    stop(.wall)
                } else if group.cpuNanoseconds() > cpuLimit {
                    stop(.cpu)
                }
            }
            if let exitedAt {
                // bwrap has exited, so its pid namespace is gone and nothing can hold the
                // pipes open for long; anything still in the group is killed regardless.
                if open.isEmpty { break }
                if now - exitedAt > 500_000_000 {
                    killAll(listing: group.pids)
                    if now - exitedAt > 1_000_000_000 { break }
                }
            }
        }
        // The promise: when the run returns, none of its processes exist.
        killAll(listing: group.pids)
    }

    /// Appends within the cap; false once the program has written more than it may.
    private mutating func keep(_ chunk: ArraySlice<UInt8>, into stream: WritableKeyPath<Supervisor, [UInt8]>) -> Bool {
        let room = limits.outputBytes - self[keyPath: stream].count
        if chunk.count <= room {
            self[keyPath: stream].append(contentsOf: chunk)
            return true
        }
        self[keyPath: stream].append(contentsOf: chunk.prefix(max(0, room)))
        return false
    }

    private mutating func stop(_ reason: KillReason) {
        if killedFor == nil { killedFor = reason }
        _ = kill(pid, SIGKILL)
        for member in group.pids() { _ = kill(member, SIGKILL) }
    }

    func verdict() -> Result<SandboxResult, SandboxError> {
        let counters = group.counters()
        let statusText = String(decoding: status, as: UTF8.self)
        let launched = statusText.contains("\"child-pid\"")
        let wall = Double((ended ?? Self.now()) - started) / 1e9
        guard launched || killedFor != nil else {
            let reason = String(decoding: stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "no message"
            return .failure(.unavailable(reason: "bubblewrap could not build the box: \(reason)"))
        }
        var exitCode: Int? = Self.exitCode(in: statusText)
        var signaledFromOutside = false
        if let raw = waitStatus {
            let signal = raw & 0x7F
            if signal == 0 {
                exitCode = exitCode ?? Int((raw >> 8) & 0xFF)
            } else {
                signaledFromOutside = killedFor == nil
            }
        }
        let cpuExceeded = counters.cpuNanoseconds > UInt64(limits.cpuSeconds * 1e9)
        let status: SandboxStatus
        var timeoutKind: String?
        if killedFor == .cancelled || signaledFromOutside {
            status = .killed
        } else if counters.oomKills > 0 {
            status = .memoryLimit
        } else if killedFor == .cpu || killedFor == .wall || cpuExceeded {
            status = .timeout
            timeoutKind = killedFor == .wall ? "wall" : "cpu"
        } else if killedFor == .output {
            status = .outputLimit
        } else if exitCode == 0 {
            status = .ok
        } else {
            status = .runtimeError
        }
        let ownSignal = status == .runtimeError ? exitCode.flatMap { $0 > 128 && $0 <= 128 + 64 ? $0 - 128 : nil } : nil
        return .success(SandboxResult(
            status: status,
            exitCode: killedFor == nil ? exitCode : nil,
            signal: ownSignal,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            cpuSeconds: Double(counters.cpuNanoseconds) / 1e9,
            wallSeconds: wall,
            maxRSSKB: Int(counters.peakMemoryBytes / 1024),
            processLimitHit: counters.pidsLimitHits > 0,
            timeoutKind: timeoutKind
        ))
    }

    /// bwrap's status channel ends with `{ "exit-code": N }`.
    static func exitCode(in text: String) -> Int? {
        guard let range = text.range(of: "\"exit-code\"") else { return nil }
        let rest = text[range.upperBound...].drop { $0 == ":" || $0 == " " }
        return Int(rest.prefix { $0.isNumber || $0 == "-" })
    }
}
