import FluentKit
import SQLKit

/// Scorecards (one per reviewer, application and stage), the record of who looked at the
/// panel's scores before scoring (so independence can be enforced), and a role's blind
/// review switch.
struct M020CreateScorecards: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("scorecards")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("stage", .string, .required)
            .field("reviewer_id", .uuid, .required, .references("users", "id"))
            .field("reviewer_label", .string, .required)
            .field("recommendation", .string, .required)
            // The ratings with their evidence as JSON: [{competency, rating, evidence}].
            .field("scores", .string, .required)
            .field("notes", .string, .required)
            .field("blind", .bool, .required)
            .field("submitted_at", .datetime, .required)
            .unique(on: "application_id", "stage", "reviewer_id")
            .create()
        try await database.sql.create(index: "idx_scorecards_organization").on("scorecards").column("organization_id").run()
        try await database.schema("scorecard_reveals")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("stage", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("revealed_at", .datetime, .required)
            .unique(on: "application_id", "stage", "user_id")
            .create()
        try await database.schema("roles").field("blind_review", .bool, .required, .sql(.default(false))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("roles").deleteField("blind_review").update()
        try await database.schema("scorecard_reveals").delete()
        try await database.schema("scorecards").delete()
    }
}
