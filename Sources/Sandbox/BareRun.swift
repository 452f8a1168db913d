#if canImport(Glibc)
import Glibc
#endif

/// The same interpreter started with no sandbox at all, for the overhead benchmark's
/// baseline only. Trusted commands only: nothing here isolates anything.
public enum BareRun {
    /// Starts `path` with `arguments`, stdio on /dev/null, and waits; returns the exit status.
    public static func run(path: String, arguments: [String]) -> Result<Int32, SandboxError> {
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(null) }
        switch ProcessSpawner.spawn(path: path, arguments: arguments, environment: ["PATH=/usr/bin:/bin"],
                                    descriptors: [(null, 0), (null, 1), (null, 2)]) {
        case .failure(let error):
            return .failure(error)
        case .success(let pid):
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return .success(status)
        }
    }
}
