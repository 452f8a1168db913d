import FluentKit
import SQLKit

/// Assessments: a private link per candidate and task (the token stored hashed), and the
/// final submissions with their one graded result each.
struct M017CreateAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assessment_invitations")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("candidate_id", .uuid, .required, .references("candidates", "id"))
            .field("task_id", .string, .required)
            .field("token_hash", .string, .required)
            .field("status", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("deadline_at", .datetime)
            .field("submitted_at", .datetime)
            .field("draft", .string)
            .field("sample_runs", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.sql.create(index: "idx_assessment_invitations_candidate").on("assessment_invitations").column("candidate_id").run()

        try await database.schema("assessment_submissions")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("invitation_id", .uuid, .required, .references("assessment_invitations", "id"))
            .field("candidate_id", .uuid, .required, .references("candidates", "id"))
            .field("task_id", .string, .required)
            .field("source", .string, .required)
            .field("source_bytes", .int, .required)
            .field("rationale", .string)
            .field("late", .bool, .required)
            .field("status", .string, .required)
            .field("score", .double)
            .field("report", .string)
            .field("plagiarism", .string)
            .field("created_at", .datetime, .required)
            .field("graded_at", .datetime)
            // One final submission per invitation: the link is single use.
            .unique(on: "invitation_id")
            .create()
        try await database.sql.create(index: "idx_assessment_submissions_task").on("assessment_submissions").column("task_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assessment_submissions").delete()
        try await database.schema("assessment_invitations").delete()
    }
}
