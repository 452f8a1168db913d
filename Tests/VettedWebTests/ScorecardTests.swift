import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Scorecards as reviewers meet them: every competency rated with evidence, independence
/// (nobody reads a stage's scores before scoring it), blind review, and calibration.
@Suite struct ScorecardTests {
    static let fundamentals = ["oop", "dsa", "clean-code", "debugging-testing"]

    static func body(_ rating: Int, _ call: String, skip: String? = nil) -> [String: Any] {
        var ratings: [String: Int] = [:], evidence: [String: String] = [:]
        for key in fundamentals where key != skip {
            ratings[key] = rating
            evidence[key] = "said or did something about \(key)"
        }
        return ["stage": "fundamentals", "recommendation": call, "ratings": ratings, "evidence": evidence]
    }

    /// Moves an application to fundamentals (from sourced, through screen).
    static func toFundamentals(_ app: Application, _ id: ApplicationID, scope: TenantScope) async throws {
        let screen = try await ApplicationWrites.update(id, with: .init(stage: "screen", version: 1), scope: scope, on: app.db)
        _ = try await ApplicationWrites.update(id, with: .init(stage: "fundamentals", version: screen.version), scope: scope, on: app.db)
    }

    @Test func reviewers_score_independently_and_read_the_panel_only_after() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await Self.toFundamentals(app, f.applicationA, scope: f.adminA)
            let interviewer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let path = "/api/v1/applications/\(f.applicationA)/scorecards"

            let kit = try await interviewer.get("/api/v1/applications/\(f.applicationA)/kits/fundamentals").json()
            #expect((kit["competencies"] as? [[String: Any]])?.map { $0["key"] as? String } == Self.fundamentals)

            // A missing rating names the competency, and nothing is stored.
            let missing = try await interviewer.json(.POST, path, Self.body(3, "yes", skip: "dsa"))
            #expect(missing.status == .badRequest)
            #expect(missing.errorField == "ratings.dsa")
            #expect(missing.errorMessage?.contains("Data structures and algorithms has no rating") == true)
            var bad = Self.body(3, "yes")
            bad["ratings"] = ["oop": 5, "dsa": 3, "clean-code": 3, "debugging-testing": 3]
            #expect(try await interviewer.json(.POST, path, bad).errorField == "ratings.oop")
            var noEvidence = Self.body(3, "yes")
            noEvidence["evidence"] = ["oop": "ok", "dsa": "  ", "clean-code": "ok", "debugging-testing": "ok"]
            #expect(try await interviewer.json(.POST, path, noEvidence).errorField == "evidence.dsa")
            #expect(try await interviewer.json(.POST, path, Self.body(3, "maybe")).errorField == "recommendation")
            #expect(try await ScorecardModel.query(on: app.db).count() == 0)
            // A stage the candidate has not reached cannot be scored.
            var later = Self.body(3, "yes")
            later["stage"] = "communication"
            #expect(try await interviewer.json(.POST, path, later).errorField == "stage")

            let first = try await interviewer.json(.POST, path, Self.body(4, "strong-yes"))
            #expect(first.status == .created, "\(first.body)")
            #expect(try first.json()["meanRating"] as? Double == 4)

            // The manager has not scored: they see that one scorecard exists, not what it says.
            let before = try await manager.get(path).json()
            let stage = try #require((before["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == "fundamentals" })
            #expect(stage["submitted"] as? Int == 1)
            #expect(stage["visible"] as? Bool == false)
            #expect((stage["scorecards"] as? [Any])?.isEmpty == true)
            #expect((before["decision"] as? [String: Any])?["verdict"] as? String == "no-scores")
            #expect(try await manager.json(.POST, path, Self.body(2, "no")).status == .created)
            let after = try await manager.get(path).json()
            let opened = try #require((after["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == "fundamentals" })
            #expect((opened["scorecards"] as? [[String: Any]])?.map { $0["reviewer"] as? String } == [Fixtures.interviewerAEmail, Fixtures.managerAEmail])
            let decision = try #require(after["decision"] as? [String: Any])
            #expect(decision["yes"] as? Int == 1 && decision["no"] as? Int == 1)
            #expect(decision["disagreements"] as? [String] == Self.fundamentals)

            // One scorecard per reviewer and stage; a second is refused and the first kept.
            let again = try await interviewer.json(.POST, path, Self.body(1, "strong-no"))
            #expect(again.status == .conflict)
            #expect(try await ScorecardModel.query(on: app.db).filter(\.$reviewerLabel == Fixtures.interviewerAEmail).first()?.recommendation == "strong-yes")

            // The admin reveals without scoring; from then on their scorecard would not be independent.
            let hidden = try await admin.get(path).json()
            #expect(((hidden["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == "fundamentals" })?["visible"] as? Bool == false)
            let revealed = try await admin.json(.POST, "\(path)/fundamentals/reveal", [String: String]())
            #expect(revealed.status == .ok)
            #expect(((try revealed.json()["stages"] as? [[String: Any]])?.first { $0["stage"] as? String == "fundamentals" })?["visible"] as? Bool == true)
            let late = try await admin.json(.POST, path, Self.body(3, "yes"))
            #expect(late.status == .conflict)
            #expect(late.errorMessage?.contains("would not be independent") == true)
            // Interviewers cannot reveal.
            var input = CandidateInput()
            input.fullName = "Cy Gamma"
            input.timeZone = "Europe/Warsaw"
            let cy = try await CandidateWrites.create(input, scope: f.operatorAdmin, on: app.db)
            let second = try await ApplicationWrites.create(.init(candidateId: cy.typedID.description, roleId: f.roleA.description, stage: "screen"), scope: f.operatorAdmin, on: app.db)
            #expect(try await interviewer.json(.POST, "/api/v1/applications/\(second.typedID)/scorecards/screen/reveal", [String: String]()).status == .forbidden)

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$entityType == "scorecard").all()
            #expect(audit.count == 2)
            #expect(audit.contains { $0.actorLabel == Fixtures.interviewerAEmail && $0.summary.contains("Fundamentals scorecard: strong-yes") })
            // Another organization's application has no scorecards to read.
            let other = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminBEmail))
            #expect(try await other.get(path).status == .notFound)
        }
    }

    @Test func blind_review_hides_name_location_and_rate_from_reviewers() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await Self.toFundamentals(app, f.applicationA, scope: f.adminA)
            let admin = TestClient(app)
            try await admin.signIn(Fixtures.adminAEmail, Fixtures.password)
            let panel = try await admin.get("/applications/\(f.applicationA)/scorecards")
            #expect(panel.status == .ok)
            #expect(panel.body.contains("Ada Alpha"))
            #expect(try await admin.post("/roles/\(f.roleA)/blind", form: [("blind", "on")]).status == .seeOther)

            let browser = TestClient(app)
            try await browser.signIn(Fixtures.interviewerAEmail, Fixtures.password)
            let form = try await browser.get("/applications/\(f.applicationA)/scorecards/fundamentals")
            #expect(form.status == .ok)
            let alias = "Candidate \(f.applicationA.rawValue.uuidString.prefix(6).uppercased())"
            #expect(form.body.contains(alias))
            for hidden in ["Ada Alpha", "Asia/Kolkata", "ada.alpha@example.net"] { #expect(!form.body.contains(hidden), "\(hidden) shown in blind review") }
            // The evidence stays: skills with their source.
            #expect(form.body.contains("pytorch") && form.body.contains("assessment"))
            #expect(!(try await browser.get("/roles/\(f.roleA)/board")).body.contains("Ada Alpha"))
            #expect(try await browser.get("/candidates/\(f.candidateInA)").status == .notFound)

            // A form with a missing rating comes back with the error and what was typed.
            var fields: [(String, String)] = [("recommendation", "yes")]
            for key in Self.fundamentals where key != "oop" {
                fields.append(("ratings[\(key)]", "3"))
                fields.append(("evidence[\(key)]", "wrote a heap for \(key)"))
            }
            fields.append(("evidence[oop]", "composition over inheritance"))
            let refused = try await browser.post("/applications/\(f.applicationA)/scorecards/fundamentals", form: fields)
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("Object-oriented design has no rating"))
            #expect(refused.body.contains("composition over inheritance"))
            #expect(try await ScorecardModel.query(on: app.db).count() == 0)

            fields.append(("ratings[oop]", "4"))
            let sent = try await browser.post("/applications/\(f.applicationA)/scorecards/fundamentals", form: fields)
            #expect(sent.status == .seeOther, "\(sent.body)")
            let card = try #require(try await ScorecardModel.query(on: app.db).first())
            #expect(card.blind)
            let after = try await browser.get("/applications/\(f.applicationA)/scorecards")
            #expect(after.body.contains("wrote a heap for dsa") && !after.body.contains("Ada Alpha"))
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            #expect(try await api.get("/api/v1/applications/\(f.applicationA)/scorecards").json()["candidate"] as? String == alias)
        }
    }

    @Test func calibration_shows_each_reviewers_leniency_to_admins() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var input = CandidateInput()
            input.fullName = "Cy Gamma"
            input.timeZone = "Europe/Warsaw"
            let cy = try await CandidateWrites.create(input, scope: f.operatorAdmin, on: app.db)
            let second = try await ApplicationWrites.create(.init(candidateId: cy.typedID.description, roleId: f.roleA.description), scope: f.operatorAdmin, on: app.db)
            let interviewer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            for id in [f.applicationA, second.typedID] {
                try await Self.toFundamentals(app, id, scope: f.adminA)
                // The interviewer is a point kinder than the manager on both candidates, and they agree.
                #expect(try await interviewer.json(.POST, "/api/v1/applications/\(id)/scorecards", Self.body(4, "strong-yes")).status == .created)
                #expect(try await manager.json(.POST, "/api/v1/applications/\(id)/scorecards", Self.body(3, "yes")).status == .created)
            }
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let reply = try await admin.get("/api/v1/calibration")
            #expect(reply.status == .ok)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [[String: Any]])
            let byReviewer = Dictionary(uniqueKeysWithValues: rows.map { ($0["reviewer"] as! String, $0) })
            #expect(byReviewer[Fixtures.interviewerAEmail]?["leniency"] as? Double == 1)
            #expect(byReviewer[Fixtures.managerAEmail]?["leniency"] as? Double == -1)
            #expect(byReviewer[Fixtures.interviewerAEmail]?["agreementRate"] as? Double == 1)
            #expect(byReviewer[Fixtures.managerAEmail]?["shared"] as? Int == 2)
            #expect(try await interviewer.get("/api/v1/calibration").status == .forbidden)

            // The decision corrects each rating for leniency: a point apart, both land on 3.5.
            let panel = try await manager.get("/api/v1/applications/\(f.applicationA)/scorecards").json()
            let voices = try #require((panel["decision"] as? [String: Any])?["voices"] as? [[String: Any]])
            #expect(voices.map { $0["calibratedRating"] as? Double } == [3.5, 3.5])
            #expect((panel["decision"] as? [String: Any])?["verdict"] as? String == "advance")

            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            let page = try await browser.get("/calibration")
            #expect(page.status == .ok)
            #expect(page.body.contains("+1.00") && page.body.contains("-1.00") && page.body.contains("100 %"))
        }
    }
}
