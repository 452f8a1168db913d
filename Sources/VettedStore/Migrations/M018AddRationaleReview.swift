import FluentKit
import SQLKit

/// A person's score of a submission's written rationale (AI and data tasks), on the same
/// 1-4 scale scorecards use, with who gave it.
struct M018AddRationaleReview: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per ALTER TABLE.
        try await database.schema("assessment_submissions").field("rationale_score", .int).update()
        try await database.schema("assessment_submissions").field("rationale_note", .string).update()
        try await database.schema("assessment_submissions").field("rationale_reviewer", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assessment_submissions").deleteField("rationale_reviewer").update()
        try await database.schema("assessment_submissions").deleteField("rationale_note").update()
        try await database.schema("assessment_submissions").deleteField("rationale_score").update()
    }
}
