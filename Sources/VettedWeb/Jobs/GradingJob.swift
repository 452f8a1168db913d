import Assessments
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// Grades a final submission on the task's hidden cases in the sandbox, compares it with
/// the task's other submissions, and records the one result and the skill evidence.
enum GradingJob {
    static let kind = AssessmentWrites.gradingKind

    static func run(_ job: JobModel, service: AssessmentService, db: any Database,
                    progress: @escaping @Sendable (Int, String) async -> Void) async throws -> String {
        let payload = try JSONDecoder().decode(AssessmentWrites.GradingPayload.self, from: Data(job.payload.utf8))
        guard let id = UUID(uuidString: payload.submissionId), let submission = try await AssessmentWrites.submission(id, on: db) else {
            throw DomainError.notFound(entity: "assessment submission")
        }
        if submission.gradedAt != nil { return #"{"alreadyGraded": true}"# }
        // Without a sandbox nothing runs: the job fails with the reason and the submission
        // stays queued, so it is graded once the sandbox is repaired and the job re-queued.
        let grader: Grader
        switch service.grader {
        case .success(let made): grader = made
        case .failure(let error): throw DomainError.invalid(field: "sandbox", message: error.description)
        }
        await progress(10, "running the hidden tests in the sandbox")
        let taskID = submission.taskID
        let bytes = Array(submission.source.utf8)
        let outcome = await Blocking.grade(grader, taskID: taskID, submission: bytes, suite: .hidden)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        await progress(80, "comparing with other submissions")
        let starter = try? service.library.task(taskID).starter
        let similar = try await PlagiarismCheck.similar(to: submission, starter: starter, on: db)
        let plagiarism = String(decoding: try encoder.encode(similar), as: UTF8.self)
        switch outcome {
        case .success(let report):
            let task = try grader.library.task(taskID)
            let level = report.score >= 90 ? 4 : report.score >= 70 ? 3 : report.score >= 40 ? 2 : 1
            let findings = task.manifest.skills.map {
                EvidenceWrites.Finding(skillID: $0, level: level, detail: "\(task.manifest.title): \(report.score)% of hidden tests")
            }
            let text = String(decoding: try encoder.encode(report), as: UTF8.self)
            _ = try await AssessmentWrites.recordResult(
                id, status: .graded, score: report.score, report: text, plagiarism: plagiarism,
                evidence: report.score > 0 ? findings : [],
                summary: "graded \(taskID): \(report.score)% (\(report.passed)/\(report.total))", on: db)
            return #"{"score": \#(report.score)}"#
        case .failure(let error):
            if case .invalidSubmission(let reason) = error {
                let text = String(decoding: try encoder.encode(["error": reason]), as: UTF8.self)
                _ = try await AssessmentWrites.recordResult(id, status: .invalid, score: 0, report: text, plagiarism: plagiarism,
                                                            evidence: [], summary: "not graded: \(reason)", on: db)
                return #"{"invalid": true}"#
            }
            throw DomainError.invalid(field: "grading", message: error.description)
        }
    }
}

extension Blocking {
    /// Grades off the event loop (the sandbox run blocks a thread) and hands back the outcome.
    static func grade(_ grader: Grader, taskID: String, submission: [UInt8], suite: GradeReport.Suite,
                      quality: Bool = true) async -> Result<GradeReport, AssessmentError> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                do {
                    continuation.resume(returning: .success(try grader.grade(taskID: taskID, submission: submission, suite: suite, quality: quality)))
                } catch let error as AssessmentError {
                    continuation.resume(returning: .failure(error))
                } catch {
                    continuation.resume(returning: .failure(.sandbox(String(describing: error))))
                }
            }
        }
    }
}
