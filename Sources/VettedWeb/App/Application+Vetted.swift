import Vapor

/// What the running application shares with every request: its settings and services.
struct VettedServices: Sendable {
    let config: VettedConfig
    let accounts: AccountService
    let stylesheet: String
    /// The in-memory match index, kept current from the change log.
    let matching = MatchService()
    /// The task library and, once first needed, the sandbox that grades.
    let assessments: AssessmentService
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
