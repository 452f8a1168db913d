import Evaluation
import FluentKit
import Foundation
import VettedDomain

/// Offers from draft to answer. One member drafts, a second approves (which issues the
/// candidate's private link), the candidate accepts or declines; accepting records the
/// engagement and moves the application to engaged, in one transaction.
public enum OfferWrites {
    public static func draft(_ application: ApplicationModel, terms: OfferTerms, scope: TenantScope, on db: any Database) async throws -> OfferModel {
        try scope.require(.manageApplications)
        guard application.stage == Pipeline.offer else {
            throw DomainError.invalid(field: "stage", message: "move the candidate to Offer before drafting an offer (they are at \(try await application.$role.get(on: db).pipeline.name(of: application.stage)))")
        }
        let json = String(decoding: try JSONEncoder().encode(terms), as: UTF8.self)
        return try await db.transaction { tx in
            if try await open(application, on: tx) != nil {
                throw DomainError.duplicate(field: "applicationId", message: "this candidate already has an open offer; withdraw it before drafting another")
            }
            let offer = OfferModel()
            offer.id = OfferID().rawValue
            offer.$application.id = application.id!
            offer.organizationID = application.$organization.id
            offer.status = OfferModel.Status.awaitingApproval.rawValue
            offer.termsJSON = json
            offer.monthlyCents = Int64(terms.monthlyCents)
            offer.createdByID = scope.userID.rawValue
            offer.createdByLabel = scope.userEmail
            offer.createdAt = Date()
            try await offer.create(on: tx)
            try await AuditLog.record(.create, entityType: "offer", entityID: offer.id!, organizationID: offer.organizationID, before: nil,
                                      after: ["status": offer.status, "applicationId": application.typedID.description, "pricing": terms.pricing.rawValue,
                                              "amountCents": String(terms.amountCents), "currency": terms.currency, "startsOn": terms.startsOn.description],
                                      summary: "drafted an offer: \(terms.amountCents) \(terms.currency) \(terms.pricing.rawValue), from \(terms.startsOn)",
                                      actor: scope.actor, on: tx)
            return offer
        }
    }

    /// The second person's approval. The caller makes the token and passes its hash.
    public static func approve(_ offer: OfferModel, tokenHash: String, expiresAt: Date, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        guard offer.status == OfferModel.Status.awaitingApproval.rawValue else {
            throw DomainError.conflict(entity: "offer", message: "only an offer awaiting approval can be approved; this one is \(offer.status)")
        }
        guard offer.createdByID != scope.userID.rawValue else {
            throw DomainError.forbidden(message: "a second person must approve an offer; you drafted this one")
        }
        try await db.transaction { tx in
            offer.status = OfferModel.Status.sent.rawValue
            offer.approvedByLabel = scope.userEmail
            offer.approvedAt = Date()
            offer.tokenHash = tokenHash
            offer.expiresAt = expiresAt
            try await offer.update(on: tx)
            try await AuditLog.record(.update, entityType: "offer", entityID: offer.id!, organizationID: offer.organizationID,
                                      before: ["status": OfferModel.Status.awaitingApproval.rawValue],
                                      after: ["status": offer.status, "expiresAt": ISO8601DateFormatter().string(from: expiresAt)],
                                      summary: "approved the offer drafted by \(offer.createdByLabel) and sent the candidate a link", actor: scope.actor, on: tx)
        }
    }

    public static func withdraw(_ offer: OfferModel, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        guard [OfferModel.Status.awaitingApproval.rawValue, OfferModel.Status.sent.rawValue].contains(offer.status) else {
            throw DomainError.conflict(entity: "offer", message: "an offer that is \(offer.status) cannot be withdrawn")
        }
        try await db.transaction { tx in
            let before = offer.status
            offer.status = OfferModel.Status.withdrawn.rawValue
            offer.tokenHash = nil
            try await offer.update(on: tx)
            try await AuditLog.record(.update, entityType: "offer", entityID: offer.id!, organizationID: offer.organizationID,
                                      before: ["status": before], after: ["status": offer.status], summary: "withdrew the offer", actor: scope.actor, on: tx)
        }
    }

    public static func byToken(hash: String, on db: any Database) async throws -> OfferModel? {
        try await OfferModel.query(on: db).filter(\.$tokenHash == hash).first()
    }

    /// Why the candidate can no longer answer, or nil when they can.
    public static func closedReason(_ offer: OfferModel, application: ApplicationModel, now: Date = Date()) -> String? {
        switch OfferModel.Status(rawValue: offer.status) {
        case .accepted: return "You accepted this offer."
        case .declined: return "You declined this offer."
        case .withdrawn, .awaitingApproval, .none: return "This offer is no longer open."
        case .sent:
            if offer.isExpired(at: now) {
                return "This offer expired on \(ISO8601DateFormatter().string(from: offer.expiresAt!)). Ask your contact for a new one."
            }
            if application.stage != Pipeline.offer { return "This offer is no longer open." }
            return nil
        }
    }

    /// The candidate accepts through their link: the offer, the engagement and the move to
    /// engaged commit together or not at all.
    public static func accept(_ offer: OfferModel, now: Date = Date(), on db: any Database) async throws -> EngagementModel {
        try await db.transaction { tx in
            let application = try await offer.$application.get(on: tx)
            if let reason = closedReason(offer, application: application, now: now) {
                throw DomainError.conflict(entity: "offer", message: reason)
            }
            let actor = AuditActor(userID: nil, label: "candidate (offer link)", organizationID: offer.organizationID)
            offer.status = OfferModel.Status.accepted.rawValue
            offer.respondedAt = now
            try await offer.update(on: tx)
            let terms = try offer.terms
            let engagement = EngagementModel()
            engagement.id = UUID()
            engagement.applicationID = application.id!
            engagement.offerID = offer.id!
            engagement.organizationID = offer.organizationID
            engagement.candidateID = application.$candidate.id
            engagement.roleID = application.$role.id
            engagement.termsJSON = offer.termsJSON
            engagement.startsOn = terms.startsOn.description
            engagement.status = "active"
            engagement.createdAt = now
            try await engagement.create(on: tx)
            try await AuditLog.record(.update, entityType: "offer", entityID: offer.id!, organizationID: offer.organizationID,
                                      before: ["status": OfferModel.Status.sent.rawValue], after: ["status": offer.status],
                                      summary: "the candidate accepted the offer", actor: actor, on: tx)
            try await AuditLog.record(.create, entityType: "engagement", entityID: engagement.id!, organizationID: offer.organizationID, before: nil,
                                      after: ["applicationId": application.typedID.description, "startsOn": engagement.startsOn, "status": engagement.status],
                                      summary: "engagement recorded from the accepted offer, starting \(engagement.startsOn)", actor: actor, on: tx)
            _ = try await ApplicationWrites.move(application, input: .init(stage: Pipeline.engaged, version: application.version), actor: actor, on: tx)
            return engagement
        }
    }

    public static func decline(_ offer: OfferModel, reason: String?, now: Date = Date(), on db: any Database) async throws {
        let application = try await offer.$application.get(on: db)
        if let closed = closedReason(offer, application: application, now: now) { throw DomainError.conflict(entity: "offer", message: closed) }
        let why = reason?.trimmed ?? ""
        guard why.count <= 2000 else { throw DomainError.invalid(field: "reason", message: "the reason is limited to 2000 characters") }
        try await db.transaction { tx in
            offer.status = OfferModel.Status.declined.rawValue
            offer.respondedAt = now
            offer.declineReason = why.isEmpty ? nil : why
            try await offer.update(on: tx)
            try await AuditLog.record(.update, entityType: "offer", entityID: offer.id!, organizationID: offer.organizationID,
                                      before: ["status": OfferModel.Status.sent.rawValue], after: ["status": offer.status, "reason": why],
                                      summary: "the candidate declined the offer\(why.isEmpty ? "" : ": \(why)")",
                                      actor: AuditActor(userID: nil, label: "candidate (offer link)", organizationID: offer.organizationID), on: tx)
        }
    }

    public static func all(of application: ApplicationModel, scope: TenantScope, on db: any Database) async throws -> [OfferModel] {
        try await scope.offers(on: db).filter(\.$application.$id == application.id!).sort(\.$createdAt).all()
    }

    static func open(_ application: ApplicationModel, on db: any Database) async throws -> OfferModel? {
        try await OfferModel.query(on: db).filter(\.$application.$id == application.id!)
            .filter(\.$status ~~ [OfferModel.Status.awaitingApproval.rawValue, OfferModel.Status.sent.rawValue]).all()
            .first { !$0.isExpired() }
    }

    static func hasAccepted(_ application: ApplicationModel, on db: any Database) async throws -> Bool {
        try await OfferModel.query(on: db).filter(\.$application.$id == application.id!)
            .filter(\.$status == OfferModel.Status.accepted.rawValue).first() != nil
    }
}
