import FluentKit
import Foundation

/// One move of an application between stages (the first row is where it entered).
public final class StageEventModel: Model, @unchecked Sendable {
    public static let schema = "application_stage_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "organization_id") public var organizationID: UUID
    @OptionalField(key: "from_stage") public var fromStage: String?
    @Field(key: "to_stage") public var toStage: String
    /// Why a candidate was closed (the refusal reason).
    @OptionalField(key: "reason") public var reason: String?
    /// Why a required stage was skipped or a closed candidate reopened.
    @OptionalField(key: "override_reason") public var overrideReason: String?
    /// Comma-separated keys of the required stages this move passed over.
    @Field(key: "skipped") public var skipped: String
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "occurred_at") public var occurredAt: Date

    public init() {}
}
