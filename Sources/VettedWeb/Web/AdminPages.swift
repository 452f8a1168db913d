import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Users, organizations, API tokens and the audit log.
struct AdminPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let admin = routes.grouped("admin")
        admin.get("users", use: users)
        admin.post("users", use: createUser)
        admin.post("users", ":userID", use: updateUser)
        admin.get("organizations", use: organizations)
        admin.post("organizations", use: createOrganization)
        admin.get("tokens", use: tokens)
        admin.post("tokens", use: createToken)
        admin.post("tokens", ":tokenID", "revoke", use: revokeToken)
        admin.get("audit", use: audit)
    }

    // MARK: Users

    struct UserRow: Encodable {
        let id: String
        let email: String
        let name: String
        let memberRole: String
        let organization: String
        let isActive: Bool
        let version: Int
    }

    struct UsersContext: Encodable {
        let layout: Layout
        let users: [UserRow]
        let memberRoles: [Option]
        let organizations: [Option]
        let form: UserForm
        let errors: [String: String]
    }

    struct UserForm: Content {
        var email: String?
        var name: String?
        var password: String?
        var memberRole: String?
        var organizationId: String?
    }

    func users(req: Request) async throws -> Response {
        try await renderUsers(req, form: UserForm(), failure: nil, status: .ok)
    }

    func createUser(req: Request) async throws -> Response {
        let scope = try req.scope
        try scope.require(.manageUsers)
        var form = try req.content.decode(UserForm.self)
        do {
            let role = try MemberRole.parse(form.memberRole ?? "", field: "memberRole")
            let organization = try await UserAdministration.organizationForNewUser(form.organizationId, scope: scope, on: req.db)
            _ = try await req.application.vetted.accounts.createUser(
                email: form.email ?? "", name: form.name ?? "", password: form.password ?? "",
                organizationID: organization, memberRole: role, actor: scope.actor, on: req.db)
            return req.redirect(to: "/admin/users?notice=created")
        } catch let failure as ValidationFailure {
            form.password = nil
            return try await renderUsers(req, form: form, failure: failure, status: .badRequest)
        } catch let problem as DomainError where problem.field != nil {
            form.password = nil
            return try await renderUsers(req, form: form, failure: ValidationFailure([.init(field: problem.field!, message: problem.description)]), status: .badRequest)
        }
    }

    struct UserUpdateForm: Content {
        var isActive: String?
        var memberRole: String?
        var version: String?
    }

    func updateUser(req: Request) async throws -> Response {
        let scope = try req.scope
        let id = try req.id(UserID.self, "userID")
        _ = try await scope.user(id, on: req.db)
        let form = try req.content.decode(UserUpdateForm.self)
        _ = try await UserAdministration.update(id, input: .init(memberRole: form.memberRole, isActive: form.isActive.map { $0 == "true" },
                                                          version: form.version.flatMap { Int($0) }), scope: scope, on: req.db)
        return req.redirect(to: "/admin/users?notice=saved")
    }

    private func renderUsers(_ req: Request, form: UserForm, failure: ValidationFailure?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        try scope.require(.manageUsers)
        let users = try await scope.users(on: req.db).sort(\.$email).all()
        let memberships = try await MembershipModel.query(on: req.db).filter(\.$user.$id ~~ users.compactMap(\.id)).with(\.$organization).all()
        let byUser = Dictionary(memberships.map { ($0.$user.id, $0) }, uniquingKeysWith: { first, _ in first })
        let organizations = try await scope.organizations(on: req.db).sort(\.$name).all()
        var errors = [String: String]()
        for issue in failure?.issues ?? [] where errors[issue.field] == nil { errors[issue.field] = issue.message }
        return try await req.page("admin-users", UsersContext(
            layout: Layout(title: "Users", request: req),
            users: users.map { u in
                UserRow(id: u.typedID.description, email: u.email, name: u.name,
                        memberRole: byUser[u.id!]?.role.rawValue ?? "", organization: byUser[u.id!]?.organization.name ?? "",
                        isActive: u.isActive, version: u.version)
            },
            memberRoles: Option.list(MemberRole.self, selected: form.memberRole ?? MemberRole.interviewer.rawValue),
            organizations: organizations.map { Option(value: $0.typedID.description, label: $0.name, selected: $0.typedID.description == (form.organizationId ?? scope.organizationID.description)) },
            form: form, errors: errors), status: status)
    }

    // MARK: Organizations

    struct OrganizationsContext: Encodable {
        let layout: Layout
        let organizations: [Row]
        let name: String
        let error: String?
        struct Row: Encodable { let id: String; let name: String; let kind: String; let members: Int; let roles: Int }
    }

    func organizations(req: Request) async throws -> Response {
        try await renderOrganizations(req, name: "", error: nil, status: .ok)
    }

    func createOrganization(req: Request) async throws -> Response {
        let scope = try req.scope
        let name = (try? req.content.get(String.self, at: "name")) ?? ""
        do {
            _ = try await OrganizationAdministration.create(.init(name: name, kind: OrganizationKind.client.rawValue), scope: scope, on: req.db)
            return req.redirect(to: "/admin/organizations?notice=created")
        } catch let problem as DomainError where problem.field != nil {
            return try await renderOrganizations(req, name: name, error: problem.description, status: .badRequest)
        }
    }

    private func renderOrganizations(_ req: Request, name: String, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        try scope.require(.manageOrganizations)
        var rows: [OrganizationsContext.Row] = []
        for org in try await scope.organizations(on: req.db).sort(\.$name).all() {
            rows.append(.init(id: org.typedID.description, name: org.name, kind: org.kind,
                              members: try await MembershipModel.query(on: req.db).filter(\.$organization.$id == org.id!).count(),
                              roles: try await RoleModel.query(on: req.db).filter(\.$organization.$id == org.id!).count()))
        }
        return try await req.page("admin-organizations", OrganizationsContext(layout: Layout(title: "Organizations", request: req),
                                                                             organizations: rows, name: name, error: error), status: status)
    }

    // MARK: Tokens

    struct TokensContext: Encodable {
        let layout: Layout
        let tokens: [Row]
        let newToken: String?
        let scopes: [Option]
        struct Row: Encodable { let id: String; let name: String; let prefix: String; let scope: String; let owner: String; let created: String; let lastUsed: String; let revoked: Bool }
    }

    func tokens(req: Request) async throws -> Response {
        try await renderTokens(req, newToken: nil)
    }

    func createToken(req: Request) async throws -> Response {
        let scope = try req.scope
        let name = (try? req.content.get(String.self, at: "name")) ?? ""
        let tokenScope = try TokenScope.parse((try? req.content.get(String.self, at: "scope")) ?? "read", field: "scope")
        guard let user = try await UserModel.find(scope.userID.rawValue, on: req.db) else { throw DomainError.notFound(entity: "user") }
        let created = try await req.application.vetted.accounts.createToken(for: user, organizationID: scope.organizationID, scope: tokenScope,
                                                                            name: name, actor: scope.actor, on: req.db)
        // Shown once, on this response only; the database keeps its hash.
        return try await renderTokens(req, newToken: created.token)
    }

    func revokeToken(req: Request) async throws -> Response {
        let scope = try req.scope
        let token = try await scope.token(try req.id(APITokenID.self, "tokenID"), on: req.db)
        try await req.application.vetted.accounts.revokeToken(token, actor: scope.actor, on: req.db)
        return req.redirect(to: "/admin/tokens?notice=revoked")
    }

    private func renderTokens(_ req: Request, newToken: String?) async throws -> Response {
        let scope = try req.scope
        let tokens = try await scope.tokens(on: req.db).with(\.$user).sort(\.$createdAt, .descending).all()
        let day = { (d: Date?) in d.map { ISO8601DateFormatter.string(from: $0, timeZone: .gmt, formatOptions: [.withFullDate]) } ?? "—" }
        return try await req.page("admin-tokens", TokensContext(
            layout: Layout(title: "API tokens", request: req),
            tokens: tokens.map { .init(id: $0.typedID.description, name: $0.name, prefix: $0.prefix, scope: $0.scope, owner: $0.user.email,
                                       created: day($0.createdAt), lastUsed: day($0.lastUsedAt), revoked: $0.revokedAt != nil) },
            newToken: newToken, scopes: Option.list(TokenScope.self, selected: "read")))
    }

    // MARK: Audit log

    struct AuditContext: Encodable {
        let layout: Layout
        let events: [AuditRow]
        let entityType: String
        let actor: String
        let action: [Option]
        let links: PageLinks
    }

    struct AuditRow: Encodable {
        let occurredAt: String
        let actor: String
        let action: String
        let entityType: String
        let entityId: String
        let summary: String
        let changes: [Change]
        struct Change: Encodable { let field: String; let before: String; let after: String }
    }

    func audit(req: Request) async throws -> Response {
        let scope = try req.scope
        try scope.require(.viewAudit)
        let pagination = try Pagination(req, defaultPerPage: 50)
        let entityType = req.query[String.self, at: "entityType"] ?? ""
        let actor = req.query[String.self, at: "actor"] ?? ""
        let action = req.query[String.self, at: "action"] ?? ""
        let query = try AuditFilter(entityType: entityType, actor: actor, action: action, entityId: req.query[String.self, at: "entityId"])
            .apply(to: scope.auditEvents(on: req.db))
        let total = try await query.count()
        let events = try await query.sort(\.$occurredAt, .descending).offset(pagination.offset).limit(pagination.perPage).all()
        return try await req.page("admin-audit", AuditContext(
            layout: Layout(title: "Audit log", request: req),
            events: events.map { e in
                AuditRow(occurredAt: ISO8601DateFormatter().string(from: e.occurredAt), actor: e.actorLabel, action: e.action,
                         entityType: e.entityType, entityId: e.entityID.uuidString.lowercased(), summary: e.summary,
                         changes: AuditLog.decodeChanges(e.changes).map { .init(field: $0.field, before: $0.before ?? "∅", after: $0.after ?? "∅") })
            },
            entityType: entityType, actor: actor, action: Option.list(AuditAction.self, selected: action, includeEmpty: true),
            links: PageLinks(pagination, total: total, path: "/admin/audit", query: [("entityType", entityType), ("actor", actor), ("action", action)])))
    }
}

/// Filters over the audit log, shared by the page and the API.
struct AuditFilter {
    let entityType: String
    let actor: String
    let action: String
    let entityId: String?

    func apply(to query: QueryBuilder<AuditEventModel>) throws -> QueryBuilder<AuditEventModel> {
        if !entityType.isEmpty { query.filter(\.$entityType == entityType) }
        if !actor.isEmpty { query.filter(\.$actorLabel == actor.lowercased()) }
        if !action.isEmpty { query.filter(\.$action == (try AuditAction.parse(action, field: "action")).rawValue) }
        if let entityId, !entityId.isEmpty {
            guard let uuid = UUID(uuidString: entityId) else { throw DomainError.invalid(field: "entityId", message: "entityId must be a UUID; got '\(entityId)'") }
            query.filter(\.$entityID == uuid)
        }
        return query
    }
}
