import FluentKit
import Foundation
import VettedDomain

/// A person who signs in. What they may do lives in their memberships.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    /// Normalized (lower-case, trimmed): unique across the installation.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    /// bcrypt; never the password.
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "is_active") public var isActive: Bool
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: UserID = .init(), email: EmailAddress, name: String, passwordHash: String) {
        self.id = id.rawValue
        self.email = email.value
        self.name = name
        self.passwordHash = passwordHash
        self.isActive = true
        self.version = 1
    }

    public var typedID: UserID { .init(id!) }
}
