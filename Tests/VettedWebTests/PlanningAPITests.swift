import Foundation
import Testing
import Vapor
import VettedTestSupport

@Suite struct PlanningAPITests {
    @Test func a_read_token_can_compute_an_estimate_checklist_and_overlap() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail, scope: .read))
            let estimate = try await client.json(.POST, "/api/v1/planning/estimate",
                                                 ["category": "ai-ml", "level": "senior", "location": "offshore", "hoursPerWeek": 40, "weeks": 12])
            #expect(estimate.status == .ok)
            let hourly = try #require(try estimate.json()["hourlyCents"] as? [String: Int])
            #expect(hourly == ["low": 6000, "expected": 9600, "high": 12000])
            #expect((try estimate.json()["totalCents"] as? [String: Int])?["high"] == 5_760_000)

            let checklist = try await client.json(.POST, "/api/v1/planning/checklist", ["category": "backend", "integrations": ["Stripe"]])
            #expect(checklist.status == .ok)
            let must = try #require(try checklist.json()["mustHave"] as? [[String: String]])
            #expect(must.contains { $0["id"] == "stripe" && $0["reason"] == "integration: Stripe" })

            let overlap = try await client.json(.POST, "/api/v1/planning/overlap",
                                                ["a": "09:00-17:00 America/New_York", "b": "09:00-17:00 Europe/Berlin", "on": "2026-03-10"])
            #expect((try overlap.json()["hours"] as? Double) == 3)

            let bad = try await client.json(.POST, "/api/v1/planning/overlap", ["a": "09:00-17:00 Nowhere/Land", "b": "09:00-17:00 UTC", "on": "2026-03-10"])
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "a")
            let negative = try await client.json(.POST, "/api/v1/planning/estimate",
                                                 ["category": "ai-ml", "level": "senior", "location": "offshore", "hoursPerWeek": -4, "weeks": 12])
            #expect(negative.errorField == "hoursPerWeek")
        }
    }

    @Test func a_roles_plan_is_scoped_like_the_role() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail, scope: .read))
            let plan = try await client.get("/api/v1/roles/\(f.roleA)/plan")
            #expect(plan.status == .ok)
            let body = try plan.json()
            #expect((body["estimates"] as? [String: Any])?.keys.sorted() == ["hybrid", "local", "nearshore", "offshore"])
            #expect(((body["advice"] as? [String: Any])?["engagement"] as? [Any])?.count == 4)
            #expect(try await client.get("/api/v1/roles/\(f.roleB)/plan").status == .notFound)
        }
    }
}
