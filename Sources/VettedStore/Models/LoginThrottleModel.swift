import FluentKit
import Foundation

/// Failed sign-ins per account, kept in the database so a lock-out holds across restarts
/// and across nodes that share one PostgreSQL.
public final class LoginThrottleModel: Model, @unchecked Sendable {
    public static let schema = "login_throttles"

    @ID(key: .id) public var id: UUID?
    /// The normalized e-mail that was tried (whether or not such a user exists).
    @Field(key: "key") public var key: String
    @Field(key: "failures") public var failures: Int
    @Field(key: "window_started_at") public var windowStartedAt: Date
    @OptionalField(key: "locked_until") public var lockedUntil: Date?

    public init() {}

    public init(key: String, now: Date) {
        self.id = UUID()
        self.key = key
        self.failures = 0
        self.windowStartedAt = now
    }
}
