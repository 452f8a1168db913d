import ArgumentParser
import Assessments
import Foundation
import Sandbox

struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess", abstract: "Assessment tasks: list them, grade a file.", subcommands: [Grade.self, Tasks.self])

    struct Grade: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade FILE against a task's hidden cases (or its samples) in the sandbox.")

        @Option(help: "The task id (see vetted assess tasks).") var task: String
        @Argument(help: "The candidate's file.") var file: String
        @Option(help: "hidden (default) or public: the sample cases.") var suite: String = "hidden"
        @Option(help: "The task library (VETTED_TASKS_DIR; default ./tasks).") var tasks: String?
        @Flag(help: "Skip the ruff code-quality report.") var noQuality = false
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            guard let suite = GradeReport.Suite(rawValue: suite) else {
                throw ValidationError("--suite must be hidden or public, not \(self.suite)")
            }
            let grader = Grader(library: try taskLibrary(tasks), sandbox: try Sandbox.make(sandboxConfiguration()).get())
            let report = try grader.grade(taskID: task, submission: try readInput(file, what: "FILE"), suite: suite, quality: !noQuality)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                say(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            say("\(report.taskId) (\(report.suite.rawValue)): \(report.score)%  \(report.passed)/\(report.total) passed, run \(report.runStatus), \(String(format: "%.2f", report.wallSeconds)) s")
            if let fatal = report.fatal { say("  \(fatal)") }
            for item in report.cases { say("  \(item.verdict.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(item.name)\(item.message.map { ": \($0)" } ?? "")") }
            if let quality = report.quality { say("  ruff: \(quality.total) findings\(quality.note.map { " (\($0))" } ?? "")") }
        }
    }

    struct Tasks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the task library; broken tasks are named with their problem.")

        @Option(help: "The task library (VETTED_TASKS_DIR; default ./tasks).") var tasks: String?

        func run() async throws {
            let library = try taskLibrary(tasks)
            for task in library.tasks {
                let m = task.manifest
                say("\(m.id)  [\(m.category.rawValue), \(m.level), \(m.timeMinutes) min]  \(m.title)")
            }
            for problem in library.problems { say("BROKEN: \(problem)") }
        }
    }
}

/// The task library from --tasks, VETTED_TASKS_DIR or ./tasks.
func taskLibrary(_ option: String?) throws -> TaskLibrary {
    let path = option ?? ProcessInfo.processInfo.environment["VETTED_TASKS_DIR"] ?? "tasks"
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
        throw ValidationError("the task library \(path) is not a folder (set --tasks or VETTED_TASKS_DIR)")
    }
    return TaskLibrary(root: URL(fileURLWithPath: path).standardizedFileURL)
}
