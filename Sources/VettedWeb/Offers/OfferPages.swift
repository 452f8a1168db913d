import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Members' side of offers: draft one from the candidate's rate and the role's terms, a
/// second member approves it (and sees the candidate's link once), or it is withdrawn.
struct OfferPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "offers", use: list)
        routes.post("applications", ":applicationID", "offers", use: draft)
        routes.post("offers", ":offerID", "approve", use: approve)
        routes.post("offers", ":offerID", "withdraw", use: withdraw)
    }

    struct Row: Encodable {
        let offer: OfferDTO
        let amount: String
        let monthly: String
        let budget: String?
        let channels: String
        let expires: String?
        let canApprove: Bool
        let canWithdraw: Bool
    }

    struct Context: Encodable {
        let layout: Layout
        let applicationId: String
        let candidateName: String
        let roleTitle: String
        let roleId: String
        let stage: String
        let atOffer: Bool
        let rows: [Row]
        let form: OfferForm
        let pricings: [Option]
        let canDraft: Bool
        let error: String?
        let engagement: String?
    }

    func list(req: Request) async throws -> Response {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        return try await render(req, application, form: nil, error: nil, status: .ok)
    }

    func draft(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let form = try req.content.decode(OfferForm.self)
        do {
            _ = try await OfferWrites.draft(application, terms: try form.terms(), scope: scope, on: req.db)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await render(req, application, form: form, error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/applications/\(application.typedID)/offers?notice=saved")
    }

    func approve(req: Request) async throws -> Response {
        struct Form: Content { var validDays: String? }
        let scope = try req.scope
        let offer = try await scope.offer(try req.id(OfferID.self, "offerID"), on: req.db)
        let form = try req.content.decode(Form.self)
        var days: Int?
        if let text = form.validDays?.trimmed, !text.isEmpty {
            guard let value = Int(text) else { throw DomainError.invalid(field: "validDays", message: "validDays must be a whole number of days; got '\(text)'") }
            days = value
        }
        let link = try await OfferLinks.approve(req, offer, validDays: days)
        let application = try await offer.$application.get(on: req.db)
        let candidate = try await application.$candidate.get(on: req.db)
        struct Approved: Encodable {
            let layout: Layout
            let candidateName: String
            let link: String
            let expires: String
            let applicationId: String
        }
        return try await req.page("offer-approved", Approved(
            layout: Layout(title: "Offer approved", request: req), candidateName: candidate.fullName, link: link,
            expires: offer.expiresAt.map { ISO8601DateFormatter().string(from: $0) } ?? "", applicationId: application.typedID.description))
    }

    func withdraw(req: Request) async throws -> Response {
        let scope = try req.scope
        let offer = try await scope.offer(try req.id(OfferID.self, "offerID"), on: req.db)
        try await OfferWrites.withdraw(offer, scope: scope, on: req.db)
        return req.redirect(to: "/applications/\(offer.$application.id.uuidString.lowercased())/offers?notice=saved")
    }

    private func render(_ req: Request, _ application: ApplicationModel, form: OfferForm?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let role = try await application.$role.get(on: req.db)
        let candidate = try await application.$candidate.get(on: req.db)
        let canManage = scope.allows(.manageApplications)
        let rows = try await OfferWrites.all(of: application, scope: scope, on: req.db).reversed().map { model in
            let offer = try OfferDTO(model, role: role)
            let currency = (try? CurrencyCode(offer.terms.currency)) ?? .usd
            return Row(offer: offer, amount: Money(cents: Int64(offer.terms.amountCents), currency: currency).formatted + " " + offer.pricingLabel,
                       monthly: Money(cents: Int64(offer.monthlyCents), currency: currency).formatted,
                       budget: offer.budgetMonthlyCents.map { Money(cents: Int64($0), currency: currency).formatted },
                       channels: offer.terms.channels.joined(separator: ", "),
                       expires: offer.expiresAt.map { ISO8601DateFormatter().string(from: $0) },
                       canApprove: canManage && offer.status == OfferModel.Status.awaitingApproval.rawValue && model.createdByID != scope.userID.rawValue,
                       canWithdraw: canManage && [OfferModel.Status.awaitingApproval.rawValue, OfferModel.Status.sent.rawValue].contains(offer.status))
        }
        let engagement = try await scope.engagements(on: req.db).filter(\.$applicationID == application.id!).first()
        let chosen = form ?? OfferForm.prefilled(role: role, candidate: candidate)
        return try await req.page("offers", Context(
            layout: Layout(title: "Offers — \(candidate.fullName)", request: req), applicationId: application.typedID.description,
            candidateName: candidate.fullName, roleTitle: role.title, roleId: role.typedID.description,
            stage: role.pipeline.name(of: application.stage), atOffer: application.stage == Pipeline.offer, rows: rows, form: chosen,
            pricings: Option.list(OfferTerms.Pricing.self, selected: chosen.pricing), canDraft: canManage, error: error,
            engagement: engagement.map { "Engaged from \($0.startsOn) (\($0.status))" }), status: status)
    }
}
