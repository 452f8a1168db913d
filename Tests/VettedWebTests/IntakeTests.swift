import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct IntakeTests {
    @Test func a_brief_in_words_fills_the_role_form_and_says_why() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            #expect(try await browser.get("/roles/intake").status == .ok)
            let brief = "Build dashboards and weekly KPI reports from our Snowflake warehouse with dbt; load Stripe payments data through an ETL pipeline."
            let form = try await browser.post("/roles/intake", form: [("brief", brief)])
            #expect(form.status == .ok)
            #expect(form.body.contains("Step 2 of 2"))
            #expect(form.body.contains(#"<option value="data-science" selected>"#))
            #expect(form.body.contains("dashboards"))
            let integrations = form.body.components(separatedBy: #"id="integrations" name="integrations" value=""#).last?.prefix { $0 != "\"" } ?? ""
            #expect(integrations.contains("Stripe"))
            #expect(form.body.contains("analytics") && form.body.contains("etl"))
            let empty = try await browser.post("/roles/intake", form: [("brief", "  ")])
            #expect(empty.status == .badRequest)
        }
    }

    @Test func a_candidates_rate_is_placed_against_the_band_where_they_live() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var patch = CandidateInput()
            patch.country = "IN"
            patch.seniority = "mid"
            patch.hourlyRateCents = 9000
            patch.version = 1
            _ = try await CandidateWrites.update(f.candidateInA, with: patch, scope: f.operatorAdmin, on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await browser.get("/candidates/\(f.candidateInA)")
            #expect(page.body.contains("above the offshore band for mid developers ($30.00–$60.00/h)"))
        }
    }
}
