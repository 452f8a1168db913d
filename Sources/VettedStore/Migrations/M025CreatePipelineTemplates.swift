import FluentKit
import SQLKit

/// Organizations' pipeline templates, and a role's own stages (a copy of a template,
/// edited or not; empty means the guide's standard pipeline).
struct M025CreatePipelineTemplates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("pipeline_templates")
            .id()
            .field("organization_id", .uuid, .required, .references("organizations", "id"))
            .field("name", .string, .required)
            // `Pipeline.lines`: one `key | Name [| optional]` per line.
            .field("stages", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organization_id", "name")
            .create()
        try await database.schema("roles").field("pipeline", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("roles").deleteField("pipeline").update()
        try await database.schema("pipeline_templates").delete()
    }
}
