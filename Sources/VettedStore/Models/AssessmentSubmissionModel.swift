import FluentKit
import Foundation

/// A final submission and its one graded result. The source is kept whatever happens to
/// grading: an unreadable file is still the candidate's work on record.
public final class AssessmentSubmissionModel: Model, @unchecked Sendable {
    public static let schema = "assessment_submissions"

    public enum Status: String, Sendable { case queued, graded, invalid, failed }

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "invitation_id") public var invitationID: UUID
    @Field(key: "candidate_id") public var candidateID: UUID
    @Field(key: "task_id") public var taskID: String
    /// The file as text (invalid UTF-8 replaced, so it can be shown); `sourceBytes` is its size.
    @Field(key: "source") public var source: String
    @Field(key: "source_bytes") public var sourceBytes: Int
    @OptionalField(key: "rationale") public var rationale: String?
    /// Submitted after the deadline: kept and graded, shown as late.
    @Field(key: "late") public var late: Bool
    @Field(key: "status") public var status: String
    @OptionalField(key: "score") public var score: Double?
    /// The grader's report (JSON), or why it could not grade.
    @OptionalField(key: "report") public var report: String?
    /// Similar submissions of the same task (JSON), a signal for a person.
    @OptionalField(key: "plagiarism") public var plagiarism: String?
    /// A person's 1-4 score of the rationale, their note and who they are.
    @OptionalField(key: "rationale_score") public var rationaleScore: Int?
    @OptionalField(key: "rationale_note") public var rationaleNote: String?
    @OptionalField(key: "rationale_reviewer") public var rationaleReviewer: String?
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "graded_at") public var gradedAt: Date?

    public init() {}
}
