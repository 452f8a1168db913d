import Fluent
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct AuditLogTests {
    @Test func every_write_is_recorded_with_before_and_after() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var patch = RoleInput()
            patch.title = "Renamed role"
            patch.version = 1
            _ = try await RoleWrites.update(f.roleA, with: patch, scope: f.adminA, on: app.db)
            let events = try await AuditEventModel.query(on: app.db).filter(\.$entityID == f.roleA.rawValue).sort(\.$occurredAt).all()
            #expect(events.map(\.action) == ["create", "update"])
            let changes = AuditLog.decodeChanges(events[1].changes)
            #expect(changes.count == 1)
            #expect(changes.first?.field == "title")
            #expect(changes.first?.before == "Role of A")
            #expect(changes.first?.after == "Renamed role")
            #expect(events[1].actorLabel == Fixtures.adminAEmail)
        }
    }

    @Test func the_database_refuses_to_change_or_delete_audit_events() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let before = try await AuditEventModel.query(on: app.db).count()
            #expect(before > 0)
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("UPDATE audit_events SET summary = 'forged'").run()
            }
            await #expect(throws: (any Error).self) {
                try await app.db.sql.raw("DELETE FROM audit_events").run()
            }
            let after = try await AuditEventModel.query(on: app.db).count()
            #expect(after == before)
            let forged = try await AuditEventModel.query(on: app.db).filter(\.$summary == "forged").count()
            #expect(forged == 0)
        }
    }
}
