import FluentKit

struct M012CreateRoleChecklistItems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("role_checklist_items")
            .id()
            .field("role_id", .uuid, .required, .references("roles", "id", onDelete: .cascade))
            .field("skill_id", .string, .required)
            .field("importance", .string, .required)
            .field("reason", .string, .required)
            .field("position", .int, .required)
            .unique(on: "role_id", "skill_id")
            .create()
        try await database.sql.create(index: "idx_role_checklist_skill").on("role_checklist_items").column("skill_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("role_checklist_items").delete()
    }
}
