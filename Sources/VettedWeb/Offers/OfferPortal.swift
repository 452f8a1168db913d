import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// The candidate's side of an offer: a private link, no account. The token is looked up by
/// its SHA-256; an expired, answered or withdrawn offer shows a page that says which.
struct OfferPortal: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let portal = routes.grouped("offer", ":token")
        portal.get(use: show)
        portal.post("accept", use: accept)
        portal.post("decline", use: decline)
    }

    struct Context: Encodable {
        let layout: Layout
        let token: String
        let roleTitle: String
        let organizationName: String
        let offer: OfferDTO
        let amount: String
        let channels: String
        let closed: String?
        let message: String?
    }

    private func lookup(_ req: Request) async throws -> OfferModel {
        let token = req.parameters.get("token") ?? ""
        guard token.count >= 20, token.count <= 100, let offer = try await OfferWrites.byToken(hash: Secrets.sha256(token), on: req.db) else {
            throw Abort(.notFound, reason: "This offer link is not valid. Check that you copied all of it.")
        }
        return offer
    }

    func show(req: Request) async throws -> Response {
        try await render(req, try await lookup(req), message: nil, status: .ok)
    }

    func accept(req: Request) async throws -> Response {
        let offer = try await lookup(req)
        do {
            _ = try await OfferWrites.accept(offer, on: req.db)
        } catch let error as DomainError {
            return try await render(req, offer, message: error.description, status: .conflict)
        }
        return try await render(req, offer, message: "Thank you: you accepted the offer. Your contact will be in touch about the start.", status: .ok)
    }

    func decline(req: Request) async throws -> Response {
        struct Form: Content { var reason: String? }
        let offer = try await lookup(req)
        do {
            try await OfferWrites.decline(offer, reason: try req.content.decode(Form.self).reason, on: req.db)
        } catch let error as DomainError {
            return try await render(req, offer, message: error.description, status: error.field == nil ? .conflict : .badRequest)
        }
        return try await render(req, offer, message: "You declined the offer. Thank you for letting us know.", status: .ok)
    }

    private func render(_ req: Request, _ offer: OfferModel, message: String?, status: HTTPResponseStatus) async throws -> Response {
        let application = try await offer.$application.get(on: req.db)
        let role = try await application.$role.get(on: req.db)
        let organization = try await OrganizationModel.find(offer.organizationID, on: req.db)
        let dto = try OfferDTO(offer, role: role)
        let currency = (try? CurrencyCode(dto.terms.currency)) ?? .usd
        let closed = OfferWrites.closedReason(offer, application: application)
        let csrf = CSRFProtection.linkToken(req)
        let response = try await req.page("offer-portal", Context(
            layout: Layout(title: "Your offer: \(role.title)", request: req, csrf: csrf), token: req.parameters.get("token") ?? "", roleTitle: role.title,
            organizationName: organization?.name ?? "", offer: dto,
            amount: Money(cents: Int64(dto.terms.amountCents), currency: currency).formatted + " " + dto.pricingLabel,
            channels: dto.terms.channels.joined(separator: ", "), closed: message == nil ? closed : nil, message: message), status: status)
        CSRFProtection.issueLinkCookie(csrf, path: "/offer", on: response, for: req)
        return response
    }
}
