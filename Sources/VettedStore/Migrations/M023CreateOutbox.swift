import FluentKit
import SQLKit

/// The outbox: every e-mail Vetted means to send, written in the transaction of the change
/// that causes it, and delivered (with retries) by a background worker. And each
/// organization's edited mail templates.
struct M023CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .id()
            .field("organization_id", .uuid)
            .field("template_key", .string, .required)
            .field("to_address", .string, .required)
            .field("to_name", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("attachment_name", .string)
            .field("attachment_type", .string)
            .field("attachment", .string)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .create()
        try await database.sql.create(index: "idx_outbox_due").on("outbox").column("status").column("next_attempt_at").run()
        try await database.schema("mail_templates")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("key", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organization_id", "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mail_templates").delete()
        try await database.schema("outbox").delete()
    }
}
