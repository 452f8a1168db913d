import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Editing pipelines: the organization's templates, and a role's own stages (typed, or
/// copied from a template). One stage per line: `key | Name`, `| optional` to allow skipping.
struct PipelinePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pipelines", use: templates)
        routes.post("pipelines", use: saveTemplate)
        routes.post("roles", ":roleID", "pipeline", use: setRolePipeline)
    }

    struct TemplateRow: Encodable {
        let id: String
        let name: String
        let stages: String
        let updatedBy: String
    }

    struct Context: Encodable {
        let layout: Layout
        let templates: [TemplateRow]
        let standard: String
        let name: String
        let stages: String
        let error: String?
        let canEdit: Bool
    }

    func templates(req: Request) async throws -> Response {
        try await render(req, name: "", stages: Pipeline.standard.lines, error: nil, status: .ok)
    }

    func saveTemplate(req: Request) async throws -> Response {
        struct Form: Content { var name: String?; var stages: String? }
        let form = try req.content.decode(Form.self)
        do {
            try await PipelineWrites.saveTemplate(name: form.name ?? "", lines: form.stages ?? "", scope: try req.scope, on: req.db)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await render(req, name: form.name ?? "", stages: form.stages ?? "", error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/pipelines?notice=saved")
    }

    private func render(_ req: Request, name: String, stages: String, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let rows = try await PipelineWrites.templates(scope: scope, on: req.db).map {
            TemplateRow(id: $0.id!.uuidString.lowercased(), name: $0.name, stages: $0.stages, updatedBy: $0.updatedBy)
        }
        return try await req.page("pipelines", Context(layout: Layout(title: "Pipeline templates", request: req), templates: rows,
                                                      standard: Pipeline.standard.lines, name: name, stages: stages, error: error,
                                                      canEdit: scope.allows(.editRoles)), status: status)
    }

    /// Sets the role's stages from the typed lines, or from a template when one is chosen.
    func setRolePipeline(req: Request) async throws -> Response {
        struct Form: Content { var stages: String?; var templateId: String? }
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let form = try req.content.decode(Form.self)
        var lines = form.stages
        if let text = form.templateId?.trimmed, !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw DomainError.invalid(field: "templateId", message: "'\(text)' is not a template id") }
            lines = try await PipelineWrites.template(id, scope: scope, on: req.db).stages
        }
        try await PipelineWrites.setRolePipeline(role, lines: lines, scope: scope, on: req.db)
        return req.redirect(to: "/roles/\(role.typedID)/board?notice=saved")
    }
}
