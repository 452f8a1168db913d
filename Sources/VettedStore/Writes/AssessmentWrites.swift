import FluentKit
import Foundation
import SQLKit
import VettedDomain

/// Invitations, the candidate's progress through them, final submissions and their one
/// graded result. A link is single use: the submit that wins a conditional UPDATE owns it.
public enum AssessmentWrites {
    public static let gradingKind = "assessment-grading"

    public struct GradingPayload: Codable, Sendable {
        public var submissionId: String
    }

    /// A link for `candidateID` to take `taskID`, valid until `expiresAt`. The caller must
    /// see the candidate (404 otherwise) and may manage applications.
    public static func invite(candidateID: UUID, taskID: String, tokenHash: String, expiresAt: Date, scope: TenantScope,
                              on db: any Database) async throws -> AssessmentInvitationModel {
        guard try await scope.candidates(on: db).filter(\.$id == candidateID).first() != nil else {
            throw DomainError.notFound(entity: "candidate")
        }
        try scope.require(.manageApplications)
        let invitation = AssessmentInvitationModel()
        invitation.id = UUID()
        invitation.organizationID = scope.organizationID.rawValue
        invitation.candidateID = candidateID
        invitation.taskID = taskID
        invitation.tokenHash = tokenHash
        invitation.status = AssessmentInvitationModel.Status.invited.rawValue
        invitation.expiresAt = expiresAt
        invitation.sampleRuns = 0
        invitation.createdBy = scope.userEmail
        invitation.createdAt = Date()
        try await db.transaction { tx in
            try await invitation.create(on: tx)
            try await AuditLog.record(.create, entityType: "assessment", entityID: invitation.id!, organizationID: invitation.organizationID,
                                      before: nil, after: ["task": taskID, "candidate": candidateID.uuidString,
                                                           "expires": ISO8601DateFormatter().string(from: expiresAt)],
                                      summary: "invited the candidate to \(taskID)", actor: scope.actor, on: tx)
        }
        return invitation
    }

    public static func invitation(tokenHash: String, on db: any Database) async throws -> AssessmentInvitationModel? {
        try await AssessmentInvitationModel.query(on: db).filter(\.$tokenHash == tokenHash).first()
    }

    /// The candidate's invitations the caller's organization made (operators see all).
    public static func invitations(candidateID: UUID, scope: TenantScope, on db: any Database) async throws -> [AssessmentInvitationModel] {
        let query = AssessmentInvitationModel.query(on: db).filter(\.$candidateID == candidateID).sort(\.$createdAt, .descending)
        return try await (scope.seesEverything ? query : query.filter(\.$organizationID == scope.organizationID.rawValue)).all()
    }

    public static func invitation(_ id: UUID, candidateID: UUID, scope: TenantScope, on db: any Database) async throws -> AssessmentInvitationModel {
        guard let found = try await invitations(candidateID: candidateID, scope: scope, on: db).first(where: { $0.id == id }) else {
            throw DomainError.notFound(entity: "assessment")
        }
        return found
    }

    /// Starts the clock once; a second start changes nothing.
    public static func start(_ invitation: AssessmentInvitationModel, minutes: Int, now: Date = Date(), on db: any Database) async throws {
        guard invitation.startedAt == nil else { return }
        try await db.sql.raw("""
            UPDATE assessment_invitations SET started_at = \(bind: now), deadline_at = \(bind: now.addingTimeInterval(TimeInterval(minutes * 60))),
                status = 'started'
            WHERE id = \(bind: invitation.id!) AND started_at IS NULL
            """).run()
        invitation.startedAt = now
        invitation.deadlineAt = now.addingTimeInterval(TimeInterval(minutes * 60))
        invitation.status = AssessmentInvitationModel.Status.started.rawValue
    }

    /// Keeps the editor's content (and counts a sample run) while the link is open.
    public static func saveDraft(_ invitation: AssessmentInvitationModel, source: String, sampleRun: Bool, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE assessment_invitations SET draft = \(bind: source), sample_runs = sample_runs + \(bind: sampleRun ? 1 : 0)
            WHERE id = \(bind: invitation.id!) AND submitted_at IS NULL
            """).run()
    }

    /// Records the final submission and queues its grading, in one transaction. Nil when
    /// the link was already used (a double click, a second tab): nothing is written twice.
    public static func submit(_ invitation: AssessmentInvitationModel, source: String, sourceBytes: Int, rationale: String?,
                              now: Date = Date(), on db: any Database) async throws -> AssessmentSubmissionModel? {
        try await db.transaction { tx -> AssessmentSubmissionModel? in
            let claimed = try await tx.sql.raw("""
                UPDATE assessment_invitations SET submitted_at = \(bind: now), status = 'submitted', draft = \(bind: source)
                WHERE id = \(bind: invitation.id!) AND submitted_at IS NULL
                RETURNING id
                """).all()
            guard !claimed.isEmpty else { return nil }
            let submission = AssessmentSubmissionModel()
            submission.id = UUID()
            submission.organizationID = invitation.organizationID
            submission.invitationID = invitation.id!
            submission.candidateID = invitation.candidateID
            submission.taskID = invitation.taskID
            submission.source = source
            submission.sourceBytes = sourceBytes
            submission.rationale = rationale
            submission.late = invitation.deadlineAt.map { now > $0.addingTimeInterval(120) } ?? false
            submission.status = AssessmentSubmissionModel.Status.queued.rawValue
            submission.createdAt = now
            try await submission.create(on: tx)
            let actor = AuditActor(userID: nil, label: "candidate (assessment link)", organizationID: invitation.organizationID)
            let payload = String(decoding: try JSONEncoder().encode(GradingPayload(submissionId: submission.id!.uuidString)), as: UTF8.self)
            _ = try await JobQueue.insert(kind: gradingKind, subjectID: invitation.candidateID, payload: payload,
                                          organizationID: invitation.organizationID, requestedBy: "candidate", actor: actor, on: tx)
            try await AuditLog.record(.create, entityType: "assessment-submission", entityID: submission.id!, organizationID: invitation.organizationID,
                                      before: nil, after: ["task": invitation.taskID, "bytes": String(sourceBytes), "late": String(submission.late)],
                                      summary: "the candidate submitted \(invitation.taskID)", actor: actor, on: tx)
            return submission
        }
    }

    /// The one result of a submission. A grading that runs again after a crash finds the
    /// result written and changes nothing; evidence is recorded with the first result only.
    public static func recordResult(_ submissionID: UUID, status: AssessmentSubmissionModel.Status, score: Double?, report: String,
                                    plagiarism: String?, evidence: [EvidenceWrites.Finding], summary: String,
                                    on db: any Database) async throws -> Bool {
        try await db.transaction { tx -> Bool in
            let rows = try await tx.sql.raw("""
                UPDATE assessment_submissions SET status = \(bind: status.rawValue), score = \(bind: score), report = \(bind: report),
                    plagiarism = \(bind: plagiarism), graded_at = \(bind: Date())
                WHERE id = \(bind: submissionID) AND graded_at IS NULL
                RETURNING candidate_id, organization_id
                """).all()
            guard let row = rows.first else { return false }
            let candidateID = try row.decode(column: "candidate_id", as: UUID.self)
            let organizationID = try row.decode(column: "organization_id", as: UUID.self)
            let actor = AuditActor(userID: nil, label: "grader", organizationID: organizationID)
            if !evidence.isEmpty {
                try await EvidenceWrites.recordAssessment(candidateID, findings: evidence, summary: summary, actor: actor, on: tx)
            }
            try await AuditLog.record(.update, entityType: "assessment-submission", entityID: submissionID, organizationID: organizationID,
                                      before: nil, after: ["status": status.rawValue, "score": score.map { String($0) } ?? ""],
                                      summary: summary, actor: actor, on: tx)
            return true
        }
    }

    /// A reviewer scores the written rationale: 1 (poor) to 4 (excellent), with a note.
    public static func scoreRationale(_ submission: AssessmentSubmissionModel, score: Int, note: String, scope: TenantScope,
                                      on db: any Database) async throws {
        try scope.require(.manageApplications)
        guard (1...4).contains(score) else { throw DomainError.invalid(field: "score", message: "a rationale score is 1 to 4, not \(score)") }
        guard submission.rationale != nil else { throw DomainError.invalid(field: "score", message: "this submission has no written rationale to score") }
        let before = submission.rationaleScore.map(String.init) ?? ""
        submission.rationaleScore = score
        submission.rationaleNote = String(note.prefix(4000))
        submission.rationaleReviewer = scope.userEmail
        try await db.transaction { tx in
            try await submission.update(on: tx)
            try await AuditLog.record(.update, entityType: "assessment-submission", entityID: submission.id!, organizationID: submission.organizationID,
                                      before: ["rationaleScore": before], after: ["rationaleScore": String(score)],
                                      summary: "scored the rationale \(score)/4", actor: scope.actor, on: tx)
        }
    }

    public static func submission(invitationID: UUID, on db: any Database) async throws -> AssessmentSubmissionModel? {
        try await AssessmentSubmissionModel.query(on: db).filter(\.$invitationID == invitationID).first()
    }

    public static func submission(_ id: UUID, on db: any Database) async throws -> AssessmentSubmissionModel? {
        try await AssessmentSubmissionModel.find(id, on: db)
    }

    /// Other final submissions of a task in the same organization, for plagiarism checks.
    public static func peers(of submission: AssessmentSubmissionModel, limit: Int = 5000, on db: any Database) async throws -> [AssessmentSubmissionModel] {
        try await AssessmentSubmissionModel.query(on: db)
            .filter(\.$taskID == submission.taskID)
            .filter(\.$organizationID == submission.organizationID)
            .filter(\.$id != submission.id!)
            .sort(\.$createdAt, .descending).limit(limit).all()
    }
}
