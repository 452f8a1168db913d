import Fluent
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct TenantScopeTests {
    @Test func a_client_sees_only_its_roles_and_the_candidates_in_its_pipelines() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let roles = try await f.adminA.roles(on: app.db).all().map(\.typedID)
            #expect(roles == [f.roleA])
            let candidates = try await f.adminA.candidates(on: app.db).all().map(\.typedID)
            #expect(candidates == [f.candidateInA])
            await #expect(throws: DomainError.notFound(entity: "candidate")) {
                _ = try await f.adminA.candidate(f.poolOnly, on: app.db)
            }
            await #expect(throws: DomainError.notFound(entity: "role")) {
                _ = try await f.adminA.role(f.roleB, on: app.db)
            }
        }
    }

    @Test func the_operator_sees_the_whole_pool_and_every_client() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            #expect(try await f.operatorAdmin.roles(on: app.db).count() == 2)
            #expect(try await f.operatorAdmin.candidates(on: app.db).count() == 3)
            #expect(try await f.operatorAdmin.organizations(on: app.db).count() == 3)
            #expect(try await f.adminB.organizations(on: app.db).count() == 1)
        }
    }

    @Test func candidate_search_matches_text_case_insensitively_and_by_skill() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let byName = try await CandidateSearch(text: "ADA").apply(to: try await f.operatorAdmin.candidates(on: app.db)).all()
            #expect(byName.map(\.fullName) == ["Ada Alpha"])
            let bySkill = try await CandidateSearch(skill: "pytorch").apply(to: try await f.operatorAdmin.candidates(on: app.db)).count()
            #expect(bySkill == 3)
            let wildcard = try await CandidateSearch(text: "%").apply(to: try await f.operatorAdmin.candidates(on: app.db)).count()
            #expect(wildcard == 0)
        }
    }
}
