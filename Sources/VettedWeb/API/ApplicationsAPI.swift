import Fluent
import Vapor
import VettedDomain
import VettedStore

struct ApplicationsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let applications = routes.grouped("applications")
        applications.get(use: list)
        applications.post(use: create)
        applications.get(":applicationID", use: show)
        applications.patch(":applicationID", use: update)
        applications.get(":applicationID", "stages", use: stages)
    }

    /// Every stage the application has been in, oldest first, with reasons and overrides.
    func stages(req: Request) async throws -> [StageEventDTO] {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        return try await ApplicationWrites.history(application, on: req.db).map(StageEventDTO.init)
    }

    func list(req: Request) async throws -> ListResponse<ApplicationDTO> {
        let scope = try req.scope
        let pagination = try Pagination(req)
        let query = scope.applications(on: req.db)
        if let text = req.query[String.self, at: "roleId"], !text.isEmpty {
            guard let id = RoleID(string: text) else { throw DomainError.invalid(field: "roleId", message: "roleId must be a UUID; got '\(text)'") }
            query.filter(\.$role.$id == id.rawValue)
        }
        // Stage keys are per role (templates), so any key filters; an unknown one finds nothing.
        if let stage = req.query[String.self, at: "stage"]?.trimmed.lowercased(), !stage.isEmpty { query.filter(\.$stage == stage) }
        let total = try await query.count()
        let rows = try await query.sort(\.$createdAt).sort(\.$id).offset(pagination.offset).limit(pagination.perPage).all()
        return ListResponse(items: rows.map(ApplicationDTO.init), page: pagination.page, perPage: pagination.perPage, total: total)
    }

    func create(req: Request) async throws -> Response {
        let application = try await ApplicationWrites.create(try req.content.decode(ApplicationWrites.Input.self), scope: try req.scope, on: req.db)
        return try await ApplicationDTO(application).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> ApplicationDTO {
        ApplicationDTO(try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db))
    }

    func update(req: Request) async throws -> ApplicationDTO {
        let scope = try req.scope
        let id = try req.id(ApplicationID.self, "applicationID")
        _ = try await scope.application(id, on: req.db)
        return ApplicationDTO(try await ApplicationWrites.update(id, with: try req.content.decode(ApplicationWrites.Input.self), scope: scope, on: req.db))
    }
}
