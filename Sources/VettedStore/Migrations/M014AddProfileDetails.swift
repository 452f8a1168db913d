import FluentKit
import SQLKit

/// The talent pool's richer profiles: domain knowledge, case studies, repositories, the
/// development-partner fields, a phone key for duplicate detection, and the ids of
/// profiles merged into this one (so their audit history stays reachable).
/// New columns are nullable: existing rows need no default, and the model reads a
/// missing list as empty.
struct M014AddProfileDetails: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per ALTER TABLE: SQLite adds only one at a time.
        let columns: [(String, DatabaseSchema.DataType)] = [
            ("domains", .array(of: .string)), ("case_studies", .string), ("repositories", .array(of: .string)),
            ("team_size", .int), ("processes", .string), ("communication", .string), ("phone_key", .string),
            ("merged_from", .array(of: .string)),
        ]
        for (name, type) in columns {
            try await database.schema("candidates").field(FieldKey(stringLiteral: name), type).update()
        }
        let sql = database.sql
        try await sql.create(index: "idx_candidates_phone_key").on("candidates").column("phone_key").run()
        try await sql.create(index: "idx_candidates_org_rate").on("candidates").column("organization_id").column("hourly_rate_cents").run()
        try await sql.create(index: "idx_candidates_org_hours").on("candidates")
            .column("organization_id").column("time_zone").column("work_start").column("work_end").run()
        try await sql.create(index: "idx_candidate_skills_lookup").on("candidate_skills")
            .column("skill_id").column("evidence_source").column("candidate_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for index in ["idx_candidates_phone_key", "idx_candidates_org_rate", "idx_candidates_org_hours", "idx_candidate_skills_lookup"] {
            try await sql.drop(index: index).run()
        }
        // SQLite drops a column only when no index names it; the indexes went first.
        for column in ["domains", "case_studies", "repositories", "team_size", "processes", "communication", "phone_key", "merged_from"] {
            try await database.schema("candidates").deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
