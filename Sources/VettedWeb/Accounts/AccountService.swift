import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Users, sign-in, sessions and API tokens.
struct AccountService: Sendable {
    let passwords: Passwords
    let throttle = LoginThrottle()
    let sessionLifetime: TimeInterval

    enum SignInError: Error {
        case invalidCredentials
        case locked(until: Date)
    }

    // MARK: Users

    func createUser(email: String, name: String, password: String, organizationID: OrganizationID,
                    memberRole: MemberRole, actor: AuditActor, on db: any Database) async throws -> UserModel {
        var failure = ValidationFailure()
        let address = failure.check { () throws(DomainError) in try EmailAddress(email) }
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { failure.add(field: "name", "name is required") }
        if password.count < Passwords.minimumLength { failure.add(field: "password", "password must be at least \(Passwords.minimumLength) characters") }
        try failure.throwIfAny()
        let hash = try passwords.hash(password)
        return try await db.transaction { tx in
            guard try await OrganizationModel.find(organizationID.rawValue, on: tx) != nil else {
                throw DomainError.invalid(field: "organizationId", message: "organizationId names no organization")
            }
            if try await UserModel.query(on: tx).filter(\.$email == address!.value).first() != nil {
                throw DomainError.duplicate(field: "email", message: "a user with e-mail \(address!.value) already exists")
            }
            let user = UserModel(email: address!, name: trimmedName, passwordHash: hash)
            try await user.create(on: tx)
            try await MembershipModel(userID: user.typedID, organizationID: organizationID, memberRole: memberRole).create(on: tx)
            try await AuditLog.record(.create, entityType: "user", entityID: user.id!, organizationID: organizationID.rawValue,
                                      before: nil, after: ["email": user.email, "name": user.name, "memberRole": memberRole.rawValue],
                                      summary: "created user \(user.email) as \(memberRole.rawValue)", actor: actor, on: tx)
            return user
        }
    }

    /// Changes a password after checking the current one; every other session of the user ends.
    func changePassword(userID: UserID, current: String, new: String, keepSession: UUID?, on db: any Database) async throws {
        guard let user = try await UserModel.find(userID.rawValue, on: db) else { throw DomainError.notFound(entity: "user") }
        guard passwords.verify(current, hash: user.passwordHash) else {
            throw DomainError.invalid(field: "currentPassword", message: "the current password is not right")
        }
        guard new.count >= Passwords.minimumLength else {
            throw DomainError.invalid(field: "newPassword", message: "the new password must be at least \(Passwords.minimumLength) characters")
        }
        let hash = try passwords.hash(new)
        try await db.transaction { tx in
            user.passwordHash = hash
            try await user.update(on: tx)
            let others = SessionModel.query(on: tx).filter(\.$user.$id == user.id!)
            if let keepSession { others.filter(\.$id != keepSession) }
            try await others.delete()
            try await AuditLog.record(.update, entityType: "user", entityID: user.id!, organizationID: nil,
                                      before: ["password": "(set)"], after: ["password": "(changed)"],
                                      summary: "changed own password", actor: AuditActor(userID: user.id, label: user.email, organizationID: nil), on: tx)
        }
    }

    // MARK: Sign-in

    /// Checks the password, with the per-account throttle. The same answer for an unknown
    /// e-mail and a wrong password.
    func signIn(email: String, password: String, now: Date = Date(), on db: any Database) async throws -> (UserModel, MembershipModel) {
        let key = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let until = try await throttle.lockedUntil(key, now: now, on: db) { throw SignInError.locked(until: until) }
        let user = try await UserModel.query(on: db).filter(\.$email == key).first()
        guard let user, user.isActive else {
            passwords.verifyAgainstNothing(password)
            try await throttle.recordFailure(key, now: now, on: db)
            throw SignInError.invalidCredentials
        }
        guard passwords.verify(password, hash: user.passwordHash) else {
            try await throttle.recordFailure(key, now: now, on: db)
            throw SignInError.invalidCredentials
        }
        guard let membership = try await MembershipModel.query(on: db).filter(\.$user.$id == user.id!)
            .sort(\.$createdAt).first()
        else { throw SignInError.invalidCredentials }
        try await throttle.recordSuccess(key, on: db)
        return (user, membership)
    }

    /// A new session; returns the cookie value (never stored as such).
    func startSession(user: UserModel, organizationID: UUID, on db: any Database) async throws -> String {
        let token = Secrets.randomToken()
        let session = SessionModel(tokenHash: Secrets.sha256(token), userID: user.id!, organizationID: organizationID,
                                   csrfToken: Secrets.randomToken(), expiresAt: Date().addingTimeInterval(sessionLifetime))
        try await session.create(on: db)
        return token
    }

    func endSession(id: UUID, on db: any Database) async throws {
        try await SessionModel.query(on: db).filter(\.$id == id).delete()
    }

    func caller(forSessionToken token: String, on db: any Database) async throws -> Caller? {
        guard let row = try await CallerLookup.session(tokenHash: Secrets.sha256(token), on: db) else { return nil }
        guard let expires = row.expiresAt, expires > Date() else {
            try await SessionModel.query(on: db).filter(\.$id == row.credentialID).delete()
            return nil
        }
        return Caller(scope: row.scope, userName: row.userName, organizationName: row.organizationName,
                      credential: .session(id: row.credentialID, csrfToken: row.detail))
    }

    // MARK: API tokens

    func createToken(for user: UserModel, organizationID: OrganizationID, scope: TokenScope, name: String,
                     actor: AuditActor, on db: any Database) async throws -> (token: String, model: APITokenModel) {
        let token = Secrets.randomToken(prefix: "vt_")
        let label = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let model = APITokenModel(userID: user.typedID, organizationID: organizationID, name: label.isEmpty ? "API token" : label,
                                  tokenHash: Secrets.sha256(token), prefix: String(token.prefix(10)), scope: scope)
        try await db.transaction { tx in
            try await model.create(on: tx)
            try await AuditLog.record(.create, entityType: "api-token", entityID: model.id!, organizationID: organizationID.rawValue,
                                      before: nil, after: ["user": user.email, "scope": scope.rawValue, "name": model.name],
                                      summary: "created \(scope.rawValue) token for \(user.email)", actor: actor, on: tx)
        }
        return (token, model)
    }

    func revokeToken(_ token: APITokenModel, actor: AuditActor, on db: any Database) async throws {
        guard token.revokedAt == nil else { return }
        try await db.transaction { tx in
            token.revokedAt = Date()
            try await token.save(on: tx)
            try await AuditLog.record(.update, entityType: "api-token", entityID: token.id!, organizationID: token.$organization.id,
                                      before: ["revoked": "false"], after: ["revoked": "true"],
                                      summary: "revoked token \(token.prefix)…", actor: actor, on: tx)
        }
    }

    func caller(forBearer token: String, on db: any Database) async throws -> Caller? {
        guard let row = try await CallerLookup.token(tokenHash: Secrets.sha256(token), on: db) else { return nil }
        // "Last used" to the minute is enough; a write on every request would cost more
        // than the request itself.
        if (row.lastUsedAt ?? .distantPast) < Date().addingTimeInterval(-60) {
            try await APITokenModel.query(on: db).filter(\.$id == row.credentialID).set(\.$lastUsedAt, to: Date()).update()
        }
        return Caller(scope: row.scope, userName: row.userName, organizationName: row.organizationName,
                      credential: .token(id: row.credentialID, scope: TokenScope(rawValue: row.detail) ?? .read))
    }
}
