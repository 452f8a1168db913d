import Foundation
import Sandbox

/// Grades a submission: the candidate's code runs on each case's input inside the box,
/// its outputs come out through framed stdout lines carrying a per-run nonce, and the
/// comparison with expected values happens here, outside. The box never holds expected
/// outputs; for generated tasks it never holds the held-out labels either.
public struct Grader: Sendable {
    public let library: TaskLibrary
    public let sandbox: Sandbox

    public init(library: TaskLibrary, sandbox: Sandbox) {
        self.library = library
        self.sandbox = sandbox
    }

    /// Grades `submission` on the task's public (sample) or hidden cases. Throws for a
    /// submission that cannot be graded (empty, binary, ...) and for a broken task or
    /// sandbox; anything the code itself does wrong is a verdict in the report.
    public func grade(taskID: String, submission: [UInt8], suite: GradeReport.Suite, quality: Bool = true) throws(AssessmentError) -> GradeReport {
        let task = try library.task(taskID)
        let source = try Submission.text(submission)
        var workspace = Workspace()
        defer { workspace.remove(sandbox) }
        do {
            workspace.staging = try sandbox.makeStaging()
        } catch {
            throw .sandbox("cannot prepare the run: \(error.localizedDescription)")
        }
        let cases: [TaskCase]
        switch suite {
        case .public:
            cases = task.publicCases
        case .hidden:
            if task.hasGenerator {
                cases = try generate(task, into: &workspace)
            } else {
                cases = task.hiddenCases ?? []
            }
        }
        try stage(task, source: source, staging: workspace.staging!)
        try stageGenerated(workspace)

        let nonce = Self.nonce()
        let request = HarnessRequest(
            nonce: nonce, entry: task.manifest.entry, caseSeconds: task.manifest.caseSeconds ?? 10,
            cases: cases.map { HarnessRequest.Case(name: $0.name, input: $0.input) })
        let stdin = Array(request.jsonText.utf8)
        let limits = SandboxLimits(
            cpuSeconds: task.manifest.limits.cpuSeconds, wallSeconds: task.manifest.limits.wallSeconds,
            memoryMB: task.manifest.limits.memoryMB, maxProcesses: 64, outputBytes: 8 << 20, diskMB: 64)
        let run: SandboxResult
        switch sandbox.run(SandboxRequest(command: ["/venv/bin/python3", "-I", "-B", "/task/harness.py"],
                                          taskFolder: workspace.staging, stdin: stdin, limits: limits)) {
        case .success(let result): run = result
        case .failure(let error): throw .sandbox(error.description)
        }
        var report = Self.report(task: task, suite: suite, cases: cases, run: run, nonce: nonce)
        if quality { report.quality = lint(entry: task.manifest.entry, staging: workspace.staging!) }
        return report
    }

    static func nonce() -> String { Sandbox.randomName() }

    /// The host folders of one grading, removed when it ends.
    struct Workspace {
        var staging: String?
        var generated: String?

        func remove(_ sandbox: Sandbox) {
            if let staging { sandbox.removeStaging(staging) }
            if let generated { sandbox.removeStaging(generated) }
        }
    }

    /// What the harness reads on stdin: the cases' names and inputs, nothing expected.
    struct HarnessRequest {
        struct Case {
            var name: String
            var input: JSONValue
        }
        var nonce: String
        var entry: String
        var caseSeconds: Double
        var cases: [Case]

        var jsonText: String {
            JSONValue.object([
                "nonce": .string(nonce), "entry": .string(entry), "caseSeconds": .number(caseSeconds),
                "cases": .array(cases.map { .object(["name": .string($0.name), "input": $0.input]) }),
            ]).jsonText
        }
    }
}
