import Foundation

/// When to try an undelivered e-mail again: 30 s, 1 min, 2 min … doubling up to 6 hours,
/// then give up after `maxAttempts` and leave the message marked failed (never deleted).
public enum RetrySchedule {
    public static let maxAttempts = 12

    public static func delay(afterAttempt attempt: Int) -> TimeInterval {
        let base = 30.0 * pow(2.0, Double(max(0, attempt - 1)))
        return min(base, 6 * 3600)
    }

    public static func givesUp(afterAttempt attempt: Int) -> Bool { attempt >= maxAttempts }
}
