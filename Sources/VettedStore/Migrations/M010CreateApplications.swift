import FluentKit

struct M010CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("applications")
            .id()
            .field("candidate_id", .uuid, .required, .references("candidates", "id"))
            .field("role_id", .uuid, .required, .references("roles", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("stage", .string, .required)
            .field("stage_entered_at", .datetime, .required)
            .field("closed_reason", .string)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "candidate_id", "role_id")
            .create()
        let sql = database.sql
        try await sql.create(index: "idx_applications_role").on("applications").column("role_id").run()
        try await sql.create(index: "idx_applications_organization").on("applications").column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("applications").delete()
    }
}
