import Fluent
import Vapor
import VettedDomain
import VettedStore
import Taxonomy

struct RolesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let roles = routes.grouped("roles")
        roles.get(use: list)
        roles.post(use: create)
        roles.get(":roleID", use: show)
        roles.patch(":roleID", use: update)
        roles.delete(":roleID", use: delete)
        roles.get(":roleID", "checklist", use: checklist)
        roles.put(":roleID", "checklist", use: replaceChecklist)
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
        let input = try req.content.decode(RoleInput.self)
        let scope = try req.scope
        let role = try await req.db.transaction { tx in
            let role = try await RoleWrites.create(input, scope: scope, on: tx)
            try await RoleChecklist.saveGenerated(for: role, scope: scope, on: tx)
            return role
        }
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

    struct ChecklistDTO: Content {
        struct Item: Content { let skillId: String; let name: String; let reason: String }
        let mustHave: [Item]
        let niceToHave: [Item]
    }

    struct ChecklistInput: Content {
        var mustHave: [RoleChecklist.EditedItem]?
        var niceToHave: [RoleChecklist.EditedItem]?
    }

    func checklist(req: Request) async throws -> ChecklistDTO {
        let role = try await req.scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        return Self.dto(try await ChecklistWrites.current(of: role.typedID, on: req.db))
    }

    func replaceChecklist(req: Request) async throws -> ChecklistDTO {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let input = try req.content.decode(ChecklistInput.self)
        let lines = try RoleChecklist.validate(mustHave: input.mustHave ?? [], niceToHave: input.niceToHave ?? [])
        try await ChecklistWrites.replace(role.typedID, with: lines, scope: scope, on: req.db)
        return Self.dto(try await ChecklistWrites.current(of: role.typedID, on: req.db))
    }

    static func dto(_ lines: [ChecklistWrites.Line]) -> ChecklistDTO {
        func items(_ must: Bool) -> [ChecklistDTO.Item] {
            lines.filter { $0.mustHave == must }.map { .init(skillId: $0.skillId, name: Taxonomy.standard.skill($0.skillId)?.name ?? $0.skillId, reason: $0.reason) }
        }
        return ChecklistDTO(mustHave: items(true), niceToHave: items(false))
    }

    func delete(req: Request) async throws -> HTTPStatus {
        try await RoleWrites.delete(try req.id(RoleID.self, "roleID"), scope: try req.scope, on: req.db)
        return .noContent
    }
}
