import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Loads the deterministic demo data set into an empty database, through the same
/// validated writes the pages and the API use.
public enum DemoLoader {
    public struct Summary: Sendable {
        public let organizations: Int
        public let users: [(email: String, memberRole: String)]
        public let roles: Int
        public let candidates: Int
        public let applications: Int
        public let password: String
        public let generatedPassword: Bool
    }

    public enum DemoError: Error, CustomStringConvertible {
        case notEmpty
        public var description: String { "the database already holds users or organizations; demo data is loaded only into an empty database" }
    }

    public static func load(_ app: Application, candidateCount: Int = 500, progress: (@Sendable (String) -> Void)? = nil) async throws -> Summary {
        guard try await OrganizationModel.query(on: app.db).count() == 0, try await UserModel.query(on: app.db).count() == 0 else {
            throw DemoError.notEmpty
        }
        let config = app.vetted.config
        let password = config.adminPassword ?? Secrets.generatedPassword()
        let data = DemoDataset.generate(candidateCount: candidateCount)
        let accounts = app.vetted.accounts
        let hash = try accounts.passwords.hash(password)
        return try await app.db.transaction { tx in
            var orgIDs: [String: OrganizationModel] = [:]
            for org in data.organizations {
                let model = OrganizationModel(name: org.name, kind: org.kind)
                try await model.create(on: tx)
                orgIDs[org.key] = model
            }
            var users: [(String, String)] = []
            var operatorAdmin: TenantScope?
            for member in data.members {
                guard let org = orgIDs[member.organizationKey] else { continue }
                // One bcrypt hash for every demo user: they share the printed password.
                let user = UserModel(email: try EmailAddress(member.email), name: member.name, passwordHash: hash)
                try await user.create(on: tx)
                try await MembershipModel(userID: user.typedID, organizationID: org.typedID, memberRole: member.memberRole).create(on: tx)
                users.append((member.email, member.memberRole.rawValue))
                if org.organizationKind == .operator, member.memberRole == .admin, operatorAdmin == nil {
                    operatorAdmin = TenantScope(userID: user.typedID, userEmail: user.email, organizationID: org.typedID,
                                                organizationKind: .operator, memberRole: .admin)
                }
            }
            guard let scope = operatorAdmin else { throw DomainError.invalid(field: "demo", message: "the demo data set has no operator admin") }
            var roles: [RoleModel] = []
            for role in data.roles {
                var input = role.input
                input.organizationId = orgIDs[role.organizationKey]?.typedID.description
                let role = try await RoleWrites.create(input, scope: scope, on: tx)
                try await RoleChecklist.saveGenerated(for: role, scope: scope, on: tx)
                roles.append(role)
            }
            progress?("roles: \(roles.count)")
            var candidates: [CandidateModel] = []
            for (index, input) in data.candidates.enumerated() {
                candidates.append(try await CandidateWrites.create(input, scope: scope, on: tx))
                if (index + 1) % 100 == 0 { progress?("candidates: \(index + 1)/\(data.candidates.count)") }
            }
            var applications = 0
            for application in data.applications where application.roleIndex < roles.count && application.candidateIndex < candidates.count {
                _ = try await ApplicationWrites.create(.init(candidateId: candidates[application.candidateIndex].typedID.description,
                                                             roleId: roles[application.roleIndex].typedID.description,
                                                             stage: application.stage.rawValue), scope: scope, on: tx)
                applications += 1
            }
            return Summary(organizations: orgIDs.count, users: users, roles: roles.count, candidates: candidates.count,
                           applications: applications, password: password, generatedPassword: config.adminPassword == nil)
        }
    }
}
