import FluentKit
import Foundation

/// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a
/// stolen database does not yield live sessions.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserModel
    @Parent(key: "organization_id") public var organization: OrganizationModel
    /// Echoed in every form of this session; not a credential on its own.
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(tokenHash: String, userID: UUID, organizationID: UUID, csrfToken: String, expiresAt: Date) {
        self.id = UUID()
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.$organization.id = organizationID
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}
