import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Scorecards over the API: the kit of a stage, submitting, the panel as the caller may
/// see it (independence applies here exactly as on the pages) and reviewer calibration.
struct ScorecardsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let application = routes.grouped("applications", ":applicationID")
        application.get("kits", ":stage", use: kit)
        application.get("scorecards", use: panel)
        application.post("scorecards", use: submit)
        application.post("scorecards", ":stage", "reveal", use: reveal)
        routes.get("calibration", use: calibration)
    }

    func kit(req: Request) async throws -> InterviewKit {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        return try await ScorecardKits.kit(for: application, stage: req.parameters.get("stage") ?? "", on: req.db)
    }

    func panel(req: Request) async throws -> ScorecardKits.Panel {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        return try await ScorecardKits.panel(application, scope: scope, on: req.db)
    }

    struct SubmitBody: Content {
        var stage: String?
        var recommendation: String?
        /// Competency key → 1…4.
        var ratings: [String: Int]?
        /// Competency key → what the candidate said or did.
        var evidence: [String: String]?
        var notes: String?
    }

    func submit(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let body = try req.content.decode(SubmitBody.self)
        guard let stage = body.stage?.trimmed, !stage.isEmpty else { throw DomainError.invalid(field: "stage", message: "stage is required: the stage this scorecard is for") }
        let kit = try await ScorecardKits.kit(for: application, stage: stage, on: req.db)
        let raw = ScorecardValidator.Raw(ratings: (body.ratings ?? [:]).mapValues(String.init), evidence: body.evidence ?? [:],
                                         recommendation: body.recommendation, notes: body.notes ?? "")
        let card = try await ScorecardWrites.submit(application, kit: kit, raw: raw, scope: scope, on: req.db)
        return try await ScorecardDTO(card).encodeResponse(status: .created, for: req)
    }

    func reveal(req: Request) async throws -> ScorecardKits.Panel {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let kit = try await ScorecardKits.kit(for: application, stage: req.parameters.get("stage") ?? "", on: req.db)
        try await ScorecardWrites.reveal(application, stage: kit.stage, scope: scope, on: req.db)
        return try await ScorecardKits.panel(application, scope: scope, on: req.db)
    }

    func calibration(req: Request) async throws -> [Calibration.Reviewer] {
        try await ScorecardWrites.calibration(scope: try req.scope, on: req.db)
    }
}

extension InterviewKit: Content {}
extension Calibration.Reviewer: Content {}
