import Assessments
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// The hiring team's side: send a link from the candidate's page, read the graded result
/// (per test, code, timings, code quality, rationale, similar submissions).
struct AssessmentPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let candidate = routes.grouped("candidates", ":candidateID", "assessments")
        candidate.post(use: invite)
        candidate.get(":assessmentID", use: result)
        candidate.get(":assessmentID", "compare", ":submissionID", use: compare)
        candidate.post(":assessmentID", "rationale", use: scoreRationale)
    }

    /// A person scores the written rationale (1-4) with a note.
    func scoreRationale(req: Request) async throws -> Response {
        let scope = try req.scope
        let detail = try await AssessmentLinks.detail(req)
        let (candidate, id) = (detail.candidate, detail.invitation.id!)
        guard let submission = detail.submission else { throw DomainError.notFound(entity: "submission") }
        struct Form: Content { var score: Int?; var note: String? }
        let form = try req.content.decode(Form.self)
        try await AssessmentWrites.scoreRationale(submission, score: form.score ?? 0, note: form.note ?? "", scope: scope, on: req.db)
        return req.redirect(to: "/candidates/\(candidate.typedID)/assessments/\(id.uuidString.lowercased())?notice=saved")
    }

    struct CompareContext: Encodable {
        let layout: Layout
        let candidateId: String
        let candidateName: String
        let assessmentId: String
        let otherCandidate: String
        let comparison: AssessmentComparison
    }

    /// The side-by-side view of this submission and one it was flagged as similar to. Both
    /// belong to the caller's organization: the flag lists only same-organization peers.
    func compare(req: Request) async throws -> Response {
        let scope = try req.scope
        let detail = try await AssessmentLinks.detail(req)
        let candidate = detail.candidate
        let id = detail.invitation.id!
        guard let otherID = req.parameters.get("submissionID").flatMap(UUID.init(uuidString:)),
              let mine = detail.submission,
              let similar = detail.similar.first(where: { $0.submissionId == otherID.uuidString }),
              let other = try await AssessmentWrites.submission(otherID, on: req.db),
              other.organizationID == mine.organizationID else {
            throw DomainError.notFound(entity: "similar submission")
        }
        let otherName = try await scope.candidates(on: req.db).filter(\.$id == other.candidateID).first()?.fullName ?? "another candidate"
        return try await req.page("assessment-compare", CompareContext(
            layout: Layout(title: "Side by side — \(candidate.fullName)", request: req), candidateId: candidate.typedID.description,
            candidateName: candidate.fullName, assessmentId: id.uuidString.lowercased(), otherCandidate: otherName,
            comparison: AssessmentComparison(similarity: similar.similarity, matches: similar.matches, left: mine.source, right: other.source)))
    }

    struct InvitedContext: Encodable {
        let layout: Layout
        let candidateId: String
        let candidateName: String
        let taskTitle: String
        let link: String
        let expires: String
    }

    func invite(req: Request) async throws -> Response {
        let scope = try req.scope
        let candidate = try await scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        struct Form: Content { var taskId: String?; var validDays: Int? }
        let form = try req.content.decode(Form.self)
        let (invitation, link) = try await AssessmentLinks.create(req, candidateID: candidate.id!, taskID: form.taskId ?? "", validDays: form.validDays)
        let title = (try? req.application.vetted.assessments.library.task(invitation.taskID).manifest.title) ?? invitation.taskID
        return try await req.page("assessment-invited", InvitedContext(
            layout: Layout(title: "Assessment link", request: req), candidateId: candidate.typedID.description,
            candidateName: candidate.fullName, taskTitle: title, link: link, expires: AssessmentPortal.format(invitation.expiresAt)),
            status: .created)
    }

    struct ResultContext: Encodable {
        let layout: Layout
        let candidateId: String
        let candidateName: String
        let summary: AssessmentLinks.Summary
        let source: String?
        let rationaleQuestion: String?
        let rationale: String?
        let report: GradeReport?
        let invalidReason: String?
        let similar: [SimilarRow]
        let grading: String
        let rationaleScore: Int?
        let rationaleNote: String?
        let rationaleReviewer: String?
        let canScore: Bool
    }

    struct SimilarRow: Encodable {
        let submissionId: String
        let candidateId: String
        let similarity: Double
        let regionList: [String]
    }

    func result(req: Request) async throws -> Response {
        let scope = try req.scope
        let detail = try await AssessmentLinks.detail(req)
        let (candidate, invitation, summary, submission) = (detail.candidate, detail.invitation, detail.summary, detail.submission)
        let (report, invalid, similar) = (detail.report, detail.invalidReason, detail.similar)
        var layout = Layout(title: "\(summary.taskTitle) — \(candidate.fullName)", request: req)
        var grading = submission.map { "grading: \($0.status)" } ?? "not submitted"
        if submission?.status == AssessmentSubmissionModel.Status.queued.rawValue {
            layout.refreshSeconds = 3
            if let job = try await JobQueue.jobs(about: candidate.id!, scope: scope, on: req.db).first(where: { $0.kind == GradingJob.kind && $0.payload.contains(submission!.id!.uuidString) }) {
                grading = "grading: \(job.status) \(job.progress)% \(job.progressNote)\(job.error.map { " — \($0)" } ?? "")"
            }
        }
        let task = try? req.application.vetted.assessments.library.task(invitation.taskID)
        return try await req.page("assessment-result", ResultContext(
            layout: layout, candidateId: candidate.typedID.description, candidateName: candidate.fullName, summary: summary,
            source: submission?.source, rationaleQuestion: task?.manifest.rationale, rationale: submission?.rationale,
            report: report, invalidReason: invalid,
            similar: similar.map { SimilarRow(submissionId: $0.submissionId, candidateId: $0.candidateId, similarity: $0.similarity, regionList: $0.regions) },
            grading: grading, rationaleScore: submission?.rationaleScore, rationaleNote: submission?.rationaleNote,
            rationaleReviewer: submission?.rationaleReviewer, canScore: scope.allows(.manageApplications)))
    }
}
