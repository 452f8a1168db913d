import Vapor

/// What the running application shares with every request: its settings and services.
struct VettedServices: Sendable {
    let config: VettedConfig
    let accounts: AccountService
    let stylesheet: String
    /// The in-memory match index, kept current from the change log.
    let matching = MatchService()
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = VettedServices }

    var vetted: VettedServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("buildApplication was not called") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}
