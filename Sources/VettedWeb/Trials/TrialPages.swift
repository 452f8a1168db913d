import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// The paid trial page of an application: start it, log check-ins and deliverables, see
/// its cost, and decide (after the Paid trial scorecard) to convert or close.
struct TrialPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "trial", use: show)
        routes.post("applications", ":applicationID", "trial", use: start)
        routes.post("trials", ":trialID", "checkins", use: checkIn)
        routes.post("trials", ":trialID", "deliverables", use: deliver)
        routes.post("trials", ":trialID", "decision", use: decide)
    }

    struct Context: Encodable {
        let layout: Layout
        let applicationId: String
        let candidateName: String
        let roleTitle: String
        let stage: String
        let atTrial: Bool
        let trial: TrialDTO?
        let logged: String
        let planned: String
        let budget: String?
        let form: TrialForm
        let canManage: Bool
        let error: String?
    }

    func show(req: Request) async throws -> Response {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        return try await render(req, application, form: nil, error: nil, status: .ok)
    }

    func start(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let form = try req.content.decode(TrialForm.self)
        do {
            let role = try await application.$role.get(on: req.db)
            _ = try await TrialWrites.start(application, terms: try form.terms(), currency: role.currency, scope: scope, on: req.db)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await render(req, application, form: form, error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/applications/\(application.typedID)/trial?notice=saved")
    }

    func checkIn(req: Request) async throws -> Response {
        struct Form: Content { var hours: String?; var note: String? }
        return try await change(req) { trial, scope in
            let form = try req.content.decode(Form.self)
            let text = form.hours?.trimmed ?? ""
            guard let hours = Int(text) else { throw DomainError.invalid(field: "hours", message: "hours must be a whole number; got '\(text)'") }
            try await TrialWrites.checkIn(trial, hours: hours, note: form.note ?? "", scope: scope, on: req.db)
        }
    }

    func deliver(req: Request) async throws -> Response {
        struct Form: Content { var title: String?; var link: String?; var note: String? }
        return try await change(req) { trial, scope in
            let form = try req.content.decode(Form.self)
            try await TrialWrites.deliver(trial, title: form.title ?? "", link: form.link, note: form.note ?? "", scope: scope, on: req.db)
        }
    }

    func decide(req: Request) async throws -> Response {
        struct Form: Content { var decision: String?; var reason: String? }
        return try await change(req) { trial, scope in
            let form = try req.content.decode(Form.self)
            try await TrialWrites.decide(trial, try TrialDecision.parse(form.decision ?? "", field: "decision"), reason: form.reason ?? "", scope: scope, on: req.db)
        }
    }

    /// Runs a change to a trial; invalid input comes back on the page with the error.
    private func change(_ req: Request, _ body: (TrialModel, TenantScope) async throws -> Void) async throws -> Response {
        let scope = try req.scope
        let trial = try await scope.trial(try req.id(TrialID.self, "trialID"), on: req.db)
        let application = try await trial.$application.get(on: req.db)
        do {
            try await body(trial, scope)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await render(req, application, form: nil, error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/applications/\(application.typedID)/trial?notice=saved")
    }

    private func render(_ req: Request, _ application: ApplicationModel, form: TrialForm?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let role = try await application.$role.get(on: req.db)
        let candidate = try await application.$candidate.get(on: req.db)
        let trial = try await TrialWrites.current(application, on: req.db)
        var dto: TrialDTO?
        if let trial { dto = try await TrialDTO.make(trial, on: req.db) }
        let currency = (try? CurrencyCode(dto?.currency ?? role.currency)) ?? .usd
        func money(_ cents: Int) -> String { Money(cents: Int64(cents), currency: currency).formatted }
        return try await req.page("trial", Context(
            layout: Layout(title: "Paid trial — \(candidate.fullName)", request: req), applicationId: application.typedID.description,
            candidateName: role.blindReview && !scope.allows(.manageApplications) ? ScorecardWrites.alias(application) : candidate.fullName,
            roleTitle: role.title, stage: role.pipeline.name(of: application.stage), atTrial: application.stage == Pipeline.paidTrial,
            trial: dto, logged: money(dto?.loggedCents ?? 0), planned: money(dto?.plannedCents ?? 0), budget: dto?.budgetCents.map(money),
            form: form ?? TrialForm.prefilled(role: role, candidate: candidate), canManage: scope.allows(.manageApplications), error: error), status: status)
    }
}
