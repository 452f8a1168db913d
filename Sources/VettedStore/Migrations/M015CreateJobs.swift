import FluentKit
import SQLKit

/// Background work (repository analysis now, grading later): a row per job, claimed by
/// one worker at a time under a lease, with progress a page can show.
struct M015CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("kind", .string, .required)
            .field("subject_id", .uuid)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("progress", .int, .required)
            .field("progress_note", .string, .required)
            .field("result", .string)
            .field("error", .string)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("locked_by", .string)
            .field("lease_until", .datetime)
            .field("requested_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        try await database.sql.create(index: "idx_jobs_queue").on("jobs").column("status").column("created_at").run()
        try await database.sql.create(index: "idx_jobs_subject").on("jobs").column("subject_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jobs").delete()
    }
}
