import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct RolePlanTests {
    @Test func the_role_page_shows_checklist_costs_and_overlap_from_the_brief() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var patch = RoleInput()
            patch.specialties = ["nlp"]
            patch.integrations = ["PostgreSQL"]
            patch.seniority = "senior"
            patch.hoursPerWeek = 40
            patch.durationWeeks = 10
            patch.overlapHours = 3
            patch.version = 1
            _ = try await RoleWrites.update(f.roleA, with: patch, scope: f.adminA, on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            let page = try await browser.get("/roles/\(f.roleA)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<strong>PostgreSQL</strong> — integration: PostgreSQL"))
            #expect(page.body.contains("<strong>NLP</strong> — specialty: nlp") || page.body.contains("specialty: nlp"))
            // Senior offshore band for 400 hours: $60–$120/h → $24,000–$48,000.
            #expect(page.body.contains("$24,000.00 – $48,000.00"))
            #expect(page.body.contains("Asia/Kolkata"))
            // Where the guide and the survey disagree, the page shows both.
            #expect(page.body.contains("survey: $"))
            #expect(page.body.contains("Monthly (expected)"))
            let chart = try await browser.get("/roles/\(f.roleA)/cost-chart.svg")
            #expect(chart.status == .ok)
            #expect(chart.headers.contentType?.subType == "svg+xml")
            #expect(chart.body.hasPrefix("<svg"))
            #expect(!chart.body.contains("<script"))
        }
    }
}
