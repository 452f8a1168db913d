import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct RoleChecklistTests {
    @Test func a_new_role_is_saved_with_its_generated_checklist_which_can_be_replaced() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let created = try await client.json(.POST, "/api/v1/roles", ["title": "Payments API", "category": "backend", "timeZone": "UTC",
                                                                        "integrations": ["Stripe"], "specialties": ["apis"]])
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let saved = try await client.get("/api/v1/roles/\(id)/checklist")
            let must = try #require(try saved.json()["mustHave"] as? [[String: String]])
            #expect(must.contains { $0["skillId"] == "stripe" && $0["reason"] == "integration: Stripe" })

            let replaced = try await client.json(.PUT, "/api/v1/roles/\(id)/checklist",
                                                 ["mustHave": [["skillId": "sklearn", "reason": "fraud model"], ["skillId": "PostgreSQL"]],
                                                  "niceToHave": [["skillId": "redis"]]])
            #expect(replaced.status == .ok)
            let after = try #require(try replaced.json()["mustHave"] as? [[String: String]])
            #expect(after.map { $0["skillId"] } == ["scikit-learn", "postgresql"])
            #expect(after.last?["reason"] == "added by hand")

            let bad = try await client.json(.PUT, "/api/v1/roles/\(id)/checklist", ["mustHave": [["skillId": "python"], ["skillId": "quantum-basket-weaving"]]])
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "mustHave[1].skillId")
            let unchanged = try await client.get("/api/v1/roles/\(id)/checklist")
            #expect((try unchanged.json()["mustHave"] as? [[String: String]])?.count == 2)
        }
    }

    @Test func the_edit_page_saves_lines_and_reports_a_bad_line_by_number() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            let page = try await browser.get("/roles/\(f.roleA)/checklist")
            #expect(page.status == .ok)
            #expect(page.body.contains("Machine learning") || page.body.contains("machine-learning"))
            let bad = try await browser.post("/roles/\(f.roleA)/checklist", form: [("mustHave", "python: core\nnot-a-skill: oops"), ("niceToHave", "")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Must have, line 2"))
            #expect(bad.body.contains("not-a-skill: oops"))
            let good = try await browser.post("/roles/\(f.roleA)/checklist", form: [("mustHave", "python: core\npytorch: the model"), ("niceToHave", "docker")])
            #expect(good.status == .seeOther)
            let lines = try await ChecklistWrites.current(of: f.roleA, on: app.db)
            #expect(lines.map(\.skillId) == ["python", "pytorch", "docker"])
            let role = try await browser.get("/roles/\(f.roleA)")
            #expect(role.body.contains("Saved with the role."))
            #expect(role.body.contains("<strong>PyTorch</strong> — the model"))
        }
    }
}
