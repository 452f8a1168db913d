import FluentKit
import Foundation

/// A candidate's private link to one task. The token itself is shown once, when the link
/// is made; only its SHA-256 is kept.
public final class AssessmentInvitationModel: Model, @unchecked Sendable {
    public static let schema = "assessment_invitations"

    public enum Status: String, Sendable { case invited, started, submitted, expired }

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "candidate_id") public var candidateID: UUID
    @Field(key: "task_id") public var taskID: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "status") public var status: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "started_at") public var startedAt: Date?
    /// started_at plus the task's time allowed.
    @OptionalField(key: "deadline_at") public var deadlineAt: Date?
    @OptionalField(key: "submitted_at") public var submittedAt: Date?
    /// The editor's last content, so a reload or a sample run loses nothing.
    @OptionalField(key: "draft") public var draft: String?
    @Field(key: "sample_runs") public var sampleRuns: Int
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var invitationStatus: Status { Status(rawValue: status) ?? .expired }

    /// What the link allows now: expired links and used links allow nothing.
    public func usable(at now: Date = Date()) -> Bool {
        submittedAt == nil && (startedAt != nil || expiresAt > now)
    }
}
