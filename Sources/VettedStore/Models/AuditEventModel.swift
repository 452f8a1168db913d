import FluentKit
import Foundation
import VettedDomain

/// One line of the append-only audit log: who changed what, when, from what to what.
/// The application only ever inserts these; the database refuses updates and deletes.
public final class AuditEventModel: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "occurred_at") public var occurredAt: Date
    /// The organization whose data changed: client admins see their own events.
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @OptionalField(key: "actor_user_id") public var actorUserID: UUID?
    /// "ada@example.com", or "cli" / "system" when no user acted.
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "entity_type") public var entityType: String
    @Field(key: "entity_id") public var entityID: UUID
    @Field(key: "action") public var action: String
    /// JSON object: field → {"before": …, "after": …}.
    @Field(key: "changes") public var changes: String
    @Field(key: "summary") public var summary: String

    public init() {}
}
