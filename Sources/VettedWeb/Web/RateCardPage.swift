import Fluent
import Planning
import Vapor
import VettedDomain
import VettedStore

/// The organization's rate card: bands in dollars, multipliers as decimals, and its history.
struct RateCardPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("rate-card", use: show)
        routes.post("rate-card", use: save)
    }

    struct Form: Content {
        var juniorLow, juniorHigh, midLow, midHigh, seniorLow, seniorHigh: String?
        var expectedAIML, expectedDataScience, expectedBackend: String?
        var complexityBasic, complexityComplex, modelFreelancer, modelProject, modelInHouse, inHouseOverhead: String?
        var recruitingFee, weeksToHire, version: String?

        init(_ s: RateCardSettings, version: Int) {
            func dollars(_ cents: Int) -> String { FormParsing.dollars(cents) }
            func factor(_ perMille: Int) -> String { String(format: "%.2f", Double(perMille) / 1000) }
            juniorLow = dollars(s.junior.lowCents); juniorHigh = dollars(s.junior.highCents)
            midLow = dollars(s.mid.lowCents); midHigh = dollars(s.mid.highCents)
            seniorLow = dollars(s.senior.lowCents); seniorHigh = dollars(s.senior.highCents)
            expectedAIML = String(s.expectedAIML / 10); expectedDataScience = String(s.expectedDataScience / 10); expectedBackend = String(s.expectedBackend / 10)
            complexityBasic = factor(s.complexityBasic); complexityComplex = factor(s.complexityComplex)
            modelFreelancer = factor(s.modelFreelancer); modelProject = factor(s.modelProject); modelInHouse = factor(s.modelInHouse)
            inHouseOverhead = factor(s.inHouseOverhead); recruitingFee = String(s.recruitingFee / 10); weeksToHire = String(s.weeksToHire)
            self.version = String(version)
        }

        func settings(failure: inout ValidationFailure) -> RateCardSettings {
            func cents(_ t: String?, _ f: String) -> Int { FormParsing.cents(t, field: f, failure: &failure) ?? 0 }
            func perMille(_ t: String?, _ f: String) -> Int {
                guard let v = Double((t ?? "").trimmingCharacters(in: .whitespaces)), v.isFinite else {
                    failure.add(field: f, "\(f) must be a number such as 1.10; got '\(t ?? "")'")
                    return 0
                }
                return Int((v * 1000).rounded())
            }
            func percent(_ t: String?, _ f: String) -> Int {
                guard let v = Int((t ?? "").trimmingCharacters(in: .whitespaces)) else {
                    failure.add(field: f, "\(f) must be a whole percentage; got '\(t ?? "")'")
                    return 0
                }
                return v * 10
            }
            return RateCardSettings(
                junior: .init(lowCents: cents(juniorLow, "junior.lowCents"), highCents: cents(juniorHigh, "junior.highCents")),
                mid: .init(lowCents: cents(midLow, "mid.lowCents"), highCents: cents(midHigh, "mid.highCents")),
                senior: .init(lowCents: cents(seniorLow, "senior.lowCents"), highCents: cents(seniorHigh, "senior.highCents")),
                expectedAIML: percent(expectedAIML, "expectedAIML"), expectedDataScience: percent(expectedDataScience, "expectedDataScience"),
                expectedBackend: percent(expectedBackend, "expectedBackend"),
                complexityBasic: perMille(complexityBasic, "complexityBasic"), complexityComplex: perMille(complexityComplex, "complexityComplex"),
                modelFreelancer: perMille(modelFreelancer, "modelFreelancer"), modelProject: perMille(modelProject, "modelProject"),
                modelInHouse: perMille(modelInHouse, "modelInHouse"), inHouseOverhead: perMille(inHouseOverhead, "inHouseOverhead"),
                recruitingFee: percent(recruitingFee, "recruitingFee"),
                weeksToHire: FormParsing.integer(weeksToHire, field: "weeksToHire", failure: &failure) ?? 0)
        }
    }

    struct Context: Encodable {
        let layout: Layout
        let form: Form
        let errors: [String]
        let canEdit: Bool
        let history: [Version]
        struct Version: Encodable { let version: Int; let savedBy: String; let savedAt: String }
    }

    func show(req: Request) async throws -> Response {
        let scope = try req.scope
        let (settings, version) = try await OrganizationRateCard.current(scope.organizationID, on: req.db)
        return try await render(req, form: Form(settings, version: version), errors: [], status: .ok)
    }

    func save(req: Request) async throws -> Response {
        let scope = try req.scope
        let form = try req.content.decode(Form.self)
        var failure = ValidationFailure()
        let settings = form.settings(failure: &failure)
        do {
            try failure.throwIfAny { () throws(ValidationFailure) in try settings.validate() }
            _ = try await OrganizationRateCard.save(settings, expectedVersion: form.version.flatMap { Int($0) }, scope: scope, on: req.db)
            return req.redirect(to: "/rate-card?notice=saved")
        } catch let problem as ValidationFailure {
            return try await render(req, form: form, errors: problem.issues.map(\.message), status: .badRequest)
        } catch let problem as DomainError {
            if case .forbidden = problem { throw problem }
            return try await render(req, form: form, errors: [problem.description], status: problem.field == "version" ? .conflict : .badRequest)
        }
    }

    private func render(_ req: Request, form: Form, errors: [String], status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let history = try await RateCardWrites.history(scope.organizationID, on: req.db).map {
            Context.Version(version: $0.version, savedBy: $0.savedBy, savedAt: $0.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? "")
        }
        return try await req.page("rate-card", Context(layout: Layout(title: "Rate card", request: req), form: form, errors: errors,
                                                       canEdit: scope.isAdmin, history: history), status: status)
    }
}
