import FluentKit

struct M013CreateRateCards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("rate_cards")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("settings", .string, .required)
            .field("saved_by", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "organization_id", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("rate_cards").delete()
    }
}
