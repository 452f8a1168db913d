import FluentKit
import Foundation

/// One interview of an application's stage, with one interviewer, at a time inside both
/// the team's and the candidate's working windows.
public final class InterviewModel: Model, @unchecked Sendable {
    public static let schema = "interviews"

    public enum Status: String, Sendable { case scheduled, cancelled }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "stage") public var stage: String
    @Field(key: "interviewer_id") public var interviewerID: UUID
    @Field(key: "interviewer_label") public var interviewerLabel: String
    @Field(key: "start_at") public var startAt: Date
    @Field(key: "end_at") public var endAt: Date
    @Field(key: "location") public var location: String
    @Field(key: "uid") public var uid: String
    @Field(key: "sequence") public var sequence: Int
    @Field(key: "status") public var status: String
    /// When the interviewer was last reminded of a missing scorecard.
    @OptionalField(key: "reminded_at") public var remindedAt: Date?
    @Field(key: "created_by_label") public var createdByLabel: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A booking, reschedule or cancellation of an interview.
public final class InterviewChangeModel: Model, @unchecked Sendable {
    public static let schema = "interview_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "interview_id") public var interviewID: UUID
    /// booked, rescheduled or cancelled.
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "from_start") public var fromStart: Date?
    @OptionalField(key: "to_start") public var toStart: Date?
    @OptionalField(key: "to_end") public var toEnd: Date?
    @Field(key: "reason") public var reason: String
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}
}
