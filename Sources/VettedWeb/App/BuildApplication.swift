import Fluent
import Leaf
import LeafKit
import Vapor
import VettedStore

/// Builds the whole application from its configuration: the one entry point that `serve`,
/// the other commands and every test share, so tests run the real wiring.
public func buildApplication(_ config: VettedConfig, environment: Environment = .production) async throws -> Application {
    let app = try await Application.make(environment)
    do {
        try configure(app, config)
        return app
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Brings the schema up to date (every pending migration, in order).
public func migrate(_ app: Application) async throws {
    try await StoreSetup.prepare(app.db)
    try await app.autoMigrate()
}

/// Reverts every migration, newest first.
public func revertAllMigrations(_ app: Application) async throws {
    try await app.autoRevert()
}

public func databaseLocation(for config: VettedConfig) -> DatabaseLocation {
    if config.inMemoryDatabase { return .sqliteMemory }
    if let url = config.databaseURL { return .postgres(url) }
    return .sqliteFile(config.sqlitePath)
}

private func configure(_ app: Application, _ config: VettedConfig) throws {
    app.logger.logLevel = config.logLevel
    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = ByteCount(stringLiteral: config.maxBodySize)

    try StoreSetup.configure(app.databases, migrations: app.migrations, location: databaseLocation(for: config))
    // Lifecycle handlers stop before the databases close.
    app.lifecycle.use(PendingCheckpoints())

    let resources = try ResourceFiles.locate()
    app.views.use(.leaf)
    app.leaf.configuration = LeafConfiguration(rootDirectory: resources.views)
    // The bundle may sit under a hidden folder (.build), which Leaf's default limits refuse.
    app.leaf.sources = .singleSource(NIOLeafFiles(fileio: app.fileio, limits: [.toSandbox, .requireExtensions],
                                                  sandboxDirectory: resources.views, viewDirectory: resources.views))
    app.leaf.cache.isEnabled = app.environment.isRelease

    app.vetted = VettedServices(
        config: config,
        accounts: AccountService(passwords: Passwords(cost: config.bcryptCost),
                                 sessionLifetime: TimeInterval(config.sessionHours) * 3600),
        stylesheet: try String(contentsOfFile: resources.stylesheet, encoding: .utf8),
        assessments: AssessmentService(config: config)
    )

    // Errors are turned into responses below security headers, so error pages get them too.
    app.middleware = .init()
    app.middleware.use(SecurityHeaders())
    app.middleware.use(ErrorResponder())
    try registerRoutes(app)
}

/// Lets a checkpoint that an import left running finish before the databases close.
struct PendingCheckpoints: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await DeferredCheckpoint.drain()
    }
}

/// The templates and the stylesheet ship inside the module's resource bundle, so Vetted
/// finds them whatever the working directory.
enum ResourceFiles {
    static func locate() throws -> (views: String, stylesheet: String) {
        // Foundation places a bundle's resources differently per platform: look in each.
        let bundle = Bundle.module
        let candidates = [bundle.resourceURL, bundle.resourceURL?.appendingPathComponent("Resources"),
                          bundle.bundleURL.appendingPathComponent("Resources")].compactMap { $0 }
        guard let root = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("styles.css").path) }) else {
            throw Abort(.internalServerError, reason: "Vetted's resource bundle is missing (looked in \(candidates.map(\.path)))")
        }
        return (root.appendingPathComponent("Views").path + "/", root.appendingPathComponent("styles.css").path)
    }
}
