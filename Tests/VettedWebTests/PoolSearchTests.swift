import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

/// Duplicates, merges and the pool search, through the API and the pages.
@Suite struct PoolSearchTests {
    static func add(_ app: Application, _ scope: TenantScope, _ name: String, zone: String = "Europe/Warsaw", start: String = "09:00", end: String = "17:00",
                    email: String? = nil, phone: String? = nil, github: String? = nil, rate: Int? = nil, available: String? = nil,
                    skills: [SkillInput] = []) async throws -> CandidateModel {
        var input = CandidateInput()
        input.fullName = name
        input.timeZone = zone
        input.workStart = start
        input.workEnd = end
        input.email = email
        input.phone = phone
        input.githubHandle = github
        input.hourlyRateCents = rate
        input.availableFrom = available
        input.skills = skills
        return try await CandidateWrites.create(input, scope: scope, on: app.db)
    }

    @Test func duplicates_are_found_on_normalized_keys_and_a_merge_keeps_both_histories() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let first = try await Self.add(app, f.operatorAdmin, "Ola Nowak", phone: "+48 (22) 123-45-67", skills: [SkillInput(skillId: "python", level: 3)])
            var second = try await Self.add(app, f.operatorAdmin, "Aleksandra Nowak", email: "ola@example.org", phone: "0048 22 1234567",
                                            skills: [SkillInput(skillId: "pandas", level: 4, evidence: "assessment", detail: "score 91")])
            _ = try await CandidateWrites.update(second.typedID, with: { var i = CandidateInput(); i.headline = "Data engineer"; i.version = 1; return i }(),
                                                 scope: f.operatorAdmin, on: app.db)
            second = try await CandidateModel.find(second.id, on: app.db)!
            _ = try await ApplicationWrites.create(.init(candidateId: second.typedID.description, roleId: f.roleA.description), scope: f.operatorAdmin, on: app.db)

            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let groups = try #require(try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/candidates/duplicates").body.utf8)) as? [[String: Any]])
            let phoneGroup = try #require(groups.first { $0["key"] as? String == "phone" })
            #expect(phoneGroup["value"] as? String == "48221234567")
            #expect((phoneGroup["candidates"] as? [[String: Any]])?.count == 2)

            let merged = try await client.json(.POST, "/api/v1/candidates/\(first.typedID)/merge", ["absorbId": second.typedID.description, "version": 1])
            #expect(merged.status == .ok, "\(merged.body)")
            let body = try merged.json()
            #expect(body["fullName"] as? String == "Ola Nowak")
            #expect(body["email"] as? String == "ola@example.org")
            #expect(body["headline"] as? String == "Data engineer")
            #expect(body["mergedFrom"] as? [String] == [second.typedID.description])
            let skills = (body["skills"] as? [[String: Any]] ?? []).compactMap { $0["skillId"] as? String }
            #expect(Set(skills) == ["python", "pandas"])
            // The absorbed profile is gone; its application moved; its history is still readable.
            #expect(try await client.get("/api/v1/candidates/\(second.typedID)").status == .notFound)
            #expect(try await ApplicationModel.query(on: app.db).filter(\.$candidate.$id == first.id!).filter(\.$role.$id == f.roleA.rawValue).count() == 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$entityID == second.id!).count() == 3)

            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await browser.get("/candidates/\(first.typedID)")
            #expect(page.body.contains("added candidate Aleksandra Nowak"))
            #expect(page.body.contains("merged Aleksandra Nowak"))
            let after = try #require(try JSONSerialization.jsonObject(with: Data(try await client.get("/api/v1/candidates/duplicates").body.utf8)) as? [[String: Any]])
            #expect(after.isEmpty)
        }
    }

    @Test func a_merge_that_would_put_one_person_twice_in_a_pipeline_is_refused() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let twin = try await Self.add(app, f.operatorAdmin, "Ada Twin", email: "ada.alpha@example.net")
            _ = try await ApplicationWrites.create(.init(candidateId: twin.typedID.description, roleId: f.roleA.description), scope: f.operatorAdmin, on: app.db)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let reply = try await client.json(.POST, "/api/v1/candidates/\(f.candidateInA)/merge", ["absorbId": twin.typedID.description, "version": 1])
            #expect(reply.status == .conflict)
            #expect(reply.errorMessage?.contains("Role of A") == true)
            #expect(try await CandidateModel.find(twin.id, on: app.db) != nil)
            let clientAdmin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            #expect(try await clientAdmin.get("/api/v1/candidates/duplicates").status == .forbidden)
        }
    }

    @Test func search_counts_implied_skills_evidence_rate_availability_and_overlap() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let s = f.operatorAdmin
            _ = try await Self.add(app, s, "Drf Dev", zone: "America/New_York", rate: 9000, available: "2026-12-01",
                                   skills: [SkillInput(skillId: "django-rest-framework", level: 4)])
            _ = try await Self.add(app, s, "Django Assessed", zone: "Europe/Lisbon", rate: 5000,
                                   skills: [SkillInput(skillId: "django", level: 4, evidence: "assessment")])
            _ = try await Self.add(app, s, "Late Starter", zone: "Asia/Tokyo", rate: 4000, available: "2027-06-01",
                                   skills: [SkillInput(skillId: "django", level: 3)])
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            func names(_ query: String) async throws -> [String] {
                let reply = try await client.get("/api/v1/candidates?" + query)
                #expect(reply.status == .ok, "\(query): \(reply.body)")
                return ((try reply.json()["items"] as? [[String: Any]]) ?? []).compactMap { $0["fullName"] as? String }.sorted()
            }
            #expect(try await names("skill=django") == ["Django Assessed", "Drf Dev", "Late Starter"])
            #expect(try await names("skill=DRF") == ["Drf Dev"])
            #expect(try await names("skill=django&evidence=assessment") == ["Django Assessed"])
            #expect(try await names("skill=django&minRate=45&maxRate=90") == ["Django Assessed", "Drf Dev"])
            #expect(try await names("skill=django&availableBy=2027-01-01") == ["Django Assessed", "Drf Dev"])
            // 09:00–17:00 in New York overlaps Lisbon by 3 hours (winter) and Tokyo not at all.
            let overlap = "overlapWith=" + "09:00-17:00 America/New_York".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await names("skill=django&\(overlap)&minOverlap=3&overlapOn=2026-12-02") == ["Django Assessed", "Drf Dev"])
            #expect(try await names("skill=django&\(overlap)&minOverlap=4&overlapOn=2026-12-02") == ["Drf Dev"])

            let unknown = try await client.get("/api/v1/candidates?skill=cobolx")
            #expect(unknown.status == .badRequest)
            #expect(unknown.errorField == "skill")
            let inverted = try await client.get("/api/v1/candidates?minRate=90&maxRate=10")
            #expect(inverted.errorField == "maxRate")

            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await browser.get("/candidates?skill=django&evidence=assessment")
            #expect(page.body.contains("Django Assessed"))
            #expect(!page.body.contains("Drf Dev"))
            let bad = try await browser.get("/candidates?skill=cobolx")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("not in the taxonomy"))
        }
    }
}
