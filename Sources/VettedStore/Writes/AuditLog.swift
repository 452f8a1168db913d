import FluentKit
import Foundation
import VettedDomain

/// Who made a change: a signed-in user, or the command line / system.
public struct AuditActor: Sendable {
    public let userID: UUID?
    public let label: String
    public let organizationID: UUID?

    public init(userID: UUID?, label: String, organizationID: UUID?) {
        self.userID = userID
        self.label = label
        self.organizationID = organizationID
    }

    public static let cli = AuditActor(userID: nil, label: "cli", organizationID: nil)
    public static let system = AuditActor(userID: nil, label: "system", organizationID: nil)
}

/// A record's audited fields as text, so any two versions can be compared field by field.
public typealias AuditSnapshot = [String: String]

/// Writes the append-only audit log. Call it inside the transaction that makes the change,
/// so the change and its record commit or fail together.
public enum AuditLog {
    public static func record(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        before: AuditSnapshot?, after: AuditSnapshot?, summary: String,
        actor: AuditActor, on db: any Database
    ) async throws {
        guard let event = eventIfChanged(action, entityType: entityType, entityID: entityID, organizationID: organizationID,
                                         before: before, after: after, summary: summary, actor: actor, at: Date())
        else { return }
        try await event.create(on: db)
    }

    /// The event to insert, or nil for an update that changed nothing. Bulk writers (imports)
    /// collect these and insert them many to a statement, in the same transaction.
    static func eventIfChanged(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        before: AuditSnapshot?, after: AuditSnapshot?, summary: String, actor: AuditActor, at date: Date
    ) -> AuditEventModel? {
        let changes = diff(before: before ?? [:], after: after ?? [:])
        if action == .update && changes.isEmpty { return nil }
        return event(action, entityType: entityType, entityID: entityID, organizationID: organizationID,
                     changes: changes, summary: summary, actor: actor, at: date)
    }

    static func event(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        before: AuditSnapshot?, after: AuditSnapshot?, summary: String, actor: AuditActor, at date: Date
    ) -> AuditEventModel {
        event(action, entityType: entityType, entityID: entityID, organizationID: organizationID,
              changes: diff(before: before ?? [:], after: after ?? [:]), summary: summary, actor: actor, at: date)
    }

    private static func event(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        changes: [String: [String: String?]], summary: String, actor: AuditActor, at date: Date
    ) -> AuditEventModel {
        let event = AuditEventModel()
        event.id = UUID()
        event.occurredAt = date
        event.organizationID = organizationID
        event.actorUserID = actor.userID
        event.actorLabel = actor.label
        event.entityType = entityType
        event.entityID = entityID
        event.action = action.rawValue
        event.changes = encode(changes)
        event.summary = summary
        return event
    }

    /// Field → [before, after]; only fields that differ. A missing side is JSON null.
    static func diff(before: AuditSnapshot, after: AuditSnapshot) -> [String: [String: String?]] {
        var result: [String: [String: String?]] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            result[key] = ["before": before[key], "after": after[key]]
        }
        return result
    }

    static func encode(_ changes: [String: [String: String?]]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(changes)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// Parses the stored changes back for display.
    public static func decodeChanges(_ text: String) -> [(field: String, before: String?, after: String?)] {
        guard let data = text.data(using: .utf8),
              let object = try? JSONDecoder().decode([String: [String: String?]].self, from: data)
        else { return [] }
        return object.keys.sorted().map { key in
            (key, object[key]?["before"] ?? nil, object[key]?["after"] ?? nil)
        }
    }
}
