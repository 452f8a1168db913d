import Fluent
import Vapor
import VettedDomain
import VettedStore

/// What the `vetted` commands do, as functions the executable calls and tests can run.
public enum CommandOperations {
    /// A password a person can type, for users created without one.
    public static func generatedPassword() -> String { Secrets.generatedPassword() }

    /// `vetted token create`: a token for the user's first organization, shown once.
    public static func createToken(_ app: Application, email: String, scope: TokenScope, name: String = "CLI token") async throws -> String {
        let address = try EmailAddress(email, field: "user")
        guard let user = try await UserModel.query(on: app.db).filter(\.$email == address.value).first() else {
            throw DomainError.notFound(entity: "user \(address.value)")
        }
        guard let membership = try await MembershipModel.query(on: app.db).filter(\.$user.$id == user.id!).sort(\.$createdAt).first() else {
            throw DomainError.invalid(field: "user", message: "\(address.value) belongs to no organization")
        }
        let organizationID = OrganizationID(membership.$organization.id)
        return try await app.vetted.accounts.createToken(for: user, organizationID: organizationID, scope: scope, name: name,
                                                        actor: AuditActor(userID: nil, label: "cli", organizationID: organizationID.rawValue), on: app.db).token
    }

    /// `vetted user create`: into the named organization, or the operator's.
    public static func createUser(_ app: Application, email: String, name: String, password: String, memberRole: MemberRole, organization: String?) async throws -> String {
        let org: OrganizationModel?
        if let organization, !organization.isEmpty {
            org = try await OrganizationModel.query(on: app.db).filter(\.$name == organization).first()
            guard org != nil else { throw DomainError.invalid(field: "organization", message: "no organization is named '\(organization)'") }
        } else {
            org = try await OrganizationModel.query(on: app.db).filter(\.$kind == OrganizationKind.operator.rawValue).first()
            guard org != nil else { throw DomainError.invalid(field: "organization", message: "there is no operator organization yet; run `vetted serve` once or `vetted demo`") }
        }
        let user = try await app.vetted.accounts.createUser(email: email, name: name, password: password, organizationID: org!.typedID,
                                                           memberRole: memberRole, actor: AuditActor.cli, on: app.db)
        return user.typedID.description
    }

    /// `vetted backup PATH`: an online copy of SQLite, or the pg_dump line for PostgreSQL.
    public enum BackupResult: Sendable {
        case written(path: String, bytes: Int)
        case postgresCommand(String)
    }

    public static func backup(_ app: Application, to path: String) async throws -> BackupResult {
        let config = app.vetted.config
        if let url = config.databaseURL {
            return .postgresCommand("pg_dump --format=custom --file=\(shellQuote(path)) \(shellQuote(url))")
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else {
            throw DomainError.invalid(field: "path", message: "\(target) already exists; a backup never overwrites a file")
        }
        try await DialectSQL.sqliteBackup(into: target, on: app.db.sql)
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        return .written(path: target, bytes: size)
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
