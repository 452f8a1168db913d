import FluentKit

struct M008CreateCandidates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("candidates")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("kind", .string, .required)
            .field("full_name", .string, .required)
            .field("headline", .string)
            .field("email", .string)
            .field("phone", .string)
            .field("github_handle", .string)
            .field("country", .string)
            .field("time_zone", .string, .required)
            .field("work_start", .string, .required)
            .field("work_end", .string, .required)
            .field("seniority", .string, .required)
            .field("years_experience", .int, .required)
            .field("hourly_rate_cents", .int64)
            .field("currency", .string, .required)
            .field("available_from", .string)
            .field("hours_per_week", .int)
            .field("engagement_preferences", .array(of: .string), .required)
            .field("english_level", .string)
            .field("links", .array(of: .string), .required)
            .field("bio", .string, .required)
            .field("vetting_status", .string, .required)
            .field("vetted_at", .datetime)
            .field("vetted_by_id", .uuid)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = database.sql
        try await sql.create(index: "idx_candidates_email").on("candidates").column("email").run()
        try await sql.create(index: "idx_candidates_github").on("candidates").column("github_handle").run()
        try await sql.create(index: "idx_candidates_name").on("candidates").column("full_name").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("candidates").delete()
    }
}
