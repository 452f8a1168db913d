import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore
import VettedWeb

/// Two tenants and what each owns, built through the application's own writes.
public struct Fixtures: Sendable {
    public static let password = "correct-horse-battery"

    public let operatorOrg: OrganizationID
    public let clientA: OrganizationID
    public let clientB: OrganizationID
    public let operatorAdmin: TenantScope
    public let adminA: TenantScope
    public let adminB: TenantScope
    public let roleA: RoleID
    public let roleB: RoleID
    public let candidateInA: CandidateID
    public let candidateInB: CandidateID
    public let poolOnly: CandidateID
    public let applicationA: ApplicationID
    public let applicationB: ApplicationID

    public static let operatorAdminEmail = "admin@operator.test"
    public static let adminAEmail = "admin@a.test"
    public static let adminBEmail = "admin@b.test"
    public static let managerAEmail = "manager@a.test"
    public static let interviewerAEmail = "interviewer@a.test"

    public static func make(_ app: Application) async throws -> Fixtures {
        let db = app.db
        let op = OrganizationModel(name: "Operator", kind: .operator)
        let a = OrganizationModel(name: "Client A", kind: .client)
        let b = OrganizationModel(name: "Client B", kind: .client)
        for org in [op, a, b] { try await org.create(on: db) }
        func user(_ email: String, _ org: OrganizationModel, _ role: MemberRole) async throws -> TenantScope {
            let id = try await CommandOperations.createUser(app, email: email, name: email, password: password, memberRole: role, organization: org.name)
            return TenantScope(userID: UserID(string: id)!, userEmail: email, organizationID: org.typedID, organizationKind: org.organizationKind, memberRole: role)
        }
        let opAdmin = try await user(operatorAdminEmail, op, .admin)
        let adminA = try await user(adminAEmail, a, .admin)
        let adminB = try await user(adminBEmail, b, .admin)
        _ = try await user(managerAEmail, a, .hiringManager)
        _ = try await user(interviewerAEmail, a, .interviewer)
        func role(_ title: String, _ org: OrganizationModel) async throws -> RoleModel {
            var input = RoleInput()
            input.title = title
            input.category = "ai-ml"
            input.timeZone = "Europe/Berlin"
            input.organizationId = org.typedID.description
            return try await RoleWrites.create(input, scope: opAdmin, on: db)
        }
        func candidate(_ name: String) async throws -> CandidateModel {
            var input = CandidateInput()
            input.fullName = name
            input.timeZone = "Asia/Kolkata"
            input.email = name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.net"
            input.skills = [SkillInput(skillId: "python", level: 4), SkillInput(skillId: "pytorch", level: 3, evidence: "assessment", detail: "score 88")]
            return try await CandidateWrites.create(input, scope: opAdmin, on: db)
        }
        let roleA = try await role("Role of A", a)
        let roleB = try await role("Role of B", b)
        let cA = try await candidate("Ada Alpha")
        let cB = try await candidate("Bo Beta")
        let pool = try await candidate("Pat Pool")
        let appA = try await ApplicationWrites.create(.init(candidateId: cA.typedID.description, roleId: roleA.typedID.description), scope: opAdmin, on: db)
        let appB = try await ApplicationWrites.create(.init(candidateId: cB.typedID.description, roleId: roleB.typedID.description), scope: opAdmin, on: db)
        return Fixtures(operatorOrg: op.typedID, clientA: a.typedID, clientB: b.typedID, operatorAdmin: opAdmin, adminA: adminA, adminB: adminB,
                        roleA: roleA.typedID, roleB: roleB.typedID, candidateInA: cA.typedID, candidateInB: cB.typedID, poolOnly: pool.typedID,
                        applicationA: appA.typedID, applicationB: appB.typedID)
    }

    /// A write token for a user, through the same path as `vetted token create`.
    public static func token(_ app: Application, _ email: String, scope: TokenScope = .write) async throws -> String {
        try await CommandOperations.createToken(app, email: email, scope: scope)
    }
}
