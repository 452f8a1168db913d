import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// The paid trial over the API: start, check in, hand in, decide.
struct TrialsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "trial", use: show)
        routes.post("applications", ":applicationID", "trial", use: start)
        routes.post("trials", ":trialID", "checkins", use: checkIn)
        routes.post("trials", ":trialID", "deliverables", use: deliver)
        routes.post("trials", ":trialID", "decision", use: decide)
    }

    func show(req: Request) async throws -> TrialDTO {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        guard let trial = try await TrialWrites.current(application, on: req.db) else { throw DomainError.notFound(entity: "trial") }
        return try await TrialDTO.make(trial, on: req.db)
    }

    struct StartBody: Content {
        var task: String?
        var weeks: Int?
        var hourlyCents: Int?
        var hoursPerWeek: Int?
        var criteria: [String]?
        var startsOn: String?
    }

    func start(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let body = try req.content.decode(StartBody.self)
        let role = try await application.$role.get(on: req.db)
        // What the body leaves out comes from the draft the trial page proposes.
        let draft = TrialForm.prefilled(role: role, candidate: try await application.$candidate.get(on: req.db))
        let form = TrialForm(task: body.task ?? draft.task, weeks: body.weeks.map(String.init) ?? draft.weeks, hourlyCents: body.hourlyCents.map(String.init) ?? draft.hourlyCents,
                             hoursPerWeek: body.hoursPerWeek.map(String.init) ?? draft.hoursPerWeek,
                             criteria: body.criteria?.joined(separator: "\n") ?? draft.criteria, startsOn: body.startsOn ?? draft.startsOn)
        let trial = try await TrialWrites.start(application, terms: try form.terms(), currency: role.currency, scope: scope, on: req.db)
        return try await TrialDTO.make(trial, on: req.db).encodeResponse(status: .created, for: req)
    }

    func checkIn(req: Request) async throws -> TrialDTO {
        struct Body: Content { var hours: Int?; var note: String? }
        let scope = try req.scope
        let trial = try await scope.trial(try req.id(TrialID.self, "trialID"), on: req.db)
        let body = try req.content.decode(Body.self)
        guard let hours = body.hours else { throw DomainError.invalid(field: "hours", message: "hours is required: the hours worked since the last check-in") }
        try await TrialWrites.checkIn(trial, hours: hours, note: body.note ?? "", scope: scope, on: req.db)
        return try await TrialDTO.make(trial, on: req.db)
    }

    func deliver(req: Request) async throws -> TrialDTO {
        struct Body: Content { var title: String?; var link: String?; var note: String? }
        let scope = try req.scope
        let trial = try await scope.trial(try req.id(TrialID.self, "trialID"), on: req.db)
        let body = try req.content.decode(Body.self)
        try await TrialWrites.deliver(trial, title: body.title ?? "", link: body.link, note: body.note ?? "", scope: scope, on: req.db)
        return try await TrialDTO.make(trial, on: req.db)
    }

    func decide(req: Request) async throws -> TrialDTO {
        struct Body: Content { var decision: String?; var reason: String? }
        let scope = try req.scope
        let trial = try await scope.trial(try req.id(TrialID.self, "trialID"), on: req.db)
        let body = try req.content.decode(Body.self)
        try await TrialWrites.decide(trial, try TrialDecision.parse(body.decision ?? "", field: "decision"), reason: body.reason ?? "", scope: scope, on: req.db)
        return try await TrialDTO.make(trial, on: req.db)
    }
}

extension TrialTerms: Content {}
