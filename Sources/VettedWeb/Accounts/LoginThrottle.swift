import Fluent
import Foundation
import VettedStore

/// Locks an account's sign-in after repeated failures. The state is in the database, so
/// a restart or another node does not reset it.
struct LoginThrottle: Sendable {
    var maxFailures = 5
    var window: TimeInterval = 15 * 60
    var lockout: TimeInterval = 15 * 60

    /// When sign-in is locked for this key, the time it opens again.
    func lockedUntil(_ key: String, now: Date, on db: any Database) async throws -> Date? {
        guard let row = try await LoginThrottleModel.query(on: db).filter(\.$key == key).first(),
              let until = row.lockedUntil, until > now
        else { return nil }
        return until
    }

    func recordFailure(_ key: String, now: Date, on db: any Database) async throws {
        try await db.transaction { tx in
            let row = try await LoginThrottleModel.query(on: tx).filter(\.$key == key).first() ?? LoginThrottleModel(key: key, now: now)
            if now.timeIntervalSince(row.windowStartedAt) > window {
                row.failures = 0
                row.windowStartedAt = now
            }
            row.failures += 1
            if row.failures >= maxFailures {
                row.lockedUntil = now.addingTimeInterval(lockout)
                row.failures = 0
                row.windowStartedAt = now
            }
            try await row.save(on: tx)
        }
    }

    func recordSuccess(_ key: String, on db: any Database) async throws {
        try await LoginThrottleModel.query(on: db).filter(\.$key == key).delete()
    }
}
