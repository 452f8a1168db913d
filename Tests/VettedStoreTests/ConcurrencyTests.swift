import Fluent
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct ConcurrencyTests {
    @Test func a_second_editor_with_a_stale_version_gets_a_conflict_and_loses_nothing() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var first = RoleInput()
            first.title = "First editor"
            first.version = 1
            var second = RoleInput()
            second.title = "Second editor"
            second.version = 1
            _ = try await RoleWrites.update(f.roleA, with: first, scope: f.adminA, on: app.db)
            await #expect(throws: DomainError.self) {
                _ = try await RoleWrites.update(f.roleA, with: second, scope: f.adminA, on: app.db)
            }
            let stored = try #require(try await RoleModel.find(f.roleA.rawValue, on: app.db))
            #expect(stored.title == "First editor")
            #expect(stored.version == 2)
        }
    }

    @Test func an_update_without_a_version_is_refused() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var patch = CandidateInput()
            patch.fullName = "No version"
            do {
                _ = try await CandidateWrites.update(f.candidateInA, with: patch, scope: f.operatorAdmin, on: app.db)
                Issue.record("expected an error")
            } catch let error as DomainError {
                #expect(error.field == "version")
            }
        }
    }

    @Test func a_failed_write_leaves_nothing_half_written() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let before = try await ApplicationModel.query(on: app.db).count()
            let events = try await AuditEventModel.query(on: app.db).count()
            // The same candidate twice in one pipeline: refused inside the transaction.
            await #expect(throws: DomainError.self) {
                _ = try await ApplicationWrites.create(.init(candidateId: f.candidateInA.description, roleId: f.roleA.description),
                                                       scope: f.operatorAdmin, on: app.db)
            }
            #expect(try await ApplicationModel.query(on: app.db).count() == before)
            #expect(try await AuditEventModel.query(on: app.db).count() == events)
        }
    }
}
