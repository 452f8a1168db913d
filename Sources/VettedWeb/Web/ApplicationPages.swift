import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Form posts that put a candidate in a pipeline and move them between stages.
struct ApplicationPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("applications", use: create)
        routes.post("applications", ":applicationID", "stage", use: move)
    }

    struct CreateForm: Content {
        var roleId: String?
        var candidateId: String?
        /// "shortlist" to come back to the role's shortlist.
        var next: String?
    }

    struct MoveForm: Content {
        var stage: String?
        var closedReason: String?
        var override: String?
        var version: String?
        /// "board" to come back to the role's board.
        var next: String?
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(CreateForm.self)
        let application = try await ApplicationWrites.create(.init(candidateId: form.candidateId, roleId: form.roleId), scope: try req.scope, on: req.db)
        let role = application.$role.id.uuidString.lowercased()
        return req.redirect(to: form.next == "shortlist" ? "/roles/\(role)/shortlist?notice=added" : "/roles/\(role)?notice=added")
    }

    func move(req: Request) async throws -> Response {
        let scope = try req.scope
        let id = try req.id(ApplicationID.self, "applicationID")
        let application = try await scope.application(id, on: req.db)
        let form = try req.content.decode(MoveForm.self)
        _ = try await ApplicationWrites.update(id, with: .init(stage: form.stage, closedReason: form.closedReason, override: form.override, version: form.version.flatMap { Int($0) }),
                                               scope: scope, on: req.db)
        let role = application.$role.id.uuidString.lowercased()
        return req.redirect(to: form.next == "board" ? "/roles/\(role)/board?notice=moved" : "/roles/\(role)?notice=moved")
    }
}
