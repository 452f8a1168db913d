import FluentKit
import Foundation
import VettedDomain

/// A user's member role in one organization.
public final class MembershipModel: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "member_role") public var memberRole: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UserID, organizationID: OrganizationID, memberRole: MemberRole) {
        self.id = UUID()
        self.$user.id = userID.rawValue
        self.$organization.id = organizationID.rawValue
        self.memberRole = memberRole.rawValue
    }

    public var role: MemberRole { MemberRole(rawValue: memberRole) ?? .interviewer }
}
