import FluentKit
import Foundation
import SQLKit
import VettedDomain

/// Candidates a user took off a role's shortlist, and why. They stay off when the list is
/// ranked again, with other weights too.
public enum ShortlistExclusions {
    public struct Exclusion: Sendable {
        public let candidateID: UUID
        public let reason: String
        public let excludedBy: String
        public let at: Date
    }

    public static func exclude(role roleID: RoleID, candidate candidateID: CandidateID, reason: String, scope: TenantScope, on db: any Database) async throws {
        let role = try await scope.role(roleID, on: db)
        try scope.require(.editCandidates)
        let candidate = try await scope.candidate(candidateID, on: db)
        let why = reason.trimmed
        guard !why.isEmpty, why.count <= 500 else {
            throw DomainError.invalid(field: "reason", message: "say why this candidate is excluded (1 to 500 characters)")
        }
        try await db.transaction { tx in
            let existing = try await tx.sql.raw("""
                SELECT COUNT(*) AS n FROM shortlist_exclusions WHERE role_id = \(bind: role.id!) AND candidate_id = \(bind: candidate.id!)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            guard existing == 0 else {
                throw DomainError.conflict(entity: "exclusion", message: "\(candidate.fullName) is already excluded from this shortlist")
            }
            try await BulkInsert.run("shortlist_exclusions", columns: ["id", "role_id", "candidate_id", "reason", "excluded_by", "created_at"],
                                     rows: [[.uuid(UUID()), .uuid(role.id!), .uuid(candidate.id!), .text(why), .text(scope.userEmail), .date(Date())]], on: tx)
            try await AuditLog.record(.update, entityType: "role", entityID: role.id!, organizationID: role.$organization.id,
                                      before: [:], after: ["shortlist.excluded": "\(candidate.fullName): \(why)"],
                                      summary: "excluded \(candidate.fullName) from the shortlist: \(why)", actor: scope.actor, on: tx)
        }
    }

    public static func list(role roleID: UUID, on db: any Database) async throws -> [Exclusion] {
        try await db.sql.raw("""
            SELECT candidate_id, reason, excluded_by, created_at FROM shortlist_exclusions WHERE role_id = \(bind: roleID) ORDER BY created_at
            """).all().map {
            Exclusion(candidateID: try $0.decode(column: "candidate_id", as: UUID.self), reason: try $0.decode(column: "reason", as: String.self),
                      excludedBy: try $0.decode(column: "excluded_by", as: String.self), at: try $0.decode(column: "created_at", as: Date.self))
        }
    }
}
