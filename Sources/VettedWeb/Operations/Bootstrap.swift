import Fluent
import Vapor
import VettedDomain
import VettedStore

/// First start: an operator organization and its first admin.
public enum Bootstrap {
    public struct Outcome: Sendable {
        /// The admin's e-mail when an admin was created on this start.
        public let createdAdmin: String?
        /// A generated password, to be shown once; nil when it came from the environment.
        public let generatedPassword: String?
    }

    public static func ensureAdmin(_ app: Application) async throws -> Outcome {
        let config = app.vetted.config
        guard try await UserModel.query(on: app.db).count() == 0 else { return Outcome(createdAdmin: nil, generatedPassword: nil) }
        let password = config.adminPassword ?? Secrets.generatedPassword()
        let operatorOrg: OrganizationModel
        if let existing = try await OrganizationModel.query(on: app.db).filter(\.$kind == OrganizationKind.operator.rawValue).first() {
            operatorOrg = existing
        } else {
            operatorOrg = OrganizationModel(name: "Operator", kind: .operator)
            try await operatorOrg.create(on: app.db)
        }
        let user = try await app.vetted.accounts.createUser(
            email: config.adminEmail, name: "Administrator", password: password, organizationID: operatorOrg.typedID,
            memberRole: .admin, actor: .system, on: app.db)
        return Outcome(createdAdmin: user.email, generatedPassword: config.adminPassword == nil ? password : nil)
    }
}
