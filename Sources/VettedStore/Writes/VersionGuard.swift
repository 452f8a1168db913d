import FluentKit
import Foundation
import SQLKit
import VettedDomain

/// Optimistic concurrency: an editor sends the version they read; the write claims the
/// next version only if nobody else did first. The conditional UPDATE also takes the
/// row lock in PostgreSQL, so two transactions cannot both win.
public enum VersionGuard {
    static func claimNextVersion(table: String, id: UUID, expected: Int?, entity: String, on db: any Database) async throws -> Int {
        guard let expected else {
            throw DomainError.invalid(field: "version", message: "version is required when updating a \(entity): send the version you read, so a concurrent edit is not overwritten")
        }
        let rows = try await db.sql.raw("""
            UPDATE \(ident: table) SET version = version + 1 WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING version
            """).all()
        if let row = rows.first { return try row.decode(column: "version", as: Int.self) }
        let current = try await db.sql.raw("SELECT version FROM \(ident: table) WHERE id = \(bind: id)").first()
        guard let current else { throw DomainError.notFound(entity: entity) }
        let now = try current.decode(column: "version", as: Int.self)
        throw DomainError.conflict(entity: entity, message: "this \(entity) was changed by someone else (you edited version \(expected), it is now version \(now)); reload it and apply your change again")
    }
}

extension VersionGuard {
    /// For writes that live outside this module (users and organizations are changed by
    /// the accounts layer, which needs password hashing).
    public static func claimNext(table: String, id: UUID, expected: Int?, entity: String, on db: any Database) async throws -> Int {
        try await claimNextVersion(table: table, id: id, expected: expected, entity: entity, on: db)
    }
}
