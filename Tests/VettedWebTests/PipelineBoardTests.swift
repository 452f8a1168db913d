import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Moving candidates through a role's stages: the rules (no skipping a required stage
/// without an override, no offer to a closed candidate), the board's form moves and bulk
/// moves, and the history with who moved whom and why.
@Suite struct PipelineBoardTests {
    @Test func api_moves_obey_the_rules_and_keep_a_history() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let path = "/api/v1/applications/\(f.applicationA)"
            #expect(try await client.json(.PATCH, path, ["stage": "screen", "version": 1]).status == .ok)

            let skip = try await client.json(.PATCH, path, ["stage": "paid-trial", "version": 2])
            #expect(skip.status == .badRequest)
            #expect(skip.errorField == "override")
            #expect(skip.errorMessage?.contains("Fundamentals, Project test, Communication") == true)
            // Nothing changed: still at screen, version untouched.
            let still = try await client.get(path).json()
            #expect(still["stage"] as? String == "screen")
            #expect(still["version"] as? Int == 2)

            let overridden = try await client.json(.PATCH, path, ["stage": "paid-trial", "override": "did the same work for us last year", "version": 2])
            #expect(overridden.status == .ok, "\(overridden.body)")
            let engaged = try await client.json(.PATCH, path, ["stage": "engaged", "version": 3])
            #expect(engaged.status == .badRequest)
            #expect(engaged.errorMessage == "a candidate becomes engaged only by accepting an offer")

            #expect(try await client.json(.PATCH, path, ["stage": "closed", "version": 3]).errorField == "closedReason")
            #expect(try await client.json(.PATCH, path, ["stage": "closed", "closedReason": "rate too high", "version": 3]).status == .ok)
            let offer = try await client.json(.PATCH, path, ["stage": "offer", "override": "they lowered the rate", "version": 4])
            #expect(offer.status == .badRequest)
            #expect(offer.errorMessage?.contains("closed candidate cannot be moved to Offer") == true)

            let history = try await client.get("\(path)/stages")
            #expect(history.status == .ok)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(history.body.utf8)) as? [[String: Any]])
            #expect(rows.map { $0["toStage"] as? String } == ["sourced", "screen", "paid-trial", "closed"])
            #expect(rows[2]["override"] as? String == "did the same work for us last year")
            #expect(rows[2]["skipped"] as? [String] == ["fundamentals", "project-test", "communication"])
            #expect(rows[3]["reason"] as? String == "rate too high")
            #expect(rows[1]["actor"] as? String == Fixtures.adminAEmail)

            let audit = try await AuditEventModel.query(on: app.db).filter(\.$entityID == f.applicationA.rawValue).filter(\.$action == "update").all()
            #expect(audit.contains { $0.summary.contains("skipping Fundamentals, Project test, Communication (override: did the same work for us last year)") })

            // Another organization's application is not found, its history neither.
            #expect(try await client.get("/api/v1/applications/\(f.applicationB)/stages").status == .notFound)
        }
    }

    @Test func the_board_moves_one_or_many_with_forms_and_all_or_nothing() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var input = CandidateInput()
            input.fullName = "Cy Gamma"
            input.timeZone = "Europe/Warsaw"
            let cy = try await CandidateWrites.create(input, scope: f.operatorAdmin, on: app.db)
            let second = try await ApplicationWrites.create(.init(candidateId: cy.typedID.description, roleId: f.roleA.description, stage: "screen"), scope: f.operatorAdmin, on: app.db)

            let browser = TestClient(app)
            try await browser.signIn(Fixtures.managerAEmail, Fixtures.password)
            let board = try await browser.get("/roles/\(f.roleA)/board")
            #expect(board.status == .ok)
            #expect(board.body.contains("id=\"column-sourced\""))
            #expect(board.body.contains("id=\"card-\(f.applicationA)\""))
            #expect(board.body.contains("Cy Gamma"))

            let one = try await browser.post("/applications/\(f.applicationA)/stage", form: [("stage", "screen"), ("version", "1"), ("next", "board")])
            #expect(one.status == .seeOther)
            #expect(one.location == "/roles/\(f.roleA)/board?notice=moved")

            // Both are at screen now. Moving both to communication skips required stages:
            // without an override, neither moves.
            try await browser.get("/roles/\(f.roleA)/board")
            let refused = try await browser.post("/roles/\(f.roleA)/board/move", form: [
                ("applicationIds[]", f.applicationA.description), ("applicationIds[]", second.typedID.description), ("stage", "communication")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("nobody was moved"))
            let stages = try await ApplicationModel.query(on: app.db).filter(\.$role.$id == f.roleA.rawValue).all(\.$stage)
            #expect(Set(stages) == ["screen"])

            try await browser.get("/roles/\(f.roleA)/board")
            let bulk = try await browser.post("/roles/\(f.roleA)/board/move", form: [
                ("applicationIds[]", f.applicationA.description), ("applicationIds[]", second.typedID.description), ("stage", "fundamentals")])
            #expect(bulk.status == .seeOther)
            let moved = try await ApplicationModel.query(on: app.db).filter(\.$role.$id == f.roleA.rawValue).all(\.$stage)
            #expect(moved == ["fundamentals", "fundamentals"])

            let history = try await browser.get("/applications/\(f.applicationA)/history")
            #expect(history.status == .ok)
            #expect(history.body.contains("Fundamentals") && history.body.contains(Fixtures.managerAEmail))

            // An interviewer sees the board but cannot move anyone.
            let interviewer = TestClient(app)
            try await interviewer.signIn(Fixtures.interviewerAEmail, Fixtures.password)
            let readOnly = try await interviewer.get("/roles/\(f.roleA)/board")
            #expect(readOnly.status == .ok)
            #expect(!readOnly.body.contains("/board/move"))
            #expect(try await interviewer.post("/roles/\(f.roleA)/board/move", form: [("applicationIds[]", f.applicationA.description), ("stage", "screen")]).status == .forbidden)
            // Client B cannot see A's board.
            let other = TestClient(app)
            try await other.signIn(Fixtures.adminBEmail, Fixtures.password)
            #expect(try await other.get("/roles/\(f.roleA)/board").status == .notFound)
        }
    }
}
