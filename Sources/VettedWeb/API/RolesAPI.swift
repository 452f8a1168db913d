import Fluent
import Vapor
import VettedDomain
import VettedStore

struct RolesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let roles = routes.grouped("roles")
        roles.get(use: list)
        roles.post(use: create)
        roles.get(":roleID", use: show)
        roles.patch(":roleID", use: update)
        roles.delete(":roleID", use: delete)
    }

    func list(req: Request) async throws -> ListResponse<RoleDTO> {
        let scope = try req.scope
        let pagination = try Pagination(req)
        let query = scope.roles(on: req.db)
        if let status = req.query[String.self, at: "status"], !status.isEmpty { query.filter(\.$status == (try RoleStatus.parse(status, field: "status")).rawValue) }
        if let category = req.query[String.self, at: "category"], !category.isEmpty { query.filter(\.$category == (try RoleCategory.parse(category, field: "category")).rawValue) }
        let total = try await query.count()
        let roles = try await query.sort(\.$createdAt).sort(\.$id).offset(pagination.offset).limit(pagination.perPage).all()
        return ListResponse(items: roles.map(RoleDTO.init), page: pagination.page, perPage: pagination.perPage, total: total)
    }

    func create(req: Request) async throws -> Response {
        let role = try await RoleWrites.create(try req.content.decode(RoleInput.self), scope: try req.scope, on: req.db)
        return try await RoleDTO(role).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> RoleDTO {
        RoleDTO(try await req.scope.role(try req.id(RoleID.self, "roleID"), on: req.db))
    }

    func update(req: Request) async throws -> RoleDTO {
        let scope = try req.scope
        let id = try req.id(RoleID.self, "roleID")
        _ = try await scope.role(id, on: req.db)
        return RoleDTO(try await RoleWrites.update(id, with: try req.content.decode(RoleInput.self), scope: scope, on: req.db))
    }

    func delete(req: Request) async throws -> HTTPStatus {
        try await RoleWrites.delete(try req.id(RoleID.self, "roleID"), scope: try req.scope, on: req.db)
        return .noContent
    }
}
