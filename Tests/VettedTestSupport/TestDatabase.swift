import Foundation
import Vapor
import VettedWeb

/// Every test gets a database of its own: a private in-memory SQLite, or — when
/// `DATABASE_URL` names a PostgreSQL server (the CI's second pass) — a new database
/// created for the test and dropped after it.
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func config() -> VettedConfig {
        var config = VettedConfig()
        config.inMemoryDatabase = true
        config.bcryptCost = 4
        config.logLevel = .warning
        return config
    }

    /// Runs `body` with a migrated application on its own database.
    public static func withApp<T>(_ adjust: (inout VettedConfig) -> Void = { _ in }, _ body: (Application) async throws -> T) async throws -> T {
        var config = config()
        adjust(&config)
        var dropAfter: (base: String, name: String)?
        if let base = postgresURL, config.inMemoryDatabase {
            let name = "vetted_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await admin(base) { try await $0.db.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            config.inMemoryDatabase = false
            config.databaseURL = replaceDatabase(in: base, with: name)
            dropAfter = (base, name)
        }
        let app = try await buildApplication(config, environment: .testing)
        do {
            try await migrate(app)
            let result = try await body(app)
            try await app.asyncShutdown()
            if let dropAfter { try await drop(dropAfter) }
            return result
        } catch {
            try? await app.asyncShutdown()
            if let dropAfter { try? await drop(dropAfter) }
            throw error
        }
    }

    private static func drop(_ database: (base: String, name: String)) async throws {
        try await admin(database.base) { try await $0.db.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: database.name)").run() }
    }

    private static func admin(_ url: String, _ body: (Application) async throws -> Void) async throws {
        var config = config()
        config.inMemoryDatabase = false
        config.databaseURL = url
        let app = try await buildApplication(config, environment: .testing)
        do {
            try await body(app)
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// postgres://u@h:p/NAME?query → the same URL naming another database.
    static func replaceDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}
