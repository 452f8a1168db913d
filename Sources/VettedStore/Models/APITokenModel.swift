import FluentKit
import Foundation
import VettedDomain

/// A bearer token for integrations. Shown once at creation; stored as its SHA-256.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    /// The first characters of the token, so a user can tell their tokens apart.
    @Field(key: "prefix") public var prefix: String
    @Field(key: "scope") public var scope: String
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(userID: UserID, organizationID: OrganizationID, name: String, tokenHash: String, prefix: String, scope: TokenScope) {
        self.id = UUID()
        self.$user.id = userID.rawValue
        self.$organization.id = organizationID.rawValue
        self.name = name
        self.tokenHash = tokenHash
        self.prefix = prefix
        self.scope = scope.rawValue
    }

    public var typedID: APITokenID { .init(id!) }
    public var tokenScope: TokenScope { TokenScope(rawValue: scope) ?? .read }
}
