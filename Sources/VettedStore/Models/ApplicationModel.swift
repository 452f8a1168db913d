import FluentKit
import Foundation
import VettedDomain

/// A candidate in a role's pipeline.
public final class ApplicationModel: Model, @unchecked Sendable {
    public static let schema = "applications"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "candidate_id") public var candidate: CandidateModel
    @Parent(key: "role_id") public var role: RoleModel
    /// The role's organization, copied so tenant checks need no join.
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "stage") public var stage: String
    @Field(key: "stage_entered_at") public var stageEnteredAt: Date
    @OptionalField(key: "closed_reason") public var closedReason: String?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var typedID: ApplicationID { .init(id!) }
}
