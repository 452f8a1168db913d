import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct RateCardTests {
    static func settings(juniorHigh: Int = 3000, midLow: Int = 3000, seniorLow: Int = 6000) -> [String: Any] {
        ["junior": ["lowCents": 1500, "highCents": juniorHigh], "mid": ["lowCents": midLow, "highCents": 6000],
         "senior": ["lowCents": seniorLow, "highCents": 14000],
         "expectedAIML": 600, "expectedDataScience": 500, "expectedBackend": 400, "complexityBasic": 900, "complexityComplex": 1250,
         "modelFreelancer": 1100, "modelProject": 1150, "modelInHouse": 1250, "inHouseOverhead": 1300, "recruitingFee": 200, "weeksToHire": 8]
    }

    @Test func an_organization_saves_versions_of_its_card_and_its_roles_are_estimated_with_it() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let initial = try await admin.get("/api/v1/rate-card")
            #expect((try initial.json()["version"] as? Int) == 0)
            let saved = try await admin.json(.PUT, "/api/v1/rate-card", ["version": 0, "settings": Self.settings(seniorLow: 7000)])
            #expect(saved.status == .ok, "\(saved.body)")
            #expect((try saved.json()["version"] as? Int) == 1)
            #expect((try saved.json()["history"] as? [Any])?.count == 1)

            var patch = RoleInput()
            patch.seniority = "senior"
            patch.version = 1
            _ = try await RoleWrites.update(f.roleA, with: patch, scope: f.adminA, on: app.db)
            let plan = try await admin.get("/api/v1/roles/\(f.roleA)/plan")
            let offshore = (try plan.json()["estimates"] as? [String: Any])?["offshore"] as? [String: Any]
            #expect((offshore?["hourlyCents"] as? [String: Int])?["low"] == 7000)
            // Client B still has the guide's band.
            let other = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminBEmail))
            let b = try await other.json(.POST, "/api/v1/planning/estimate", ["category": "backend", "level": "senior", "location": "offshore", "hoursPerWeek": 10, "weeks": 1])
            #expect((try b.json()["hourlyCents"] as? [String: Int])?["low"] == 6000)

            let stale = try await admin.json(.PUT, "/api/v1/rate-card", ["version": 0, "settings": Self.settings()])
            #expect(stale.status == .conflict)
        }
    }

    @Test func inverted_or_overlapping_bands_are_refused_naming_the_field() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let inverted = try await admin.json(.PUT, "/api/v1/rate-card", ["version": 0, "settings": Self.settings(juniorHigh: 1000)])
            #expect(inverted.status == .badRequest)
            #expect(inverted.errorField == "junior.highCents")
            let overlapping = try await admin.json(.PUT, "/api/v1/rate-card", ["version": 0, "settings": Self.settings(midLow: 2500)])
            #expect(overlapping.status == .badRequest)
            #expect(overlapping.errorField == "mid.lowCents")
            #expect(overlapping.errorMessage?.contains("must not overlap") == true)
            #expect((try await admin.get("/api/v1/rate-card").json()["version"] as? Int) == 0)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            #expect(try await manager.json(.PUT, "/api/v1/rate-card", ["version": 0, "settings": Self.settings()]).status == .forbidden)
        }
    }

    @Test func the_rate_card_page_saves_dollars_and_shows_history() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            let page = try await browser.get("/rate-card")
            #expect(page.body.contains(#"name="seniorHigh" value="120""#))
            let fields: [(String, String)] = [("juniorLow", "15"), ("juniorHigh", "30"), ("midLow", "30"), ("midHigh", "60"), ("seniorLow", "60"), ("seniorHigh", "130"),
                                              ("expectedAIML", "60"), ("expectedDataScience", "50"), ("expectedBackend", "40"), ("complexityBasic", "0.90"),
                                              ("complexityComplex", "1.25"), ("modelFreelancer", "1.10"), ("modelProject", "1.15"), ("modelInHouse", "1.25"),
                                              ("inHouseOverhead", "1.30"), ("recruitingFee", "20"), ("weeksToHire", "8"), ("version", "0")]
            let saved = try await browser.post("/rate-card", form: fields)
            #expect(saved.status == .seeOther)
            let after = try await browser.get("/rate-card")
            #expect(after.body.contains(#"name="seniorHigh" value="130""#))
            #expect(after.body.contains(Fixtures.adminAEmail))
            var bad = fields
            bad[1] = ("juniorHigh", "ten")
            let error = try await browser.post("/rate-card", form: bad.map { $0.0 == "version" ? ("version", "1") : $0 })
            #expect(error.status == .badRequest)
            #expect(error.body.contains("junior.highCents must be an amount"))
        }
    }
}
