import Foundation

/// Every task under a root folder (the repository's tasks/), loaded once. A broken task
/// is reported and left out; the others still load.
public struct TaskLibrary: Sendable {
    public let root: URL
    public let tasks: [AssessmentTask]
    public let problems: [AssessmentError]

    public init(root: URL) {
        self.root = root
        var tasks: [AssessmentTask] = []
        var problems: [AssessmentError] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for name in names.sorted() where !name.hasPrefix("_") && !name.hasPrefix(".") {
            let folder = root.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            do { tasks.append(try AssessmentTask.load(folder)) } catch { problems.append(error) }
        }
        self.tasks = tasks
        self.problems = problems
    }

    public func task(_ id: String) throws(AssessmentError) -> AssessmentTask {
        guard let task = tasks.first(where: { $0.id == id }) else {
            if let problem = problems.first(where: { if case .brokenTask(id, _) = $0 { return true }; return false }) { throw problem }
            throw .unknownTask(id)
        }
        return task
    }

    /// The harness library every task's box gets as /task/vetted_harness.py.
    var harnessLibrary: URL { root.appendingPathComponent("_lib/vetted_harness.py") }
}
