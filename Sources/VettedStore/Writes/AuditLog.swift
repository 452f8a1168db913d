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
        let changes = diff(before: before ?? [:], after: after ?? [:])
        if action == .update && changes.isEmpty { return }
        let event = AuditEventModel()
        event.id = UUID()
        event.occurredAt = Date()
        event.organizationID = organizationID
        event.actorUserID = actor.userID
        event.actorLabel = actor.label
        event.entityType = entityType
        event.entityID = entityID
        event.action = action.rawValue
        event.changes = encode(changes)
        event.summary = summary
        try await event.create(on: db)
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
