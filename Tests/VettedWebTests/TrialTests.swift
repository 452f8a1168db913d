import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// The paid trial as a tracked stage: terms, check-ins with hours, deliverables, its cost
/// against plan and budget, and a decision that needs the review on the scorecard scale.
@Suite struct TrialTests {
    nonisolated(unsafe) static let review: [String: Any] = [
        "stage": "paid-trial", "recommendation": "strong-yes",
        "ratings": ["delivery": 4, "code-quality": 3, "explains-decisions": 4, "identifies-risks": 3],
        "evidence": ["delivery": "all criteria met", "code-quality": "tests, one long function", "explains-decisions": "clear PR notes", "identifies-risks": "flagged the quota early"],
    ]

    static func toTrial(_ app: Application, _ f: Fixtures) async throws {
        _ = try await ApplicationWrites.update(f.applicationA, with: .init(stage: "paid-trial", override: "strong referral", version: 1), scope: f.adminA, on: app.db)
    }

    @Test func a_trial_logs_hours_and_deliverables_and_converts_after_its_review() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            let base = "/api/v1/applications/\(f.applicationA)/trial"
            let terms: [String: Any] = ["task": "Ingest the sales CSVs into a tested pipeline", "weeks": 1, "hourlyCents": 5000, "hoursPerWeek": 10,
                                        "criteria": ["pipeline runs end to end", "tests pass in CI"], "startsOn": "2027-01-04"]
            #expect(try await manager.json(.POST, base, terms).errorField == "stage")
            try await Self.toTrial(app, f)
            var long = terms
            long["weeks"] = 3
            #expect(try await manager.json(.POST, base, long).errorField == "weeks")
            #expect(try await TrialModel.query(on: app.db).count() == 0)
            let started = try await manager.json(.POST, base, terms)
            #expect(started.status == .created, "\(started.body)")
            let id = try #require(try started.json()["id"] as? String)
            #expect(try started.json()["plannedCents"] as? Int == 50_000)
            #expect(try await manager.json(.POST, base, terms).status == .conflict)

            #expect(try await manager.json(.POST, "/api/v1/trials/\(id)/checkins", ["hours": 6, "note": "schema agreed, loader half done"]).status == .ok)
            let second = try await manager.json(.POST, "/api/v1/trials/\(id)/checkins", ["hours": 7, "note": "loader done, tests green"])
            let cost = try second.json()
            #expect(cost["loggedHours"] as? Int == 13 && cost["loggedCents"] as? Int == 65_000 && cost["overPlan"] as? Bool == true)
            #expect(try await manager.json(.POST, "/api/v1/trials/\(id)/checkins", ["hours": 3, "note": " "]).errorField == "note")
            #expect(try await manager.json(.POST, "/api/v1/trials/\(id)/deliverables", ["title": "PR", "link": "ftp://example.net/x"]).errorField == "link")
            #expect(try await manager.json(.POST, "/api/v1/trials/\(id)/deliverables", ["title": "PR #12: loader", "link": "https://git.example/pr/12"]).status == .ok)

            // No decision before the review.
            let early = try await manager.json(.POST, "/api/v1/trials/\(id)/decision", ["decision": "convert", "reason": "great work"])
            #expect(early.errorField == "decision")
            #expect(early.errorMessage?.contains("submit a Paid trial scorecard") == true)
            #expect(try await manager.json(.POST, "/api/v1/applications/\(f.applicationA)/scorecards", Self.review).status == .created)
            #expect(try await manager.json(.POST, "/api/v1/trials/\(id)/decision", ["decision": "maybe", "reason": "x"]).errorField == "decision")
            let decided = try await manager.json(.POST, "/api/v1/trials/\(id)/decision", ["decision": "convert", "reason": "met every criterion"])
            #expect(decided.status == .ok, "\(decided.body)")
            #expect(try decided.json()["status"] as? String == "converted")
            #expect(try await ApplicationModel.find(f.applicationA.rawValue, on: app.db)?.stage == "offer")
            #expect(try await manager.json(.POST, "/api/v1/trials/\(id)/checkins", ["hours": 1, "note": "late"]).status == .conflict)
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$entityType ~~ ["trial", "trial-entry"]).all()
            #expect(audit.count == 5)
            #expect(audit.contains { $0.summary == "converted the trial to an offer: met every criterion" })
        }
    }

    @Test func the_trial_page_starts_one_and_closes_it_with_a_reason() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await Self.toTrial(app, f)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.managerAEmail, Fixtures.password)
            #expect(try await browser.get("/applications/\(f.applicationA)/trial").body.contains("Start trial"))
            let refused = try await browser.post("/applications/\(f.applicationA)/trial", form: [
                ("task", "Build the model API"), ("weeks", "1"), ("hourlyCents", "4000"), ("hoursPerWeek", "20"), ("criteria", ""), ("startsOn", "2027-01-04")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("write at least one acceptance criterion") && refused.body.contains("Build the model API"))
            let started = try await browser.post("/applications/\(f.applicationA)/trial", form: [
                ("task", "Build the model API"), ("weeks", "2"), ("hourlyCents", "4000"), ("hoursPerWeek", "20"), ("criteria", "serves predictions\nhas tests"), ("startsOn", "2027-01-04")])
            #expect(started.status == .seeOther)
            let trial = try #require(try await TrialModel.query(on: app.db).first())
            let page = try await browser.get("/applications/\(f.applicationA)/trial")
            #expect(page.body.contains("serves predictions") && page.body.contains("Log check-in"))
            #expect(try await browser.post("/trials/\(trial.id!.uuidString)/checkins", form: [("hours", "many"), ("note", "ok")]).status == .badRequest)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            var review = Self.review
            review["recommendation"] = "no"
            #expect(try await manager.json(.POST, "/api/v1/applications/\(f.applicationA)/scorecards", review).status == .created)
            try await browser.get("/applications/\(f.applicationA)/trial")
            let closed = try await browser.post("/trials/\(trial.id!.uuidString)/decision", form: [("decision", "close"), ("reason", "missed the deadline")])
            #expect(closed.status == .seeOther)
            let application = try #require(try await ApplicationModel.find(f.applicationA.rawValue, on: app.db))
            #expect(application.stage == "closed" && application.closedReason == "after the paid trial: missed the deadline")
            // An interviewer reads the trial but cannot change it.
            let interviewer = TestClient(app)
            try await interviewer.signIn(Fixtures.interviewerAEmail, Fixtures.password)
            #expect(try await interviewer.get("/applications/\(f.applicationA)/trial").status == .ok)
        }
    }
}
