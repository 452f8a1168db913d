import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Pipelines over the API: the organization's templates and a role's stages.
struct PipelinesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("pipeline-templates", use: templates)
        routes.post("pipeline-templates", use: saveTemplate)
        routes.get("roles", ":roleID", "pipeline", use: rolePipeline)
        routes.put("roles", ":roleID", "pipeline", use: setRolePipeline)
    }

    struct TemplateDTO: Content {
        let id: String
        let name: String
        let stages: [PipelineStage]
        let updatedBy: String
        let updatedAt: Date
    }

    struct Body: Content {
        var name: String?
        var stages: [PipelineStage]?
    }

    func templates(req: Request) async throws -> [TemplateDTO] {
        try await PipelineWrites.templates(scope: try req.scope, on: req.db).map(Self.dto)
    }

    func saveTemplate(req: Request) async throws -> Response {
        let body = try req.content.decode(Body.self)
        let row = try await PipelineWrites.saveTemplate(name: body.name ?? "", lines: try Self.lines(body.stages), scope: try req.scope, on: req.db)
        return try await Self.dto(row).encodeResponse(status: .created, for: req)
    }

    func rolePipeline(req: Request) async throws -> Pipeline {
        try await req.scope.role(try req.id(RoleID.self, "roleID"), on: req.db).pipeline
    }

    func setRolePipeline(req: Request) async throws -> Pipeline {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        try await PipelineWrites.setRolePipeline(role, lines: try Self.lines(try req.content.decode(Body.self).stages), scope: scope, on: req.db)
        return role.pipeline
    }

    /// JSON stages through the same parser and checks as the editor's lines.
    static func lines(_ stages: [PipelineStage]?) throws -> String {
        guard let stages, !stages.isEmpty else { throw DomainError.invalid(field: "stages", message: "stages is required: a list of {key, name, required}") }
        if let bad = stages.first(where: { $0.name.contains("|") || $0.key.contains("|") || $0.name.contains("\n") }) {
            throw DomainError.invalid(field: "stages", message: "stage '\(bad.key)': keys and names cannot contain '|' or line breaks")
        }
        return try Pipeline(stages: stages).lines
    }

    static func dto(_ row: PipelineTemplateModel) throws -> TemplateDTO {
        TemplateDTO(id: row.id!.uuidString.lowercased(), name: row.name, stages: try Pipeline(lines: row.stages).stages, updatedBy: row.updatedBy, updatedAt: row.updatedAt)
    }
}

extension Pipeline: Content {}
extension PipelineStage: Content {}
