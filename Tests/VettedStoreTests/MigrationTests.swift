import Fluent
import Testing
import Vapor
import VettedStore
import VettedTestSupport
import VettedWeb

@Suite struct MigrationTests {
    static let tables = ["organizations", "users", "memberships", "sessions", "api_tokens", "login_throttles",
                         "roles", "candidates", "candidate_skills", "applications", "audit_events", "role_checklist_items", "rate_cards"]

    @Test func migrations_create_every_table_and_revert_removes_them_all() async throws {
        try await TestDatabase.withApp { app in
            for table in Self.tables {
                // Selecting from a missing table throws; from an empty one returns nothing.
                _ = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").all()
            }
            try await revertAllMigrations(app)
            for table in Self.tables {
                await #expect(throws: (any Error).self) {
                    _ = try await app.db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").all()
                }
            }
            // And up again: a revert leaves a database the migrations can rebuild.
            try await migrate(app)
            let count = try await OrganizationModel.query(on: app.db).count()
            #expect(count == 0)
        }
    }
}
