import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Scorecard pages: the panel of an application (who said what, the decision), the kit
/// form for one stage, revealing scores without scoring, blind review per role, and the
/// calibration of reviewers for admins.
struct ScorecardPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "scorecards", use: panel)
        routes.get("applications", ":applicationID", "scorecards", ":stage", use: form)
        routes.post("applications", ":applicationID", "scorecards", ":stage", use: submit)
        routes.post("applications", ":applicationID", "scorecards", ":stage", "reveal", use: reveal)
        routes.post("roles", ":roleID", "blind", use: blind)
        routes.get("calibration", use: calibration)
    }

    /// What the reviewer sees of the candidate: everything but who they are when the role
    /// is blind, and always the evidence (skills with their source, assessment results).
    struct Subject: Encodable {
        let name: String
        let candidateId: String?
        let location: String?
        let rate: String?
        let headline: String
        let roleTitle: String
        let roleId: String
        let stage: String
        let blind: Bool
        let skills: [CandidatePages.SkillRow]
        let assessments: [AssessmentLinks.Summary]
    }

    static func subject(_ req: Request, _ application: ApplicationModel) async throws -> Subject {
        let role = try await application.$role.get(on: req.db)
        let candidate = try await application.$candidate.get(on: req.db)
        let blind = role.blindReview
        let skills = try await CandidateWrites.currentSkills(of: candidate.id!, on: req.db)
            .sorted { ($0.evidence.strength, $0.level) > ($1.evidence.strength, $1.level) }
            .map { CandidatePages.SkillRow(skillId: $0.skillID, level: $0.level, evidence: $0.evidence.rawValue, strength: $0.evidence.strengthLabel, detail: $0.detail) }
        return Subject(name: blind ? ScorecardWrites.alias(application) : candidate.fullName,
                       candidateId: blind ? nil : candidate.typedID.description,
                       location: blind ? nil : [candidate.country, candidate.timeZone].compactMap { $0 }.joined(separator: " · "),
                       rate: blind ? nil : CandidateView.rate(candidate), headline: candidate.headline ?? "",
                       roleTitle: role.title, roleId: role.typedID.description, stage: role.pipeline.name(of: application.stage), blind: blind,
                       skills: skills, assessments: try await AssessmentLinks.summaries(req, candidateID: candidate.id!))
    }

    struct PanelContext: Encodable {
        let layout: Layout
        let applicationId: String
        let subject: Subject
        let panel: ScorecardKits.Panel
        let canDecide: Bool
        let canSetBlind: Bool
    }

    func panel(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let subject = try await Self.subject(req, application)
        return try await req.page("scorecards", PanelContext(
            layout: Layout(title: "Scorecards — \(subject.name)", request: req), applicationId: application.typedID.description, subject: subject,
            panel: try await ScorecardKits.panel(application, scope: scope, on: req.db),
            canDecide: scope.allows(.manageApplications), canSetBlind: scope.allows(.editRoles)))
    }

    struct CompetencyRow: Encodable {
        let key: String
        let name: String
        let group: String
        let probe: String
        let questions: [String]
        let ratings: [Option]
        let evidence: String
        let error: String?
    }

    struct FormContext: Encodable {
        let layout: Layout
        let applicationId: String
        let stage: String
        let stageName: String
        let subject: Subject
        let competencies: [CompetencyRow]
        let recommendations: [Option]
        let notes: String
        let error: String?
        let recommendationError: String?
    }

    struct SubmitForm: Content {
        var ratings: [String: String]?
        var evidence: [String: String]?
        var recommendation: String?
        var notes: String?
    }

    func form(req: Request) async throws -> Response {
        try await renderForm(req, raw: nil, error: nil, status: .ok)
    }

    func submit(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let kit = try await ScorecardKits.kit(for: application, stage: req.parameters.get("stage") ?? "", on: req.db)
        let form = try req.content.decode(SubmitForm.self)
        let raw = ScorecardValidator.Raw(ratings: form.ratings ?? [:], evidence: form.evidence ?? [:], recommendation: form.recommendation, notes: form.notes ?? "")
        do {
            _ = try await ScorecardWrites.submit(application, kit: kit, raw: raw, scope: scope, on: req.db)
        } catch let error as DomainError {
            // Invalid input comes back on the form with everything typed kept.
            guard case .invalid = error else { throw error }
            return try await renderForm(req, raw: raw, error: error, status: .badRequest)
        }
        return req.redirect(to: "/applications/\(application.typedID)/scorecards?notice=scored")
    }

    private func renderForm(_ req: Request, raw: ScorecardValidator.Raw?, error: DomainError?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let kit = try await ScorecardKits.kit(for: application, stage: req.parameters.get("stage") ?? "", on: req.db)
        let subject = try await Self.subject(req, application)
        let field = error?.field ?? ""
        let rows = kit.competencies.map { c in
            let chosen = raw?.ratings[c.key]
            let fieldError = field == "ratings.\(c.key)" || field == "evidence.\(c.key)" ? error?.description : nil
            return CompetencyRow(key: c.key, name: c.name, group: c.group, probe: c.probe, questions: c.questions,
                                 ratings: Rating.allCases.map { Option(value: String($0.rawValue), label: $0.label, selected: chosen == String($0.rawValue)) },
                                 evidence: raw?.evidence[c.key] ?? "", error: fieldError)
        }
        return try await req.page("scorecard-form", FormContext(
            layout: Layout(title: "\(kit.stageName) scorecard — \(subject.name)", request: req), applicationId: application.typedID.description,
            stage: kit.stage, stageName: kit.stageName, subject: subject, competencies: rows,
            recommendations: Option.list(Recommendation.self, selected: raw?.recommendation), notes: raw?.notes ?? "",
            error: error?.description, recommendationError: field == "recommendation" ? error?.description : nil), status: status)
    }

    func reveal(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let kit = try await ScorecardKits.kit(for: application, stage: req.parameters.get("stage") ?? "", on: req.db)
        try await ScorecardWrites.reveal(application, stage: kit.stage, scope: scope, on: req.db)
        return req.redirect(to: "/applications/\(application.typedID)/scorecards#stage-\(kit.stage)")
    }

    func blind(req: Request) async throws -> Response {
        struct Form: Content { var blind: String? }
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let on = try req.content.decode(Form.self).blind == "on"
        try await ScorecardWrites.setBlindReview(role, on, scope: scope, on: req.db)
        return req.redirect(to: "/roles/\(role.typedID)/board?notice=saved")
    }

    struct CalibrationContext: Encodable {
        struct Row: Encodable {
            let reviewer: String
            let scorecards: Int
            let shared: Int
            let leniency: String
            let agreement: String
        }
        let layout: Layout
        let rows: [Row]
    }

    func calibration(req: Request) async throws -> Response {
        let rows = try await ScorecardWrites.calibration(scope: try req.scope, on: req.db).map { r in
            CalibrationContext.Row(reviewer: r.reviewer, scorecards: r.scorecards, shared: r.shared,
                                   leniency: r.leniency.map { String(format: "%+.2f", $0) } ?? "—",
                                   agreement: r.agreementRate.map { "\(Int(($0 * 100).rounded())) %" } ?? "—")
        }
        return try await req.page("calibration", CalibrationContext(layout: Layout(title: "Reviewer calibration", request: req), rows: rows))
    }
}
