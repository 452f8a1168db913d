import FluentKit

/// Every stage an application has been in, with who moved it and why: time in stage,
/// the "no skipping without an override" rule and the history page read this.
struct M019CreateStageEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("application_stage_events")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("from_stage", .string)
            .field("to_stage", .string, .required)
            .field("reason", .string)
            .field("override_reason", .string)
            .field("skipped", .string, .required)
            .field("actor_label", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "idx_stage_events_application").on("application_stage_events").column("application_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("application_stage_events").delete()
    }
}
