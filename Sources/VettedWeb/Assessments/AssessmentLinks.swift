import Assessments
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// Making a link and describing an invitation, shared by the pages and the API.
enum AssessmentLinks {
    /// Creates the invitation; the returned URL holds the only copy of the token.
    static func create(_ req: Request, candidateID: UUID, taskID: String, validDays: Int?) async throws -> (AssessmentInvitationModel, String) {
        let scope = try req.scope
        let days = validDays ?? 7
        guard (1...60).contains(days) else { throw DomainError.invalid(field: "validDays", message: "a link is valid for 1 to 60 days, not \(days)") }
        guard (try? req.application.vetted.assessments.library.task(taskID)) != nil else {
            throw DomainError.invalid(field: "taskId", message: "there is no task \(taskID) in the library")
        }
        let token = Secrets.randomToken()
        let invitation = try await AssessmentWrites.invite(candidateID: candidateID, taskID: taskID, tokenHash: Secrets.sha256(token),
                                                           expiresAt: Date().addingTimeInterval(TimeInterval(days) * 86400), scope: scope, on: req.db)
        return (invitation, PublicLink.url(req, path: "/assess/\(token)"))
    }

    struct Summary: Content {
        var id: String
        var taskId: String
        var taskTitle: String
        var status: String
        var expiresAt: Date
        var startedAt: Date?
        var submittedAt: Date?
        var sampleRuns: Int
        var grading: String?
        var score: Double?
        var late: Bool?
        var similarSubmissions: Int?
    }

    static func summaries(_ req: Request, candidateID: UUID) async throws -> [Summary] {
        let scope = try req.scope
        var rows: [Summary] = []
        for invitation in try await AssessmentWrites.invitations(candidateID: candidateID, scope: scope, on: req.db) {
            let submission = try await AssessmentWrites.submission(invitationID: invitation.id!, on: req.db)
            rows.append(summary(req, invitation, submission))
        }
        return rows
    }

    static func summary(_ req: Request, _ invitation: AssessmentInvitationModel, _ submission: AssessmentSubmissionModel?) -> Summary {
        let library = req.application.vetted.assessments.library
        var status = invitation.status
        if invitation.startedAt == nil && invitation.expiresAt <= Date() { status = AssessmentInvitationModel.Status.expired.rawValue }
        return Summary(
            id: invitation.id!.uuidString.lowercased(), taskId: invitation.taskID,
            taskTitle: (try? library.task(invitation.taskID).manifest.title) ?? invitation.taskID,
            status: status, expiresAt: invitation.expiresAt, startedAt: invitation.startedAt, submittedAt: invitation.submittedAt,
            sampleRuns: invitation.sampleRuns, grading: submission?.status, score: submission?.score, late: submission?.late,
            similarSubmissions: similarity(submission)?.count)
    }

    /// The similarity flags stored with a graded submission.
    static func similarity(_ submission: AssessmentSubmissionModel?) -> [PlagiarismCheck.Similar]? {
        submission?.plagiarism.flatMap { try? JSONDecoder().decode([PlagiarismCheck.Similar].self, from: Data($0.utf8)) }
    }
}

extension AssessmentLinks {
    /// One assessment as the result page, the API and the side-by-side view read it: the
    /// candidate through the tenant scope first (404 for another organization's), then the
    /// invitation, its submission and the stored report and similarity flags.
    struct Detail {
        let candidate: CandidateModel
        let invitation: AssessmentInvitationModel
        let summary: Summary
        let submission: AssessmentSubmissionModel?
        let report: GradeReport?
        let similar: [PlagiarismCheck.Similar]

        /// Why a submission was not graded (empty, binary, …), when it was not.
        var invalidReason: String? {
            guard submission?.status == AssessmentSubmissionModel.Status.invalid.rawValue else { return nil }
            return submission?.report.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) }?["error"]
        }
    }

    static func detail(_ req: Request) async throws -> Detail {
        let scope = try req.scope
        let candidate = try await scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        guard let id = req.parameters.get("assessmentID").flatMap(UUID.init(uuidString:)) else { throw DomainError.notFound(entity: "assessment") }
        let invitation = try await AssessmentWrites.invitation(id, candidateID: candidate.id!, scope: scope, on: req.db)
        let submission = try await AssessmentWrites.submission(invitationID: invitation.id!, on: req.db)
        return Detail(
            candidate: candidate, invitation: invitation, summary: summary(req, invitation, submission), submission: submission,
            report: submission?.report.flatMap { try? JSONDecoder().decode(GradeReport.self, from: Data($0.utf8)) },
            similar: similarity(submission) ?? [])
    }
}
