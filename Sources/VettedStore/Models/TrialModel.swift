import Evaluation
import FluentKit
import Foundation

/// A paid trial of one application: the agreed terms and how it ended.
public final class TrialModel: Model, @unchecked Sendable {
    public static let schema = "trials"

    public enum Status: String, Sendable { case running, converted, closed }

    @ID(key: .id) public var id: UUID?
    @Parent(key: "application_id") public var application: ApplicationModel
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "terms") public var termsJSON: String
    @Field(key: "currency") public var currency: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "decision_reason") public var decisionReason: String?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public var terms: TrialTerms {
        get throws { try JSONDecoder().decode(TrialTerms.self, from: Data(termsJSON.utf8)) }
    }
}

/// A check-in (hours worked and how it goes) or a deliverable handed in.
public final class TrialEntryModel: Model, @unchecked Sendable {
    public static let schema = "trial_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "trial_id") public var trialID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "hours") public var hours: Int
    @Field(key: "title") public var title: String
    @Field(key: "note") public var note: String
    @OptionalField(key: "link") public var link: String?
    @Field(key: "author") public var author: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
