import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Changes to users that admins make, shared by the admin pages and the API.
enum UserAdministration {
    struct Update: Content {
        var name: String?
        var memberRole: String?
        var isActive: Bool?
        var version: Int?
    }

    /// Client admins add users to their own organization; the operator's admin to any.
    static func organizationForNewUser(_ requested: String?, scope: TenantScope, on db: any Database) async throws -> OrganizationID {
        guard let requested, !requested.isEmpty else { return scope.organizationID }
        guard let id = OrganizationID(string: requested) else {
            throw DomainError.invalid(field: "organizationId", message: "organizationId must be a UUID; got '\(requested)'")
        }
        guard (try? await scope.organization(id, on: db)) != nil else {
            throw DomainError.invalid(field: "organizationId", message: "organizationId names no organization you can add users to")
        }
        return id
    }

    static func update(_ id: UserID, input: Update, scope: TenantScope, on db: any Database) async throws -> UserModel {
        let user = try await scope.user(id, on: db)
        try scope.require(.manageUsers)
        let role = try input.memberRole.map { r throws(DomainError) in try MemberRole.parse(r, field: "memberRole") }
        if let name = input.name, name.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DomainError.invalid(field: "name", message: "name must not be empty")
        }
        if user.id == scope.userID.rawValue, input.isActive == false || (role != nil && role != .admin) {
            throw DomainError.invalid(field: input.isActive == false ? "isActive" : "memberRole", message: "you cannot deactivate or demote yourself; ask another admin")
        }
        return try await db.transaction { tx in
            let membership = try await MembershipModel.query(on: tx).filter(\.$user.$id == user.id!).sort(\.$createdAt).first()
            let before: AuditSnapshot = ["name": user.name, "isActive": String(user.isActive), "memberRole": membership?.memberRole ?? ""]
            user.version = try await VersionGuard.claimNext(table: UserModel.schema, id: user.id!, expected: input.version, entity: "user", on: tx)
            if let name = input.name { user.name = name.trimmingCharacters(in: .whitespaces) }
            if let active = input.isActive { user.isActive = active }
            try await user.update(on: tx)
            if let role, let membership {
                membership.memberRole = role.rawValue
                try await membership.update(on: tx)
            }
            if input.isActive == false {
                // A deactivated user's sessions end now, not when they expire.
                try await SessionModel.query(on: tx).filter(\.$user.$id == user.id!).delete()
            }
            let after: AuditSnapshot = ["name": user.name, "isActive": String(user.isActive), "memberRole": role?.rawValue ?? membership?.memberRole ?? ""]
            try await AuditLog.record(.update, entityType: "user", entityID: user.id!, organizationID: membership?.$organization.id,
                                      before: before, after: after, summary: "updated user \(user.email)", actor: scope.actor, on: tx)
            return user
        }
    }
}

/// Creating and renaming organizations (the operator's admins only).
enum OrganizationAdministration {
    struct Input: Content {
        var name: String?
        var kind: String?
        var version: Int?
    }

    static func create(_ input: Input, scope: TenantScope, on db: any Database) async throws -> OrganizationModel {
        try scope.require(.manageOrganizations)
        let name = (input.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw DomainError.invalid(field: "name", message: "name is required (at most 200 characters)") }
        let kind = try OrganizationKind.parse(input.kind ?? OrganizationKind.client.rawValue, field: "kind")
        guard kind == .client else {
            throw DomainError.invalid(field: "kind", message: "an installation has one operator organization; new organizations are clients")
        }
        return try await db.transaction { tx in
            if try await OrganizationModel.query(on: tx).filter(\.$name == name).first() != nil {
                throw DomainError.duplicate(field: "name", message: "an organization named \(name) already exists")
            }
            let org = OrganizationModel(name: name, kind: kind)
            try await org.create(on: tx)
            try await AuditLog.record(.create, entityType: "organization", entityID: org.id!, organizationID: org.id!, before: nil,
                                      after: ["name": name, "kind": kind.rawValue], summary: "created organization \(name)", actor: scope.actor, on: tx)
            return org
        }
    }

    static func update(_ id: OrganizationID, input: Input, scope: TenantScope, on db: any Database) async throws -> OrganizationModel {
        let org = try await scope.organization(id, on: db)
        try scope.require(.manageOrganizations)
        if input.kind != nil, input.kind != org.kind {
            throw DomainError.invalid(field: "kind", message: "an organization's kind cannot change")
        }
        let name = input.name?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.isEmpty { throw DomainError.invalid(field: "name", message: "name must not be empty") }
        return try await db.transaction { tx in
            let before: AuditSnapshot = ["name": org.name]
            org.version = try await VersionGuard.claimNext(table: OrganizationModel.schema, id: org.id!, expected: input.version, entity: "organization", on: tx)
            if let name { org.name = name }
            try await org.update(on: tx)
            try await AuditLog.record(.update, entityType: "organization", entityID: org.id!, organizationID: org.id!, before: before,
                                      after: ["name": org.name], summary: "updated organization \(org.name)", actor: scope.actor, on: tx)
            return org
        }
    }
}
