import FluentKit
import Foundation
import VettedDomain

/// Creating and changing job briefs: scope check, version guard and audit record in one
/// transaction.
public enum RoleWrites {
    public static func create(_ input: RoleInput, scope: TenantScope, on db: any Database) async throws -> RoleModel {
        try scope.require(.editRoles)
        let draft = try RoleDraft.validate(input)
        let owner = try await owningOrganization(input.organizationId, scope: scope, on: db)
        return try await db.transaction { tx in
            let role = RoleModel()
            role.id = RoleID().rawValue
            role.$organization.id = owner
            role.createdByID = scope.userID.rawValue
            role.version = 1
            role.blindReview = false
            role.apply(draft)
            try await role.create(on: tx)
            try await AuditLog.record(.create, entityType: "role", entityID: role.id!, organizationID: owner,
                                      before: nil, after: role.auditSnapshot, summary: "created role \(draft.title)",
                                      actor: scope.actor, on: tx)
            return role
        }
    }

    public static func update(_ id: RoleID, with input: RoleInput, scope: TenantScope, on db: any Database) async throws -> RoleModel {
        let role = try await scope.role(id, on: db)
        try scope.require(.editRoles)
        let draft = try RoleDraft.validate(input, over: role.draft)
        return try await db.transaction { tx in
            let before = role.auditSnapshot
            role.version = try await VersionGuard.claimNextVersion(table: RoleModel.schema, id: role.id!, expected: input.version, entity: "role", on: tx)
            role.apply(draft)
            try await role.update(on: tx)
            try await AuditLog.record(.update, entityType: "role", entityID: role.id!, organizationID: role.$organization.id,
                                      before: before, after: role.auditSnapshot, summary: "updated role \(draft.title)",
                                      actor: scope.actor, on: tx)
            return role
        }
    }

    /// Deleting a brief with candidates in its pipeline would lose their history; close it instead.
    public static func delete(_ id: RoleID, scope: TenantScope, on db: any Database) async throws {
        let role = try await scope.role(id, on: db)
        try scope.require(.editRoles)
        try await db.transaction { tx in
            let inPipeline = try await ApplicationModel.query(on: tx).filter(\.$role.$id == role.id!).count()
            guard inPipeline == 0 else {
                throw DomainError.conflict(entity: "role", message: "this role has \(inPipeline) candidate(s) in its pipeline; set its status to closed instead of deleting it")
            }
            try await role.delete(on: tx)
            try await AuditLog.record(.delete, entityType: "role", entityID: role.id!, organizationID: role.$organization.id,
                                      before: role.auditSnapshot, after: nil, summary: "deleted role \(role.title)",
                                      actor: scope.actor, on: tx)
        }
    }

    /// Client users create briefs in their own organization; the operator may create one
    /// for any client it can see.
    static func owningOrganization(_ requested: String?, scope: TenantScope, on db: any Database) async throws -> UUID {
        guard let requested = requested?.trimmingCharacters(in: .whitespaces), !requested.isEmpty,
              requested.lowercased() != scope.organizationID.description
        else { return scope.organizationID.rawValue }
        guard let id = OrganizationID(string: requested) else {
            throw DomainError.invalid(field: "organizationId", message: "organizationId must be a UUID; got '\(requested)'")
        }
        guard scope.seesEverything, try await OrganizationModel.find(id.rawValue, on: db) != nil else {
            throw DomainError.invalid(field: "organizationId", message: "organizationId names no organization you can create roles for")
        }
        return id.rawValue
    }
}
