import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// A role's pipeline as a kanban board: a column per stage, a move form on every card and
/// a bulk move over ticked cards. Plain forms, so it works without JavaScript.
struct PipelineBoard: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("roles", ":roleID", "board", use: show)
        routes.post("roles", ":roleID", "board", "move", use: bulkMove)
        routes.get("applications", ":applicationID", "history", use: history)
    }

    struct Column: Encodable {
        let key: String
        let name: String
        let required: Bool
        let cards: [Card]
        var size: Int { cards.count }

        enum CodingKeys: String, CodingKey { case key, name, required, cards, size }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            try c.encode(required, forKey: .required)
            try c.encode(cards, forKey: .cards)
            try c.encode(size, forKey: .size)
        }
    }

    struct Card: Encodable {
        let id: String
        let candidateId: String
        let candidateName: String
        let version: Int
        let daysInStage: Int
        let closedReason: String?
        /// Blind review hides who the candidate is from interviewers.
        let blind: Bool
    }

    struct BoardContext: Encodable {
        let layout: Layout
        let roleId: String
        let roleTitle: String
        let columns: [Column]
        let stages: [Option]
        let canMove: Bool
        let canEditStages: Bool
        let stageLines: String
        let templates: [Option]
    }

    func show(req: Request) async throws -> Response {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let applications = try await scope.applications(on: req.db).filter(\.$role.$id == role.id!).with(\.$candidate).sort(\.$stageEnteredAt).all()
        let pipeline = role.pipeline
        let now = Date()
        let blind = role.blindReview && !scope.allows(.manageApplications)
        func cards(_ key: String) -> [Card] {
            applications.filter { $0.stage == key }.map { a in
                Card(id: a.typedID.description, candidateId: a.$candidate.id.uuidString.lowercased(),
                     candidateName: blind ? ScorecardWrites.alias(a) : a.candidate.fullName,
                     version: a.version, daysInStage: Int(now.timeIntervalSince(a.stageEnteredAt) / 86_400), closedReason: a.closedReason, blind: blind)
            }
        }
        let columns = pipeline.stages.map { Column(key: $0.key, name: $0.name, required: $0.required, cards: cards($0.key)) }
            + [Column(key: Pipeline.closed, name: "Closed", required: false, cards: cards(Pipeline.closed))]
        return try await req.page("board", BoardContext(
            layout: Layout(title: "\(role.title) — pipeline", request: req), roleId: role.typedID.description, roleTitle: role.title,
            columns: columns, stages: Self.options(pipeline, selected: nil), canMove: scope.allows(.manageApplications),
            canEditStages: scope.allows(.editRoles), stageLines: pipeline.lines,
            templates: try await PipelineWrites.templates(scope: scope, on: req.db).map { Option(value: $0.id!.uuidString.lowercased(), label: $0.name, selected: false) }))
    }

    static func options(_ pipeline: Pipeline, selected: String?) -> [Option] {
        pipeline.stages.map { Option(value: $0.key, label: $0.name, selected: $0.key == selected) }
            + [Option(value: Pipeline.closed, label: "Closed", selected: selected == Pipeline.closed)]
    }

    struct BulkForm: Content {
        var applicationIds: [String]?
        var stage: String?
        var closedReason: String?
        var override: String?
    }

    func bulkMove(req: Request) async throws -> Response {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let form = try req.content.decode(BulkForm.self)
        var ids: [ApplicationID] = []
        for text in form.applicationIds ?? [] {
            guard let id = ApplicationID(string: text) else { throw DomainError.invalid(field: "applicationIds", message: "'\(text)' is not an application id") }
            ids.append(id)
        }
        let moved = try await ApplicationWrites.bulkMove(ids, to: form.stage ?? "", closedReason: form.closedReason, override: form.override, scope: scope, on: req.db)
        if moved.contains(where: { $0.$role.id != role.id! }) {
            throw DomainError.invalid(field: "applicationIds", message: "every candidate moved must be in this role's pipeline")
        }
        return req.redirect(to: "/roles/\(role.typedID)/board?notice=moved")
    }

    struct HistoryRow: Encodable {
        let at: String
        let from: String
        let to: String
        let by: String
        let reason: String?
        let override: String?
        let skipped: String
    }

    struct HistoryContext: Encodable {
        let layout: Layout
        let candidateName: String
        let roleId: String
        let rows: [HistoryRow]
    }

    func history(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let candidate = try await application.$candidate.get(on: req.db)
        let pipeline = try await application.$role.get(on: req.db).pipeline
        let rows = try await ApplicationWrites.history(application, on: req.db).map { e in
            HistoryRow(at: ISO8601DateFormatter().string(from: e.occurredAt), from: e.fromStage.map { pipeline.name(of: $0) } ?? "—", to: pipeline.name(of: e.toStage),
                       by: e.actorLabel, reason: e.reason, override: e.overrideReason,
                       skipped: e.skipped.split(separator: ",").map { pipeline.name(of: String($0)) }.joined(separator: ", "))
        }
        return try await req.page("stage-history", HistoryContext(layout: Layout(title: "Stage history", request: req), candidateName: candidate.fullName,
                                                                  roleId: application.$role.id.uuidString.lowercased(), rows: rows))
    }
}
