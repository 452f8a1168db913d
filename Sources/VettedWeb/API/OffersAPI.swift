import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Offers over the API: draft, approve by a second member (the response holds the
/// candidate's link, once), withdraw; engagements recorded from accepted offers.
struct OffersAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "offers", use: list)
        routes.post("applications", ":applicationID", "offers", use: draft)
        routes.post("offers", ":offerID", "approve", use: approve)
        routes.post("offers", ":offerID", "withdraw", use: withdraw)
        routes.get("engagements", use: engagements)
    }

    func list(req: Request) async throws -> [OfferDTO] {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let role = try await application.$role.get(on: req.db)
        return try await OfferWrites.all(of: application, scope: scope, on: req.db).map { try OfferDTO($0, role: role) }
    }

    /// The terms as JSON numbers and strings; the same checks as the form.
    struct DraftBody: Content {
        var pricing: String?
        var amountCents: Int?
        var currency: String?
        var hoursPerWeek: Int?
        var workingHours: String?
        var overlapHours: Double?
        var channels: [String]?
        var reportsTo: String?
        var startsOn: String?
    }

    func draft(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let body = try req.content.decode(DraftBody.self)
        // What the body leaves out comes from the terms the offer page proposes (the
        // candidate's rate, the role's hours, window, overlap and start date).
        // A monthly price is never guessed from the hourly rate on file.
        let role = try await application.$role.get(on: req.db)
        let draft = OfferForm.prefilled(role: role, candidate: try await application.$candidate.get(on: req.db))
        let pricing = body.pricing ?? draft.pricing
        let proposedAmount = pricing?.trimmed.lowercased() == draft.pricing ? draft.amountCents : nil
        let form = OfferForm(pricing: pricing, amountCents: body.amountCents.map(String.init) ?? proposedAmount, currency: body.currency ?? draft.currency,
                             hoursPerWeek: body.hoursPerWeek.map(String.init) ?? draft.hoursPerWeek, workingHours: body.workingHours ?? draft.workingHours,
                             overlapHours: body.overlapHours.map { String($0) } ?? draft.overlapHours, channels: body.channels?.joined(separator: ",") ?? draft.channels,
                             reportsTo: body.reportsTo ?? draft.reportsTo, startsOn: body.startsOn ?? draft.startsOn)
        let offer = try await OfferWrites.draft(application, terms: try form.terms(), scope: scope, on: req.db)
        return try await OfferDTO(offer, role: role).encodeResponse(status: .created, for: req)
    }

    struct Approved: Content {
        let offer: OfferDTO
        /// The candidate's private link; this response is the only place it appears.
        let link: String
    }

    func approve(req: Request) async throws -> Approved {
        struct Body: Content { var validDays: Int? }
        let offer = try await req.scope.offer(try req.id(OfferID.self, "offerID"), on: req.db)
        let days = (try? req.content.decode(Body.self))?.validDays
        let link = try await OfferLinks.approve(req, offer, validDays: days)
        let role = try await offer.$application.get(on: req.db).$role.get(on: req.db)
        return Approved(offer: try OfferDTO(offer, role: role), link: link)
    }

    func withdraw(req: Request) async throws -> OfferDTO {
        let scope = try req.scope
        let offer = try await scope.offer(try req.id(OfferID.self, "offerID"), on: req.db)
        try await OfferWrites.withdraw(offer, scope: scope, on: req.db)
        return try OfferDTO(offer, role: try await offer.$application.get(on: req.db).$role.get(on: req.db))
    }

    struct EngagementDTO: Content {
        let id: String
        let applicationId: String
        let offerId: String
        let candidateId: String
        let roleId: String
        let terms: OfferTerms
        let startsOn: String
        let status: String
        let createdAt: Date
    }

    func engagements(req: Request) async throws -> [EngagementDTO] {
        try await req.scope.engagements(on: req.db).sort(\.$createdAt).all().map { e in
            EngagementDTO(id: e.id!.uuidString.lowercased(), applicationId: e.applicationID.uuidString.lowercased(), offerId: e.offerID.uuidString.lowercased(),
                          candidateId: e.candidateID.uuidString.lowercased(), roleId: e.roleID.uuidString.lowercased(),
                          terms: try JSONDecoder().decode(OfferTerms.self, from: Data(e.termsJSON.utf8)), startsOn: e.startsOn, status: e.status, createdAt: e.createdAt)
        }
    }
}

extension OfferTerms: Content {}
