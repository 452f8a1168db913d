import Assessments
import Foundation
import Sandbox

/// The task library (read at start) and the grader. The sandbox is built on first use,
/// not at start: pages that never run code do not need it, and where it cannot be built
/// the reason is kept and shown wherever code would run.
final class AssessmentService: @unchecked Sendable {
    let library: TaskLibrary
    private let sandboxConfiguration: SandboxConfiguration
    private let lock = NSLock()
    private var made: Result<Grader, SandboxError>?

    init(config: VettedConfig) {
        let root = URL(fileURLWithPath: config.tasksDirectory).standardizedFileURL
        library = TaskLibrary(root: root)
        var sandbox = SandboxConfiguration()
        sandbox.bwrapPath = config.bwrapPath
        sandbox.runtimePath = config.assessmentRuntime
        sandboxConfiguration = sandbox
    }

    /// The grader, or why submissions cannot be run here.
    var grader: Result<Grader, SandboxError> {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let result = Sandbox.make(sandboxConfiguration).map { Grader(library: library, sandbox: $0) }
        made = result
        return result
    }
}
