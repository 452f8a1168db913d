import FluentKit

struct M003CreateMemberships: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("memberships")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("member_role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id", "organization_id")
            .create()
        try await database.sql.create(index: "idx_memberships_organization").on("memberships").column("organization_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("memberships").delete()
    }
}
