import Vapor
import VettedDomain
import VettedStore

/// The signed-in person behind a request, and how they proved it.
struct Caller: Sendable {
    enum Credential: Sendable {
        case session(id: UUID, csrfToken: String)
        case token(id: UUID, scope: TokenScope)
        /// A `vetted` command acting as a member, dispatched inside the process (see
        /// `CommandLineAPI`); storage is not reachable from the network, so no remote
        /// request can carry this.
        case commandLine
    }

    let scope: TenantScope
    let userName: String
    let organizationName: String
    let credential: Credential

    var csrfToken: String? {
        if case .session(_, let csrf) = credential { return csrf }
        return nil
    }
}

extension Request {
    private struct CallerKey: StorageKey { typealias Value = Caller }

    /// The caller, when authenticated.
    var caller: Caller? {
        get { storage[CallerKey.self] }
        set { storage[CallerKey.self] = newValue }
    }

    /// The caller's tenant scope; routes behind the auth middleware always have one.
    var scope: TenantScope {
        get throws {
            guard let caller else { throw Abort(.unauthorized, reason: "sign in first") }
            return caller.scope
        }
    }
}
