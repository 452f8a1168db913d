import Vapor
import VettedDomain

/// bcrypt hashing with the configured work factor.
struct Passwords: Sendable {
    let cost: Int

    static let minimumLength = 10

    func hash(_ password: String) throws -> String {
        guard password.count >= Self.minimumLength else {
            throw DomainError.invalid(field: "password", message: "password must be at least \(Self.minimumLength) characters")
        }
        return try Bcrypt.hash(password, cost: cost)
    }

    func verify(_ password: String, hash: String) -> Bool {
        (try? Bcrypt.verify(password, created: hash)) ?? false
    }

    /// Spends the same time as a real check, so a missing account is not told apart by timing.
    func verifyAgainstNothing(_ password: String) {
        _ = try? Bcrypt.verify(password, created: Self.dummyHash)
    }

    private static let dummyHash = (try? Bcrypt.hash("not-a-real-password", cost: 4)) ?? ""
}
