import FluentKit
import Foundation
import SQLKit

/// Which profiles changed, appended in the transaction of the change itself, so a node
/// that reads the log never misses a committed write.
public enum ChangeLog {
    public static func record(_ candidateIDs: [UUID], on db: any Database) async throws {
        guard !candidateIDs.isEmpty else { return }
        let now = Date()
        try await BulkInsert.run("candidate_changes", columns: ["candidate_id", "changed_at"],
                                 rows: candidateIDs.map { [.uuid($0), .date(now)] }, on: db)
    }

    public struct Change: Sendable {
        public let seq: Int
        public let candidateID: UUID
    }

    /// Changes after `seq`, oldest first. PostgreSQL hands out sequence numbers before
    /// commit, so a slow transaction can commit a lower number after a higher one is
    /// visible: callers read again from a little before their last number and skip what
    /// they applied.
    public static func changes(after seq: Int, limit: Int = 10_000, on db: any Database) async throws -> [Change] {
        try await db.sql.raw("""
            SELECT seq, candidate_id FROM candidate_changes WHERE seq > \(bind: seq) ORDER BY seq LIMIT \(bind: limit)
            """).all().map { Change(seq: try $0.decode(column: "seq", as: Int.self), candidateID: try $0.decode(column: "candidate_id", as: UUID.self)) }
    }

    public static func latest(on db: any Database) async throws -> Int {
        try await db.sql.raw("SELECT COALESCE(MAX(seq), 0) AS seq FROM candidate_changes").first()?.decode(column: "seq", as: Int.self) ?? 0
    }
}
