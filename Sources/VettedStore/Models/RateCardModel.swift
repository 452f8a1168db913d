import FluentKit
import Foundation

/// One version of an organization's rate card. Saving inserts a new version, so the table
/// is the card's history.
public final class RateCardModel: Model, @unchecked Sendable {
    public static let schema = "rate_cards"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "version") public var version: Int
    /// The settings as JSON (Planning.RateCardSettings).
    @Field(key: "settings") public var settings: String
    @Field(key: "saved_by") public var savedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
