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
        guard let record = eventIfChanged(action, entityType: entityType, entityID: entityID, organizationID: organizationID,
                                          before: before, after: after, summary: summary, actor: actor, at: Date())
        else { return }
        let event = AuditEventModel()
        event.id = record.id
        event.occurredAt = record.occurredAt
        event.organizationID = record.organizationID
        event.actorUserID = record.actorUserID
        event.actorLabel = record.actorLabel
        event.entityType = record.entityType
        event.entityID = record.entityID
        event.action = record.action
        event.changes = record.changes
        event.summary = record.summary
        try await event.create(on: db)
    }

    /// One audit event before it is written: plain values, so bulk writers can build
    /// 100,000 of them without a Fluent model each.
    struct Record: Sendable {
        var id: UUID
        var occurredAt: Date
        var organizationID: UUID?
        var actorUserID: UUID?
        var actorLabel: String
        var entityType: String
        var entityID: UUID
        var action: String
        var changes: String
        var summary: String
    }

    /// The event to insert, or nil for an update that changed nothing. Bulk writers (imports)
    /// collect these and insert them many to a statement, in the same transaction.
    static func eventIfChanged(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        before: AuditSnapshot?, after: AuditSnapshot?, summary: String, actor: AuditActor, at date: Date
    ) -> Record? {
        let changes = diff(before: before ?? [:], after: after ?? [:])
        if action == .update && changes.isEmpty { return nil }
        return event(action, entityType: entityType, entityID: entityID, organizationID: organizationID,
                     changes: changes, summary: summary, actor: actor, at: date)
    }

    static func event(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        before: AuditSnapshot?, after: AuditSnapshot?, summary: String, actor: AuditActor, at date: Date
    ) -> Record {
        event(action, entityType: entityType, entityID: entityID, organizationID: organizationID,
              changes: diff(before: before ?? [:], after: after ?? [:]), summary: summary, actor: actor, at: date)
    }

    private static func event(
        _ action: AuditAction, entityType: String, entityID: UUID, organizationID: UUID?,
        changes: [String: [String: String?]], summary: String, actor: AuditActor, at date: Date
    ) -> Record {
        Record(id: UUID(), occurredAt: date, organizationID: organizationID, actorUserID: actor.userID, actorLabel: actor.label,
               entityType: entityType, entityID: entityID, action: action.rawValue, changes: encode(changes), summary: summary)
    }

    /// A create event for a bulk writer that already holds the id: the same record as
    /// `event(.create, before: nil, after:)`, its changes written without building the diff,
    /// from the fields sorted by name.
    static func created(
        id: UUID, entityType: String, entityID: UUID, organizationID: UUID?, fields: [(String, String)],
        summary: String, actor: AuditActor, at date: Date
    ) -> Record {
        var changes = "{"
        changes.reserveCapacity(fields.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 14 })
        for (n, (key, value)) in fields.enumerated() {
            if n > 0 { changes += "," }
            appendJSONString(key, to: &changes)
            changes += ":{\"after\":"
            appendJSONString(value, to: &changes)
            changes += "}"
        }
        changes += "}"
        return Record(id: id, occurredAt: date, organizationID: organizationID, actorUserID: actor.userID, actorLabel: actor.label,
                      entityType: entityType, entityID: entityID, action: AuditAction.create.rawValue, changes: changes, summary: summary)
    }

    /// Field → [before, after]; only fields that differ. A missing side is JSON null.
    static func diff(before: AuditSnapshot, after: AuditSnapshot) -> [String: [String: String?]] {
        var result: [String: [String: String?]] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            result[key] = ["before": before[key], "after": after[key]]
        }
        return result
    }

    /// `{"field":{"after":…,"before":…},…}` with sorted keys, written by hand: an import
    /// writes 100,000 of these and JSONEncoder costs more than the rest of a row. A side
    /// that is null is left out (`decodeChanges` reads it as null): a created profile's
    /// event would otherwise spell `"before":null` twenty times.
    static func encode(_ changes: [String: [String: String?]]) -> String {
        var out = "{"
        for (n, key) in changes.keys.sorted().enumerated() {
            if n > 0 { out += "," }
            let pair = changes[key]!
            let sides = [("after", pair["after"] ?? nil), ("before", pair["before"] ?? nil)].compactMap { name, value in
                value.map { "\"\(name)\":" + jsonString($0) }
            }
            out += jsonString(key) + ":{" + sides.joined(separator: ",") + "}"
        }
        return out + "}"
    }

    static func jsonString(_ text: String) -> String {
        var out = ""
        appendJSONString(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal, in place (a bulk writer appends millions).
    static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        // Most values need no escaping at all.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += text
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
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
