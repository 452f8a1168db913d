import Evaluation
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// An offer as members, the API and the candidate read it, with its cost against the
/// role's budget.
struct OfferDTO: Content {
    let id: String
    let applicationId: String
    /// awaiting-approval, sent, expired, accepted, declined or withdrawn.
    let status: String
    let terms: OfferTerms
    let monthlyCents: Int
    /// The role's hourly budget over the offer's hours, per month; nil without a budget.
    let budgetMonthlyCents: Int?
    let overBudget: Bool
    let createdBy: String
    let approvedBy: String?
    let approvedAt: Date?
    let expiresAt: Date?
    let respondedAt: Date?
    let declineReason: String?
    let createdAt: Date

    init(_ offer: OfferModel, role: RoleModel) throws {
        let terms = try offer.terms
        id = offer.id!.uuidString.lowercased()
        applicationId = offer.$application.id.uuidString.lowercased()
        status = offer.isExpired() ? "expired" : offer.status
        self.terms = terms
        let monthly = Int(offer.monthlyCents)
        let budget = role.budgetHourlyCents.map { Int((Double($0 * terms.hoursPerWeek) * 52.0 / 12.0).rounded()) }
        monthlyCents = monthly
        budgetMonthlyCents = budget
        overBudget = budget.map { monthly > $0 } ?? false
        createdBy = offer.createdByLabel
        approvedBy = offer.approvedByLabel
        approvedAt = offer.approvedAt
        expiresAt = offer.expiresAt
        respondedAt = offer.respondedAt
        declineReason = offer.declineReason
        createdAt = offer.createdAt
    }

    var pricingLabel: String { terms.pricing == .hourly ? "per hour" : "per month" }
}

/// The fields of the offer form, as text, so a refused form comes back as typed.
struct OfferForm: Content {
    var pricing: String?
    var amountCents: String?
    var currency: String?
    var hoursPerWeek: String?
    var workingHours: String?
    var overlapHours: String?
    var channels: String?
    var reportsTo: String?
    var startsOn: String?

    /// Terms built from what Vetted knows: the candidate's rate, the role's hours, window,
    /// overlap requirement and start date.
    static func prefilled(role: RoleModel, candidate: CandidateModel) -> OfferForm {
        OfferForm(pricing: "hourly", amountCents: candidate.hourlyRateCents.map(String.init), currency: candidate.hourlyRateCents == nil ? role.currency : candidate.currency,
                  hoursPerWeek: String(role.hoursPerWeek ?? 40), workingHours: "\(role.workStart)-\(role.workEnd) \(role.timeZone)",
                  overlapHours: String(role.overlapHours ?? 0), channels: "Slack, weekly video call", reportsTo: "", startsOn: role.startDate)
    }

    func terms() throws(DomainError) -> OfferTerms {
        let overlapText = overlapHours?.trimmed ?? ""
        guard let overlap = overlapText.isEmpty ? 0 : Double(overlapText), (0...24).contains(overlap) else {
            throw .invalid(field: "overlapHours", message: "overlap must be 0 to 24 hours; got '\(overlapText)'")
        }
        return try OfferTerms(pricing: pricing, amountCents: amountCents, currency: currency, hoursPerWeek: hoursPerWeek, workingHours: workingHours,
                              overlapHours: overlap, channels: channels, reportsTo: reportsTo, startsOn: startsOn)
    }
}

enum OfferLinks {
    /// Approves the offer and returns the candidate's link: the only copy of its token.
    static func approve(_ req: Request, _ offer: OfferModel, validDays: Int?) async throws -> String {
        let days = validDays ?? 7
        guard (1...30).contains(days) else { throw DomainError.invalid(field: "validDays", message: "an offer link is valid for 1 to 30 days, not \(days)") }
        let token = Secrets.randomToken()
        try await OfferWrites.approve(offer, tokenHash: Secrets.sha256(token), expiresAt: Date().addingTimeInterval(TimeInterval(days) * 86_400),
                                      scope: try req.scope, on: req.db)
        return PublicLink.url(req, path: "/offer/\(token)")
    }
}
