import FluentKit
import SQLKit

/// `idx_candidate_skills_skill` (skill_id) is the first column of M014's
/// `idx_candidate_skills_lookup` (skill_id, evidence_source, candidate_id), which serves
/// every lookup by skill as well. Keeping both cost a 100,000-row import half a second of
/// index building and 11 MB, and every skill written one more index entry.
struct M026DropRedundantSkillIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.sql.drop(index: "idx_candidate_skills_skill").ifExists().run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.create(index: "idx_candidate_skills_skill").on("candidate_skills").column("skill_id").run()
    }
}
