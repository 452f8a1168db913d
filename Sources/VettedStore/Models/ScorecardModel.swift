import FluentKit
import Foundation

/// One reviewer's scorecard for one stage of one application. Submitted once and never
/// edited: a changed mind is a note to the panel, not a rewrite of the record.
public final class ScorecardModel: Model, @unchecked Sendable {
    public static let schema = "scorecards"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "stage") public var stage: String
    @Field(key: "reviewer_id") public var reviewerID: UUID
    @Field(key: "reviewer_label") public var reviewerLabel: String
    @Field(key: "recommendation") public var recommendation: String
    /// JSON array of `ScorecardEntry.Score`.
    @Field(key: "scores") public var scores: String
    @Field(key: "notes") public var notes: String
    /// Whether the reviewer scored without seeing who the candidate is.
    @Field(key: "blind") public var blind: Bool
    @Field(key: "submitted_at") public var submittedAt: Date

    public init() {}
}

/// A member who chose to see a stage's scores before scoring it; they can no longer
/// submit an independent scorecard for that stage.
public final class ScorecardRevealModel: Model, @unchecked Sendable {
    public static let schema = "scorecard_reveals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "stage") public var stage: String
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "revealed_at") public var revealedAt: Date

    public init() {}
}
