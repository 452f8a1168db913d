import FluentKit
import Foundation
import VettedDomain

/// Putting candidates into a role's pipeline and moving them between stages.
public enum ApplicationWrites {
    public struct Input: Codable, Sendable {
        public var candidateId: String?
        public var roleId: String?
        public var stage: String?
        public var closedReason: String?
        public var version: Int?
        public init(candidateId: String? = nil, roleId: String? = nil, stage: String? = nil, closedReason: String? = nil, version: Int? = nil) {
            self.candidateId = candidateId
            self.roleId = roleId
            self.stage = stage
            self.closedReason = closedReason
            self.version = version
        }
    }

    public static func create(_ input: Input, scope: TenantScope, on db: any Database) async throws -> ApplicationModel {
        try scope.require(.manageApplications)
        guard let roleText = input.roleId, let roleID = RoleID(string: roleText) else {
            throw DomainError.invalid(field: "roleId", message: "roleId must be the UUID of a role; got '\(input.roleId ?? "")'")
        }
        guard let candidateText = input.candidateId, let candidateID = CandidateID(string: candidateText) else {
            throw DomainError.invalid(field: "candidateId", message: "candidateId must be the UUID of a candidate; got '\(input.candidateId ?? "")'")
        }
        // Ids the caller cannot see are reported as bad input naming the field, not as a
        // missing route: the route exists, the reference in the body does not.
        guard let role = try? await scope.role(roleID, on: db) else {
            throw DomainError.invalid(field: "roleId", message: "roleId names no role you can see")
        }
        guard let candidate = try? await scope.candidate(candidateID, on: db) else {
            throw DomainError.invalid(field: "candidateId", message: "candidateId names no candidate you can see")
        }
        let stage = try ApplicationStage.parse(input.stage ?? ApplicationStage.sourced.rawValue, field: "stage")
        return try await db.transaction { tx in
            let existing = try await ApplicationModel.query(on: tx)
                .filter(\.$role.$id == role.id!).filter(\.$candidate.$id == candidate.id!).first()
            if existing != nil {
                throw DomainError.duplicate(field: "candidateId", message: "\(candidate.fullName) is already in the pipeline of \(role.title)")
            }
            let application = ApplicationModel()
            application.id = ApplicationID().rawValue
            application.$role.id = role.id!
            application.$candidate.id = candidate.id!
            application.$organization.id = role.$organization.id
            application.stage = stage.rawValue
            application.stageEnteredAt = Date()
            application.version = 1
            try await application.create(on: tx)
            try await AuditLog.record(.create, entityType: "application", entityID: application.id!, organizationID: role.$organization.id,
                                      before: nil, after: application.auditSnapshot,
                                      summary: "added \(candidate.fullName) to \(role.title) at \(stage.rawValue)",
                                      actor: scope.actor, on: tx)
            return application
        }
    }

    public static func update(_ id: ApplicationID, with input: Input, scope: TenantScope, on db: any Database) async throws -> ApplicationModel {
        let application = try await scope.application(id, on: db)
        try scope.require(.manageApplications)
        let stage = try input.stage.map { s throws(DomainError) in try ApplicationStage.parse(s, field: "stage") }
            ?? ApplicationStage(rawValue: application.stage) ?? .sourced
        let reason = input.closedReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if stage == .closed, (reason ?? application.closedReason ?? "").isEmpty {
            throw DomainError.invalid(field: "closedReason", message: "closedReason is required when closing an application")
        }
        return try await db.transaction { tx in
            let before = application.auditSnapshot
            application.version = try await VersionGuard.claimNextVersion(table: ApplicationModel.schema, id: application.id!, expected: input.version, entity: "application", on: tx)
            if application.stage != stage.rawValue {
                application.stage = stage.rawValue
                application.stageEnteredAt = Date()
            }
            if stage == .closed, let reason, !reason.isEmpty { application.closedReason = reason }
            if stage != .closed { application.closedReason = nil }
            try await application.update(on: tx)
            try await AuditLog.record(.update, entityType: "application", entityID: application.id!, organizationID: application.$organization.id,
                                      before: before, after: application.auditSnapshot, summary: "moved application to \(stage.rawValue)",
                                      actor: scope.actor, on: tx)
            return application
        }
    }
}

extension ApplicationModel {
    var auditSnapshot: AuditSnapshot {
        var s: AuditSnapshot = ["stage": stage, "roleId": $role.id.uuidString.lowercased(), "candidateId": $candidate.id.uuidString.lowercased()]
        s["closedReason"] = closedReason
        return s
    }
}
