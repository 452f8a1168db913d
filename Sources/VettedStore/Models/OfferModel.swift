import Evaluation
import FluentKit
import Foundation

/// An offer to the candidate of one application. It is drafted by one member, approved by
/// another (which issues the private link), then accepted or declined by the candidate.
public final class OfferModel: Model, @unchecked Sendable {
    public static let schema = "offers"

    public enum Status: String, Sendable, CaseIterable {
        case awaitingApproval = "awaiting-approval", sent, accepted, declined, withdrawn
    }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "status") public var status: String
    @Field(key: "terms") public var termsJSON: String
    @Field(key: "monthly_cents") public var monthlyCents: Int64
    @Field(key: "created_by_id") public var createdByID: UUID
    @Field(key: "created_by_label") public var createdByLabel: String
    @OptionalField(key: "approved_by_label") public var approvedByLabel: String?
    @OptionalField(key: "approved_at") public var approvedAt: Date?
    @OptionalField(key: "token_hash") public var tokenHash: String?
    @OptionalField(key: "expires_at") public var expiresAt: Date?
    @OptionalField(key: "responded_at") public var respondedAt: Date?
    @OptionalField(key: "decline_reason") public var declineReason: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var terms: OfferTerms {
        get throws { try JSONDecoder().decode(OfferTerms.self, from: Data(termsJSON.utf8)) }
    }

    public func isExpired(at now: Date = Date()) -> Bool {
        status == Status.sent.rawValue && (expiresAt ?? .distantFuture) <= now
    }
}

/// The engagement an accepted offer starts: who works on which role on which terms.
/// Onboarding and performance tracking hang off this row.
public final class EngagementModel: Model, @unchecked Sendable {
    public static let schema = "engagements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "application_id") public var applicationID: UUID
    @Field(key: "offer_id") public var offerID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "candidate_id") public var candidateID: UUID
    @Field(key: "role_id") public var roleID: UUID
    @Field(key: "terms") public var termsJSON: String
    @Field(key: "starts_on") public var startsOn: String
    @Field(key: "status") public var status: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
