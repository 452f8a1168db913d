import Fluent
import Vapor
import VettedDomain
import VettedStore

/// The first page after sign-in: counts and the latest roles in the caller's scope.
struct DashboardPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: show)
    }

    struct Context: Encodable {
        let layout: Layout
        let openRoles: Int
        let roles: Int
        let candidates: Int
        let applications: Int
        let recentRoles: [RoleRow]
    }

    func show(req: Request) async throws -> Response {
        let scope = try req.scope
        let recent = try await scope.roles(on: req.db).sort(\.$updatedAt, .descending).limit(8).all()
        let context = Context(
            layout: Layout(title: "Dashboard", request: req),
            openRoles: try await scope.roles(on: req.db).filter(\.$status == RoleStatus.open.rawValue).count(),
            roles: try await scope.roles(on: req.db).count(),
            candidates: try await scope.candidates(on: req.db).count(),
            applications: try await scope.applications(on: req.db).count(),
            recentRoles: recent.map(RoleRow.init))
        return try await req.page("dashboard", context)
    }
}

/// A role in a list.
struct RoleRow: Encodable {
    let id: String
    let title: String
    let category: String
    let seniority: String
    let status: String
    let timeZone: String

    init(_ role: RoleModel) {
        id = role.typedID.description
        title = role.title
        category = RoleCategory(rawValue: role.category)?.label ?? role.category
        seniority = Seniority(rawValue: role.seniority)?.label ?? role.seniority
        status = role.status
        timeZone = role.timeZone
    }
}
