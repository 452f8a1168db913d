import Fluent
import Foundation
import Matching
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// The ranked shortlist through the API, the page and the CLI; the index kept current;
/// the engine's order identical to the SQL baseline's.
@Suite struct ShortlistTests {
    static func add(_ app: Application, _ scope: TenantScope, _ name: String, skills: [SkillInput], zone: String = "Europe/Warsaw") async throws -> CandidateModel {
        var input = CandidateInput()
        input.fullName = name
        input.timeZone = zone
        input.hourlyRateCents = 6_000
        input.skills = skills
        return try await CandidateWrites.create(input, scope: scope, on: app.db)
    }

    @Test func a_role_shortlist_ranks_explains_excludes_and_stays_current() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let none = try await client.get("/api/v1/roles/\(f.roleA)/shortlist")
            #expect(none.status == .badRequest)
            #expect(none.errorField == "checklist")

            let saved = try await client.json(.PUT, "/api/v1/roles/\(f.roleA)/checklist", [
                "mustHave": [["skillId": "pytorch", "reason": "the models"], ["skillId": "python", "reason": "the language"]],
                "niceToHave": [["skillId": "mlflow", "reason": "tracking"]]])
            #expect(saved.status == .ok, "\(saved.body)")
            _ = try await Self.add(app, f.operatorAdmin, "Strong Trial", skills: [SkillInput(skillId: "pytorch", level: 5, evidence: "trial"), SkillInput(skillId: "python", level: 5)])
            _ = try await Self.add(app, f.operatorAdmin, "Only Python", skills: [SkillInput(skillId: "python", level: 5, evidence: "assessment")])

            let reply = try await client.get("/api/v1/roles/\(f.roleA)/shortlist")
            #expect(reply.status == .ok, "\(reply.body)")
            let body = try reply.json()
            let results = try #require(body["results"] as? [[String: Any]])
            let names = results.compactMap { $0["fullName"] as? String }
            // Ada is already in this role's pipeline, so she is not proposed again.
            #expect(!names.contains("Ada Alpha"))
            #expect(names.first == "Strong Trial")
            #expect(names.last == "Only Python")
            let last = try #require(results.last)
            #expect(last["missingMustHaves"] as? [String] == ["pytorch"])
            let coverage = results.compactMap { ($0["factors"] as? [String: [String: Any]])?["coverage"]?["value"] as? Int }
            #expect(coverage.first == coverage.max())
            #expect(coverage.first! > coverage.last!)
            #expect(results.first?["expectedCostCents"] != nil)
            #expect((results.first?["overlapHours"] as? Double) == 8)

            // Other weights, and nonsense weights.
            #expect(try await client.get("/api/v1/roles/\(f.roleA)/shortlist?weights=coverage=0,rate=100").status == .ok)
            let bad = try await client.get("/api/v1/roles/\(f.roleA)/shortlist?weights=charm=10")
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "weights.charm")

            // Excluding one keeps it off, with its reason.
            let excluded = try await client.json(.POST, "/api/v1/roles/\(f.roleA)/shortlist/exclusions", ["candidateId": f.poolOnly.description, "reason": "not available in Q1"])
            #expect(excluded.status == .created)
            let after = try await client.get("/api/v1/roles/\(f.roleA)/shortlist").json()
            #expect(!((after["results"] as? [[String: Any]]) ?? []).contains { $0["candidateId"] as? String == f.poolOnly.description })
            #expect((after["excluded"] as? [[String: Any]])?.first?["reason"] as? String == "not available in Q1")

            // A profile written now is in the next shortlist.
            _ = try await Self.add(app, f.operatorAdmin, "Fresh Face", skills: [SkillInput(skillId: "pytorch", level: 4, evidence: "assessment"), SkillInput(skillId: "python", level: 4)])
            let fresh = try await client.get("/api/v1/roles/\(f.roleA)/shortlist").json()
            #expect(((fresh["results"] as? [[String: Any]]) ?? []).contains { $0["fullName"] as? String == "Fresh Face" })

            // Clients do not browse the pool.
            let clientA = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            #expect(try await clientA.get("/api/v1/roles/\(f.roleA)/shortlist").status == .forbidden)

            // The page shows the same list and can add to the pipeline.
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await browser.get("/roles/\(f.roleA)/shortlist?w_rate=30")
            #expect(page.status == .ok)
            #expect(page.body.contains("Strong Trial"))
            #expect(page.body.contains("missing: pytorch"))
            #expect(page.body.contains("Add to pipeline"))
            let strongID = try #require(results.first?["candidateId"] as? String)
            let added = try await browser.post("/applications", form: [("roleId", f.roleA.description), ("candidateId", strongID), ("next", "shortlist")])
            #expect(added.location?.contains("/shortlist") == true)
            let reason = try await browser.post("/roles/\(f.roleA)/shortlist/exclusions", form: [("candidateId", strongID), ("reason", "")])
            #expect(reason.status == .badRequest)

            // The CLI prints the same ranking.
            let json = try await MatchOperations.match(app, role: f.roleA.description, values: ["limit": "10"], user: nil)
            let cli = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect((cli["results"] as? [[String: Any]])?.first?["rank"] as? Int == 1)
            #expect((cli["results"] as? [[String: Any]])?.contains { $0["fullName"] as? String == "Strong Trial" } == false)
        }
    }

    @Test func another_node_catches_up_from_the_change_log() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let otherNode = MatchService()
            let before = try await otherNode.current(on: app.db).count
            let added = try await Self.add(app, f.operatorAdmin, "Late Arrival", skills: [SkillInput(skillId: "fastapi", level: 3)])
            try await otherNode.catchUp(on: app.db)
            let index = try await otherNode.current(on: app.db)
            #expect(index.count == before + 1)
            #expect(index.contains(added.id!))
            try await CandidateWrites.delete(added.typedID, scope: f.operatorAdmin, on: app.db)
            try await otherNode.catchUp(on: app.db)
            #expect(!index.contains(added.id!))
        }
    }

    @Test func the_engine_ranks_exactly_as_the_sql_baseline() async throws {
        try await TestDatabase.withApp { app in
            // The baseline's SQL is SQLite's (json_each, julianday).
            guard !DialectSQL.isPostgres(app.db.sql) else { return }
            let f = try await Fixtures.make(app)
            try await MatchBenchmarks.generate(1_500, organizationID: f.operatorOrg.rawValue, on: app.db)
            let index = MatchIndex(try await MatchBenchmarks.loadFast(on: app.db))
            for query in try MatchBenchmarks.makeQueries(12, asOf: LocalDate(year: 2026, month: 12, day: 1)) {
                let plan = try MatchPlan(query, windows: index.windows)
                let engine = Matcher.rank(index, plan)
                let sql = try await MatchBaseline.rank(plan, on: app.db.sql)
                #expect(engine.count == 50)
                #expect(engine.map(\.candidateId) == sql.map(\.id), "must-haves \(query.mustHave)")
                #expect(engine.map(\.score) == sql.map(\.score))
            }
        }
    }
}
