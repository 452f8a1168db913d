import FluentKit
import Foundation
import VettedDomain

/// A role's saved checklist. Replacing it is one audited change of the role.
public enum ChecklistWrites {
    public struct Line: Sendable, Equatable, Codable {
        public let skillId: String
        public let mustHave: Bool
        public let reason: String

        public init(skillId: String, mustHave: Bool, reason: String) {
            self.skillId = skillId
            self.mustHave = mustHave
            self.reason = reason
        }
    }

    public static func current(of roleID: RoleID, on db: any Database) async throws -> [Line] {
        try await RoleChecklistItemModel.query(on: db).filter(\.$role.$id == roleID.rawValue).sort(\.$position).all()
            .map { Line(skillId: $0.skillID, mustHave: $0.isMustHave, reason: $0.reason) }
    }

    /// Replaces the checklist. Skill ids must already be checked against the taxonomy by
    /// the caller (the store does not know the taxonomy); duplicates keep the first line.
    public static func replace(_ roleID: RoleID, with lines: [Line], scope: TenantScope, on db: any Database) async throws {
        let role = try await scope.role(roleID, on: db)
        try scope.require(.editRoles)
        var seen = Set<String>()
        let unique = lines.filter { seen.insert($0.skillId).inserted }
        try await db.transaction { tx in
            let before = try await current(of: roleID, on: tx)
            try await RoleChecklistItemModel.query(on: tx).filter(\.$role.$id == role.id!).delete()
            for (position, line) in unique.enumerated() {
                try await RoleChecklistItemModel(roleID: role.id!, skillID: line.skillId, mustHave: line.mustHave, reason: line.reason, position: position).create(on: tx)
            }
            func summary(_ lines: [Line], must: Bool) -> String { lines.filter { $0.mustHave == must }.map(\.skillId).joined(separator: ", ") }
            try await AuditLog.record(.update, entityType: "role", entityID: role.id!, organizationID: role.$organization.id,
                                      before: ["checklist.mustHave": summary(before, must: true), "checklist.niceToHave": summary(before, must: false)],
                                      after: ["checklist.mustHave": summary(unique, must: true), "checklist.niceToHave": summary(unique, must: false)],
                                      summary: "saved the checklist of \(role.title)", actor: scope.actor, on: tx)
        }
    }
}
