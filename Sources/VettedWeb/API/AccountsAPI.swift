import Fluent
import Vapor
import VettedDomain
import VettedStore

struct MeAPI: RouteCollection {
    struct Me: Content {
        let userId: String
        let email: String
        let name: String
        let organizationId: String
        let organizationName: String
        let organizationKind: String
        let memberRole: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("me") { req -> Me in
            guard let caller = req.caller else { throw Abort(.unauthorized) }
            let s = caller.scope
            return Me(userId: s.userID.description, email: s.userEmail, name: caller.userName, organizationId: s.organizationID.description,
                      organizationName: caller.organizationName, organizationKind: s.organizationKind.rawValue, memberRole: s.memberRole.rawValue)
        }
    }
}

struct OrganizationsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let orgs = routes.grouped("organizations")
        orgs.get { req -> ListResponse<OrganizationDTO> in
            let pagination = try Pagination(req)
            let query = try req.scope.organizations(on: req.db)
            let total = try await query.count()
            let rows = try await query.sort(\.$name).offset(pagination.offset).limit(pagination.perPage).all()
            return ListResponse(items: rows.map(OrganizationDTO.init), page: pagination.page, perPage: pagination.perPage, total: total)
        }
        orgs.post { req -> Response in
            let org = try await OrganizationAdministration.create(try req.content.decode(OrganizationAdministration.Input.self), scope: try req.scope, on: req.db)
            return try await OrganizationDTO(org).encodeResponse(status: .created, for: req)
        }
        orgs.get(":organizationID") { req -> OrganizationDTO in
            OrganizationDTO(try await req.scope.organization(try req.id(OrganizationID.self, "organizationID"), on: req.db))
        }
        orgs.patch(":organizationID") { req -> OrganizationDTO in
            let scope = try req.scope
            let id = try req.id(OrganizationID.self, "organizationID")
            _ = try await scope.organization(id, on: req.db)
            return OrganizationDTO(try await OrganizationAdministration.update(id, input: try req.content.decode(OrganizationAdministration.Input.self), scope: scope, on: req.db))
        }
    }
}

struct UsersAPI: RouteCollection {
    struct Create: Content {
        var email: String?
        var name: String?
        var password: String?
        var memberRole: String?
        var organizationId: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.get { req -> ListResponse<UserDTO> in
            let scope = try req.scope
            try scope.require(.manageUsers)
            let pagination = try Pagination(req)
            let query = try await scope.users(on: req.db)
            let total = try await query.count()
            let rows = try await query.sort(\.$email).offset(pagination.offset).limit(pagination.perPage).all()
            return ListResponse(items: try await dtos(rows, req), page: pagination.page, perPage: pagination.perPage, total: total)
        }
        users.post { req -> Response in
            let scope = try req.scope
            try scope.require(.manageUsers)
            let input = try req.content.decode(Create.self)
            let role = try MemberRole.parse(input.memberRole ?? "", field: "memberRole")
            let org = try await UserAdministration.organizationForNewUser(input.organizationId, scope: scope, on: req.db)
            let user = try await req.application.vetted.accounts.createUser(
                email: input.email ?? "", name: input.name ?? "", password: input.password ?? "",
                organizationID: org, memberRole: role, actor: scope.actor, on: req.db)
            return try await dtos([user], req)[0].encodeResponse(status: .created, for: req)
        }
        users.get(":userID") { req -> UserDTO in
            let scope = try req.scope
            try scope.require(.manageUsers)
            return try await dtos([try await scope.user(try req.id(UserID.self, "userID"), on: req.db)], req)[0]
        }
        users.patch(":userID") { req -> UserDTO in
            let scope = try req.scope
            let id = try req.id(UserID.self, "userID")
            _ = try await scope.user(id, on: req.db)
            let user = try await UserAdministration.update(id, input: try req.content.decode(UserAdministration.Update.self), scope: scope, on: req.db)
            return try await dtos([user], req)[0]
        }
    }

    private func dtos(_ users: [UserModel], _ req: Request) async throws -> [UserDTO] {
        let memberships = try await MembershipModel.query(on: req.db).filter(\.$user.$id ~~ users.compactMap(\.id)).sort(\.$createdAt).all()
        let byUser = Dictionary(memberships.map { ($0.$user.id, $0) }, uniquingKeysWith: { first, _ in first })
        return users.map { UserDTO($0, membership: byUser[$0.id!]) }
    }
}

struct AuditEventsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit-events") { req -> ListResponse<AuditEventDTO> in
            let scope = try req.scope
            try scope.require(.viewAudit)
            let pagination = try Pagination(req, defaultPerPage: 50)
            let query = try AuditFilter(entityType: req.query[String.self, at: "entityType"] ?? "", actor: req.query[String.self, at: "actor"] ?? "",
                                        action: req.query[String.self, at: "action"] ?? "", entityId: req.query[String.self, at: "entityId"])
                .apply(to: scope.auditEvents(on: req.db))
            let total = try await query.count()
            let rows = try await query.sort(\.$occurredAt, .descending).offset(pagination.offset).limit(pagination.perPage).all()
            return ListResponse(items: rows.map(AuditEventDTO.init), page: pagination.page, perPage: pagination.perPage, total: total)
        }
    }
}
