import Foundation
import Logging
import Vapor
import VettedWeb

/// Runs `body` with a migrated application and shuts it down however `body` ends.
func withApplication<T>(_ config: VettedConfig, arguments: [String] = ["vetted"], migrateFirst: Bool = true,
                        _ body: (Application) async throws -> T) async throws -> T {
    LoggingBootstrap.once(level: config.logLevel)
    let app = try await buildApplication(config, environment: Environment(name: "production", arguments: arguments))
    do {
        if migrateFirst { try await migrate(app) }
        let result = try await body(app)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

enum LoggingBootstrap {
    nonisolated(unsafe) private static var done = false
    static func once(level: Logger.Level) {
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}


/// Writes a line to stdout at once (no buffering), so a one-time password reaches a log
/// file or a pipe even while the server keeps running.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
