import FluentKit
import SQLKit

/// Offers (terms, the second person's approval, the candidate's private link and answer)
/// and the engagement an accepted offer records.
struct M021CreateOffers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("offers")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("status", .string, .required)
            // `OfferTerms` as JSON, and its monthly figure for comparing against the budget.
            .field("terms", .string, .required)
            .field("monthly_cents", .int64, .required)
            .field("created_by_id", .uuid, .required)
            .field("created_by_label", .string, .required)
            .field("approved_by_label", .string)
            .field("approved_at", .datetime)
            // SHA-256 of the candidate's link token; the token itself is never stored.
            .field("token_hash", .string)
            .field("expires_at", .datetime)
            .field("responded_at", .datetime)
            .field("decline_reason", .string)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "idx_offers_application").on("offers").column("application_id").run()
        try await database.sql.create(index: "idx_offers_token").on("offers").column("token_hash").run()
        try await database.schema("engagements")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("offer_id", .uuid, .required, .references("offers", "id"))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("candidate_id", .uuid, .required, .references("candidates", "id"))
            .field("role_id", .uuid, .required, .references("roles", "id"))
            .field("terms", .string, .required)
            .field("starts_on", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "application_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("engagements").delete()
        try await database.schema("offers").delete()
    }
}
