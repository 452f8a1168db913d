import Foundation
import Testing
@testable import Assessments

/// Grading runs real boxes; serialized for the same reason as the sandbox probes. (The
/// parameterized test lives in the type's body: Swift Testing cannot put one in an extension.)
@Suite(.serialized) struct GradingSuites {
    @Test func the_library_loads_every_task_with_enough_hidden_cases() throws {
        #expect(Grading.library.problems.isEmpty, "\(Grading.library.problems)")
        #expect(Grading.library.tasks.count >= 12)
        for task in Grading.library.tasks {
            if let count = task.hiddenCaseCount { #expect(count >= 10, "\(task.id) has \(count) hidden cases") }
            else { #expect(task.hasGenerator, "\(task.id) has neither hidden.json nor generate.py") }
            #expect(!task.publicCases.isEmpty)
        }
        let categories = Set(Grading.library.tasks.map(\.manifest.category))
        #expect(categories == Set(TaskManifest.Category.allCases))
    }

    /// The promise every task makes: its reference solution scores 100 on the samples and
    /// the hidden cases; its naive solution passes every sample and fails a hidden case.
    @Test(arguments: Grading.library.tasks.map(\.id))
    func reference_scores_100_and_naive_passes_samples_but_not_hidden(taskID: String) throws {
        let reference = try Grading.solution(taskID, "reference")
        let naive = try Grading.solution(taskID, "naive")
        let referencePublic = try Grading.grade(taskID, reference, suite: .public)
        let referenceHidden = try Grading.grade(taskID, reference, suite: .hidden)
        #expect(referencePublic.score == 100, "\(taskID) reference samples: \(referencePublic.cases.filter { $0.verdict != .passed })")
        #expect(referenceHidden.score == 100, "\(taskID) reference hidden: \(referenceHidden.cases.filter { $0.verdict != .passed }) \(referenceHidden.fatal ?? "") \(referenceHidden.stderr.suffix(300))")
        let naivePublic = try Grading.grade(taskID, naive, suite: .public)
        let naiveHidden = try Grading.grade(taskID, naive, suite: .hidden)
        #expect(naivePublic.score == 100, "\(taskID) naive must pass the samples: \(naivePublic.cases.filter { $0.verdict != .passed })")
        #expect(naiveHidden.score < 100, "\(taskID) naive passed every hidden case")
    }

    @Test func a_manifest_missing_a_field_names_the_field() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"id": "\#(folder.lastPathComponent)", "title": "t", "category": "data"}"#.utf8)
            .write(to: folder.appendingPathComponent("task.json"))
        #expect {
            _ = try AssessmentTask.load(folder)
        } throws: { error in
            guard case AssessmentError.brokenTask(_, let problem) = error else { return false }
            return problem.contains("task.json") && problem.contains("competencies")
        }
    }

    @Test func an_unknown_task_is_named() throws {
        #expect(throws: AssessmentError.unknownTask("no-such-task")) { try Grading.library.task("no-such-task") }
    }
}
