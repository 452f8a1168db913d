import FluentKit
import SQLKit

/// A log of which profiles changed, in order, so every `vetted serve` sharing one
/// PostgreSQL can bring its in-memory match index up to date; and the candidates a user
/// excluded from a role's shortlist, with the reason.
struct M016CreateCandidateChanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database.sql
        if DialectSQL.isPostgres(sql) {
            try await sql.raw("CREATE TABLE candidate_changes (seq BIGSERIAL PRIMARY KEY, candidate_id UUID NOT NULL, changed_at TIMESTAMPTZ NOT NULL)").run()
        } else {
            try await sql.raw("CREATE TABLE candidate_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, candidate_id TEXT NOT NULL, changed_at REAL NOT NULL)").run()
        }
        try await database.schema("shortlist_exclusions")
            .id()
            .field("role_id", .uuid, .required, .references("roles", "id", onDelete: .cascade))
            .field("candidate_id", .uuid, .required, .references("candidates", "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("excluded_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "role_id", "candidate_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("shortlist_exclusions").delete()
        try await database.sql.raw("DROP TABLE candidate_changes").run()
    }
}
