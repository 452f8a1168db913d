import FluentKit
import Foundation
import VettedDomain

/// Creating and changing profiles in the operator's talent pool.
public enum CandidateWrites {
    public static func create(_ input: CandidateInput, scope: TenantScope, on db: any Database) async throws -> CandidateModel {
        try scope.require(.editCandidates)
        let draft = try CandidateDraft.validate(input)
        return try await db.transaction { tx in
            let candidate = CandidateModel()
            candidate.id = CandidateID().rawValue
            candidate.$organization.id = scope.organizationID.rawValue
            candidate.version = 1
            candidate.apply(draft)
            try await candidate.create(on: tx)
            try await replaceSkills(of: candidate, with: draft.skills ?? [], on: tx)
            var after = candidate.auditSnapshot
            after["skills"] = skillSummary(draft.skills ?? [])
            try await AuditLog.record(.create, entityType: "candidate", entityID: candidate.id!, organizationID: scope.organizationID.rawValue,
                                      before: nil, after: after, summary: "added candidate \(draft.fullName)",
                                      actor: scope.actor, on: tx)
            try await ChangeLog.record([candidate.id!], on: tx)
            return candidate
        }
    }

    public static func update(_ id: CandidateID, with input: CandidateInput, scope: TenantScope, on db: any Database) async throws -> CandidateModel {
        let candidate = try await scope.candidate(id, on: db)
        try scope.require(.editCandidates)
        let draft = try CandidateDraft.validate(input, over: candidate.draft)
        return try await db.transaction { tx in
            var before = candidate.auditSnapshot
            var after: AuditSnapshot
            candidate.version = try await VersionGuard.claimNextVersion(table: CandidateModel.schema, id: candidate.id!, expected: input.version, entity: "candidate", on: tx)
            candidate.apply(draft)
            try await candidate.update(on: tx)
            after = candidate.auditSnapshot
            if let skills = draft.skills {
                before["skills"] = skillSummary(try await currentSkills(of: candidate.id!, on: tx))
                try await replaceSkills(of: candidate, with: skills, on: tx)
                after["skills"] = skillSummary(skills)
            }
            try await AuditLog.record(.update, entityType: "candidate", entityID: candidate.id!, organizationID: candidate.$organization.id,
                                      before: before, after: after, summary: "updated candidate \(draft.fullName)",
                                      actor: scope.actor, on: tx)
            try await ChangeLog.record([candidate.id!], on: tx)
            return candidate
        }
    }

    /// A candidate in a pipeline keeps their history; only a profile in no pipeline can go.
    public static func delete(_ id: CandidateID, scope: TenantScope, on db: any Database) async throws {
        let candidate = try await scope.candidate(id, on: db)
        try scope.require(.editCandidates)
        try await db.transaction { tx in
            let inPipelines = try await ApplicationModel.query(on: tx).filter(\.$candidate.$id == candidate.id!).count()
            guard inPipelines == 0 else {
                throw DomainError.conflict(entity: "candidate", message: "this candidate is in \(inPipelines) pipeline(s); close those applications instead of deleting the profile")
            }
            try await CandidateSkillModel.query(on: tx).filter(\.$candidate.$id == candidate.id!).delete()
            try await candidate.delete(on: tx)
            try await AuditLog.record(.delete, entityType: "candidate", entityID: candidate.id!, organizationID: candidate.$organization.id,
                                      before: candidate.auditSnapshot, after: nil, summary: "deleted candidate \(candidate.fullName)",
                                      actor: scope.actor, on: tx)
            try await ChangeLog.record([candidate.id!], on: tx)
        }
    }

    public static func currentSkills(of candidateID: UUID, on db: any Database) async throws -> [SkillClaim] {
        try await CandidateSkillModel.query(on: db).filter(\.$candidate.$id == candidateID)
            .sort(\.$skillID).all()
            .map { SkillClaim(skillID: $0.skillID, level: $0.level, evidence: EvidenceSource(rawValue: $0.evidenceSource) ?? .claimed, detail: $0.evidenceDetail) }
    }

    static func replaceSkills(of candidate: CandidateModel, with skills: [SkillClaim], on db: any Database) async throws {
        try await CandidateSkillModel.query(on: db).filter(\.$candidate.$id == candidate.id!).delete()
        for skill in skills {
            try await CandidateSkillModel(candidateID: candidate.id!, skillID: skill.skillID, level: skill.level,
                                          evidence: skill.evidence, detail: skill.detail).create(on: db)
        }
    }

    static func skillSummary(_ skills: [SkillClaim]) -> String {
        skills.map { $0.skillID + ":" + String($0.level) + ":" + $0.evidence.rawValue }.sorted().joined(separator: ", ")
    }
}
