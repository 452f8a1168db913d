import FluentKit

struct M011CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .id()
            .field("occurred_at", .datetime, .required)
            .field("organization_id", .uuid)
            .field("actor_user_id", .uuid)
            .field("actor_label", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .uuid, .required)
            .field("action", .string, .required)
            .field("changes", .string, .required)
            .field("summary", .string, .required)
            .create()
        let sql = database.sql
        try await sql.create(index: "idx_audit_events_occurred").on("audit_events").column("occurred_at").run()
        try await sql.create(index: "idx_audit_events_entity").on("audit_events").column("entity_id").run()
        try await DialectSQL.makeAppendOnly(table: "audit_events", on: sql)
    }

    func revert(on database: any Database) async throws {
        try await DialectSQL.dropAppendOnly(table: "audit_events", on: database.sql)
        try await database.schema("audit_events").delete()
    }
}
