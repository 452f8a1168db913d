import FluentKit

struct M007CreateRoles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("roles")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("specialties", .array(of: .string), .required)
            .field("summary", .string, .required)
            .field("features", .array(of: .string), .required)
            .field("integrations", .array(of: .string), .required)
            .field("deliverables", .string, .required)
            .field("ip_ownership", .string)
            .field("start_date", .string)
            .field("duration_weeks", .int)
            .field("hours_per_week", .int)
            .field("work_start", .string, .required)
            .field("work_end", .string, .required)
            .field("time_zone", .string, .required)
            .field("overlap_hours", .int)
            .field("budget_hourly_cents", .int64)
            .field("budget_total_cents", .int64)
            .field("currency", .string, .required)
            .field("seniority", .string, .required)
            .field("status", .string, .required)
            .field("created_by_id", .uuid)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.sql.create(index: "idx_roles_organization").on("roles").column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("roles").delete()
    }
}
