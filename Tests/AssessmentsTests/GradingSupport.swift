import Foundation
import Testing
@testable import Assessments
import Sandbox

/// The repository's task library and the real sandbox, shared by the grading suites.
enum Grading {
    static let tasksRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tasks")

    static let library = TaskLibrary(root: tasksRoot)

    static let grader: Result<Grader, SandboxError> = Sandbox.make(SandboxConfiguration(
        runtimePath: ProcessInfo.processInfo.environment["VETTED_ASSESSMENT_RUNTIME"] ?? SandboxConfiguration.defaultRuntimePath,
        scratchPath: "/tmp/vetted-grading-tests")).map { Grader(library: library, sandbox: $0) }

    static func grade(_ taskID: String, _ source: String, suite: GradeReport.Suite = .hidden, quality: Bool = false) throws -> GradeReport {
        try grader.get().grade(taskID: taskID, submission: Array(source.utf8), suite: suite, quality: quality)
    }

    static func solution(_ taskID: String, _ variant: String) throws -> String {
        let task = try library.task(taskID)
        let url = task.folder.appendingPathComponent(variant).appendingPathComponent(task.manifest.entry)
        return try String(contentsOf: url, encoding: .utf8)
    }
}
