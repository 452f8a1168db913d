import Foundation

extension Sandbox {
    /// Runs one program and waits for it. Blocking: callers on an event loop run it on a
    /// thread of their own. Every process of the run is gone when this returns.
    public func run(_ request: SandboxRequest) -> Result<SandboxResult, SandboxError> {
        let limits: SandboxLimits
        do { limits = try request.limits.validated() } catch { return .failure(error) }
        guard request.command.first?.hasPrefix("/") == true else {
            return .failure(.invalidRequest("the command must start with an absolute path inside the box"))
        }

        let group: any RunCgroup
        switch groups.take(limits: limits) {
        case .success(let made): group = made
        case .failure(let error): return .failure(error)
        }
        var descriptors = RunDescriptors()
        defer {
            // Nothing of the run is left to wait for: bwrap has exited, so its pid
            // namespace is gone; the supervisor checked the group is empty.
            groups.recycle(group)
            descriptors.closeAll()
        }
        do { try descriptors.open(stdin: request.stdin, seccompPath: seccompPath, scratch: configuration.scratchPath) } catch {
            return .failure(error)
        }

        // The launcher: a shell that moves itself into the run's group, forbids core dumps
        // (core_pattern may pipe to a host program), drops root if it has it, then becomes
        // bwrap. Joining before exec means no process of the run ever exists outside the group.
        let procs = group.procsFiles
        var script = ""
        for index in procs.indices { script += "echo 0 > \"$\(index + 1)\" || exit 125; " }
        script += "shift \(procs.count); ulimit -c 0; exec \"$@\""
        let bwrap = BubblewrapArguments.make(
            runtimePath: configuration.runtimePath, taskFolder: request.taskFolder, limits: limits,
            seccompDescriptor: 3, statusDescriptor: 4, command: request.command)
        var launcher = [configuration.bwrapPath]
        if getuid() == 0 {
            let id = String(configuration.unprivilegedID)
            launcher = [configuration.setprivPath, "--reuid", id, "--regid", id, "--clear-groups", "--"] + launcher
        }
        let arguments = ["-c", script, "vetted-sandbox"] + procs + launcher + bwrap

        let started = DispatchTime.now().uptimeNanoseconds
        let pid: pid_t
        switch ProcessSpawner.spawn(
            path: "/bin/sh", arguments: arguments, environment: ["PATH=/usr/bin:/bin"],
            descriptors: descriptors.forChild
        ) {
        case .success(let spawned): pid = spawned
        case .failure(let error): return .failure(error)
        }
        descriptors.closeChildEnds()

        var supervisor = Supervisor(pid: pid, group: group, limits: limits, started: started,
                                    cancellation: request.cancellation)
        supervisor.watch(stdout: descriptors.stdoutRead, stderr: descriptors.stderrRead, status: descriptors.statusRead)
        return supervisor.verdict()
    }
}

/// The descriptors of one run: the parent's ends and the numbers the launcher gets.
struct RunDescriptors {
    var stdin: Int32 = -1
    var seccomp: Int32 = -1
    var stdoutRead: Int32 = -1, stdoutWrite: Int32 = -1
    var stderrRead: Int32 = -1, stderrWrite: Int32 = -1
    var statusRead: Int32 = -1, statusWrite: Int32 = -1

    /// 0-2 for the program; 3 is the seccomp program and 4 bwrap's status channel,
    /// both consumed by bwrap and never passed to the box (a probe checks it).
    var forChild: [(Int32, Int32)] {
        [(stdin, 0), (stdoutWrite, 1), (stderrWrite, 2), (seccomp, 3), (statusWrite, 4)]
    }

    mutating func open(stdin bytes: [UInt8]?, seccompPath: String, scratch: String) throws(SandboxError) {
        if let bytes {
            // An unlinked temporary file: any size, no writer thread, gone when closed.
            var template = Array((scratch + "/stdin-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { throw .invalidRequest("cannot stage stdin in \(scratch): \(String(cString: strerror(errno)))") }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            var offset = 0
            while offset < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if n <= 0 { close(fd); throw .invalidRequest("cannot stage stdin: \(String(cString: strerror(errno)))") }
                offset += n
            }
            lseek(fd, 0, SEEK_SET)
            stdin = fd
        } else {
            stdin = Glibc.open("/dev/null", O_RDONLY | O_CLOEXEC)
        }
        seccomp = Glibc.open(seccompPath, O_RDONLY | O_CLOEXEC)
        guard stdin >= 0, seccomp >= 0 else { throw .unavailable(reason: "cannot open the seccomp program at \(seccompPath)") }
        for (read, write) in [(\RunDescriptors.stdoutRead, \RunDescriptors.stdoutWrite),
                              (\RunDescriptors.stderrRead, \RunDescriptors.stderrWrite),
                              (\RunDescriptors.statusRead, \RunDescriptors.statusWrite)] {
            var ends: [Int32] = [0, 0]
            // pipe2 is not in Swift's Glibc module; FD_CLOEXEC right after is enough because
            // our own children get exactly the descriptors we list (closefrom).
            guard pipe(&ends) == 0 else { throw .invalidRequest("cannot create a pipe: \(String(cString: strerror(errno)))") }
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            self[keyPath: read] = ends[0]
            self[keyPath: write] = ends[1]
        }
    }

    mutating func closeChildEnds() {
        for fd in [stdin, seccomp, stdoutWrite, stderrWrite, statusWrite] where fd >= 0 { close(fd) }
        stdin = -1; seccomp = -1; stdoutWrite = -1; stderrWrite = -1; statusWrite = -1
    }

    mutating func closeAll() {
        closeChildEnds()
        for fd in [stdoutRead, stderrRead, statusRead] where fd >= 0 { close(fd) }
        stdoutRead = -1; stderrRead = -1; statusRead = -1
    }
}
