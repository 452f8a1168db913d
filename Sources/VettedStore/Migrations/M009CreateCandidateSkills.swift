import FluentKit

struct M009CreateCandidateSkills: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("candidate_skills")
            .id()
            .field("candidate_id", .uuid, .required, .references("candidates", "id", onDelete: .cascade))
            .field("skill_id", .string, .required)
            .field("level", .int, .required)
            .field("evidence_source", .string, .required)
            .field("evidence_detail", .string)
            .field("created_at", .datetime)
            .unique(on: "candidate_id", "skill_id", "evidence_source")
            .create()
        try await database.sql.create(index: "idx_candidate_skills_skill").on("candidate_skills").column("skill_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("candidate_skills").delete()
    }
}
