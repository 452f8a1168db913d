/// Why a run could not start. A sandbox that cannot be built is an error, never a reason
/// to run the program without one.
public enum SandboxError: Error, Sendable, Equatable, CustomStringConvertible {
    case unavailable(reason: String)
    case invalidLimit(field: String, value: String, rule: String)
    case invalidRequest(String)
    case spawnFailed(command: String, errno: Int32)
    case cgroupFailed(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .unavailable(let reason):
            return "the sandbox is unavailable, so submissions are not run: \(reason)"
        case .invalidLimit(let field, let value, let rule):
            return "\(field) \(value) is out of range: must be \(rule)"
        case .invalidRequest(let message):
            return message
        case .spawnFailed(let command, let errno):
            return "could not start \(command): \(String(cString: strerror(errno)))"
        case .cgroupFailed(let path, let errno):
            return "could not set up the run's cgroup at \(path): \(String(cString: strerror(errno)))"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
