import FluentKit
import SQLKit

/// Booked interviews and every reschedule or cancellation of one.
struct M022CreateInterviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("interviews")
            .id()
            .field("application_id", .uuid, .required, .references("applications", "id", onDelete: .cascade))
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("stage", .string, .required)
            .field("interviewer_id", .uuid, .required, .references("users", "id"))
            .field("interviewer_label", .string, .required)
            .field("start_at", .datetime, .required)
            .field("end_at", .datetime, .required)
            .field("location", .string, .required)
            // RFC 5545: the same UID across changes, SEQUENCE counting them.
            .field("uid", .string, .required)
            .field("sequence", .int, .required)
            .field("status", .string, .required)
            .field("reminded_at", .datetime)
            .field("created_by_label", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.sql.create(index: "idx_interviews_application").on("interviews").column("application_id").run()
        try await database.schema("interview_changes")
            .id()
            .field("interview_id", .uuid, .required, .references("interviews", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("from_start", .datetime)
            .field("to_start", .datetime)
            .field("to_end", .datetime)
            .field("reason", .string, .required)
            .field("actor_label", .string, .required)
            .field("occurred_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("interview_changes").delete()
        try await database.schema("interviews").delete()
    }
}
