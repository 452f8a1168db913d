/// The errors every layer shares. Each case carries what a user needs to fix the problem;
/// the web layer maps them to responses in one place.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value a user gave is wrong; `field` names it.
    case invalid(field: String, message: String)
    /// The thing does not exist, or exists in an organization the caller cannot see.
    case notFound(entity: String)
    /// Someone else changed the record since the caller read it.
    case conflict(entity: String, message: String)
    /// The caller is known but their member role does not allow this.
    case forbidden(message: String)
    /// A uniqueness rule was broken (an e-mail already taken).
    case duplicate(field: String, message: String)

    public var description: String {
        switch self {
        case .invalid(_, let message): message
        case .notFound(let entity): "\(entity) not found"
        case .conflict(_, let message): message
        case .forbidden(let message): message
        case .duplicate(_, let message): message
        }
    }

    /// The field a user should look at, when there is one.
    public var field: String? {
        switch self {
        case .invalid(let field, _), .duplicate(let field, _): field
        default: nil
        }
    }
}
