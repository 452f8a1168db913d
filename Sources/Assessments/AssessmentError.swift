/// What went wrong with a task folder, a submission or a grading run, said so a person
/// can act on it.
public enum AssessmentError: Error, Sendable, Equatable, CustomStringConvertible {
    case brokenTask(id: String, problem: String)
    case unknownTask(String)
    case invalidSubmission(String)
    case generatorFailed(task: String, status: Int32, message: String)
    case sandbox(String)

    public var description: String {
        switch self {
        case .brokenTask(let id, let problem): return "task \(id) is broken: \(problem)"
        case .unknownTask(let id): return "no task with id \(id)"
        case .invalidSubmission(let reason): return "the submission was not graded: \(reason)"
        case .generatorFailed(let task, let status, let message):
            return "task \(task): generate.py exited with status \(status): \(message)"
        case .sandbox(let message): return message
        }
    }
}
