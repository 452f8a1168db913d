import FluentKit
import Foundation
import VettedDomain

/// Evidence that arrives from analysis rather than from a person: a repository's imports
/// and dependencies become `repository` skills on the profile.
public enum EvidenceWrites {
    public struct Finding: Sendable {
        public var skillID: String
        public var level: Int
        public var detail: String
        public init(skillID: String, level: Int, detail: String) {
            self.skillID = skillID
            self.level = level
            self.detail = detail
        }
    }

    /// Adds or refreshes the repository evidence of `findings` and lists the repository on
    /// the profile. Claimed, assessed and trial evidence are never touched.
    public static func recordRepository(_ candidateID: UUID, repository: String, findings: [Finding], actor: AuditActor,
                                        on db: any Database) async throws {
        try await db.transaction { tx in
            try await record(candidateID, source: .repository, findings: findings, repository: repository,
                             summary: "repository analysis of \(repository): \(findings.count) skill(s) with evidence",
                             actor: actor, on: tx)
        }
    }

    /// A graded assessment's skills become `assessment` evidence, with the task and score
    /// as the detail. Runs inside the caller's transaction (the grade's).
    public static func recordAssessment(_ candidateID: UUID, findings: [Finding], summary: String, actor: AuditActor,
                                        on tx: any Database) async throws {
        try await record(candidateID, source: .assessment, findings: findings, repository: nil, summary: summary, actor: actor, on: tx)
    }

    static func record(_ candidateID: UUID, source: EvidenceSource, findings: [Finding], repository: String?, summary: String,
                       actor: AuditActor, on tx: any Database) async throws {
        do {
            guard let candidate = try await CandidateModel.find(candidateID, on: tx) else { throw DomainError.notFound(entity: "candidate") }
            let before = try await CandidateWrites.currentSkills(of: candidateID, on: tx)
            let incoming = findings.map { SkillClaim(skillID: $0.skillID, level: $0.level, evidence: source, detail: $0.detail) }
            let merged = CandidateImport.mergeSkills(before, incoming)
            var beforeSnapshot = candidate.auditSnapshot
            beforeSnapshot["skills"] = CandidateWrites.skillSummary(before)
            if let repository, !candidate.repositories.contains(repository) {
                candidate.storedRepositories = candidate.repositories + [repository]
            }
            candidate.version += 1
            try await candidate.update(on: tx)
            try await CandidateWrites.replaceSkills(of: candidate, with: merged, on: tx)
            var after = candidate.auditSnapshot
            after["skills"] = CandidateWrites.skillSummary(merged)
            try await AuditLog.record(.update, entityType: "candidate", entityID: candidateID, organizationID: candidate.$organization.id,
                                      before: beforeSnapshot, after: after,
                                      summary: summary, actor: actor, on: tx)
            try await ChangeLog.record([candidateID], on: tx)
        }
    }
}
