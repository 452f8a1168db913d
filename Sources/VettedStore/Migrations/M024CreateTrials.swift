import FluentKit
import SQLKit

/// Paid trials: the terms, then check-ins and deliverables as they happen, then the decision.
struct M024CreateTrials: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trials")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            // `TrialTerms` as JSON.
            .field("terms", .string, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("decision_reason", .string)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "idx_trials_application").on("trials").column("application_id").run()
        try await database.schema("trial_entries")
            .id()
            .field("trial_id", .uuid, .required, .references("trials", "id", onDelete: .cascade))
            // checkin (hours and a note) or deliverable (a title and where it is).
            .field("kind", .string, .required)
            .field("hours", .int, .required)
            .field("title", .string, .required)
            .field("note", .string, .required)
            .field("link", .string)
            .field("author", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trial_entries").delete()
        try await database.schema("trials").delete()
    }
}
