import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Templates an admin edits, reminders for missing scorecards, and the outbox page.
@Suite struct MailTemplateTests {
    static func interview(_ app: Application, _ f: Fixtures, endedAgo: TimeInterval) async throws -> InterviewModel {
        let interviewer = try #require(try await UserModel.query(on: app.db).filter(\.$email == Fixtures.interviewerAEmail).first())
        let row = InterviewModel()
        row.id = UUID()
        row.$application.id = f.applicationA.rawValue
        row.organizationID = f.clientA.rawValue
        row.stage = "screen"
        row.interviewerID = interviewer.id!
        row.interviewerLabel = interviewer.email
        row.startAt = Date().addingTimeInterval(-endedAgo - 3600)
        row.endAt = Date().addingTimeInterval(-endedAgo)
        row.location = ""
        row.uid = "\(row.id!.uuidString)@vetted"
        row.sequence = 0
        row.status = "scheduled"
        row.createdByLabel = Fixtures.managerAEmail
        row.createdAt = Date()
        try await row.create(on: app.db)
        return row
    }

    @Test func an_admin_edits_a_template_and_unknown_placeholders_are_refused() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let admin = TestClient(app)
            try await admin.signIn(Fixtures.adminAEmail, Fixtures.password)
            let page = try await admin.get("/admin/mail-templates")
            #expect(page.status == .ok && page.body.contains("scorecard-reminder") && page.body.contains("{{candidate}}"))
            let bad = try await admin.post("/admin/mail-templates", form: [("key", "scorecard-reminder"), ("subject", "Missing: {{candiate}}"), ("body", "Hi {{name}}")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("{{candiate}} is not available in this message"))
            #expect(try await MailTemplateModel.query(on: app.db).count() == 0)
            try await admin.get("/admin/mail-templates")
            let saved = try await admin.post("/admin/mail-templates", form: [
                ("key", "scorecard-reminder"), ("subject", "Please score {{candidate}} ({{stage}})"), ("body", "Hi {{name}}, your scorecard: {{link}}")])
            #expect(saved.status == .seeOther)

            _ = try await Self.interview(app, f, endedAgo: 7200)
            #expect(try await InterviewInvites.remindMissingScorecards(baseURL: "https://vetted.example", on: app.db) == 1)
            let reminder = try #require(try await OutboxModel.query(on: app.db).filter(\.$templateKey == "scorecard-reminder").first())
            #expect(reminder.toAddress == Fixtures.interviewerAEmail)
            #expect(reminder.subject == "Please score Ada Alpha (Screen)")
            #expect(reminder.body.contains("https://vetted.example/applications/\(f.applicationA)/scorecards/screen"))
            // Client B still gets the default wording.
            #expect(try await MailTemplates.current("scorecard-reminder", organizationID: f.clientB.rawValue, on: app.db).subject.hasPrefix("Scorecard missing"))

            let interviewer = TestClient(app)
            try await interviewer.signIn(Fixtures.interviewerAEmail, Fixtures.password)
            #expect(try await interviewer.get("/admin/mail-templates").status == .forbidden)
            #expect(try await interviewer.get("/admin/outbox").status == .forbidden)
            let outbox = try await admin.get("/admin/outbox")
            #expect(outbox.status == .ok && outbox.body.contains("Please score Ada Alpha") && outbox.body.contains("SMTP is not configured"))
        }
    }

    @Test func reminders_go_once_a_day_and_stop_when_the_scorecard_is_in() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            _ = try await Self.interview(app, f, endedAgo: 600)
            _ = try await ApplicationWrites.update(f.applicationA, with: .init(stage: "screen", version: 1), scope: f.adminA, on: app.db)
            // Not ended yet: no reminder.
            let upcoming = try await Self.interview(app, f, endedAgo: -7200)
            #expect(try await InterviewInvites.remindMissingScorecards(baseURL: "http://x", on: app.db) == 1)
            #expect(try await InterviewInvites.remindMissingScorecards(baseURL: "http://x", on: app.db) == 0)
            // A day later, the upcoming one has ended too and the first is due again.
            let tomorrow = Date().addingTimeInterval(86_400 + 60)
            #expect(try await InterviewInvites.remindMissingScorecards(now: tomorrow, baseURL: "http://x", on: app.db) == 2)
            _ = upcoming
            let interviewer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            let card: [String: Any] = ["stage": "screen", "recommendation": "yes",
                                       "ratings": ["clean-code": 3, "explains-decisions": 3], "evidence": ["clean-code": "tidy", "explains-decisions": "clear"]]
            #expect(try await interviewer.json(.POST, "/api/v1/applications/\(f.applicationA)/scorecards", card).status == .created)
            let later = tomorrow.addingTimeInterval(2 * 86_400)
            #expect(try await InterviewInvites.remindMissingScorecards(now: later, baseURL: "http://x", on: app.db) == 0)
        }
    }

    @Test func two_senders_that_both_see_a_reminder_due_queue_it_once() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            _ = try await Self.interview(app, f, endedAgo: 600)
            // Both read the interview as due before either queued anything.
            let now = Date()
            let seenByFirst = try await InterviewWrites.missingScorecards(now: now, on: app.db)
            let seenBySecond = try await InterviewWrites.missingScorecards(now: now, on: app.db)
            #expect(seenByFirst.count == 1 && seenBySecond.count == 1)
            let before = try await OutboxModel.query(on: app.db).filter(\.$templateKey == "scorecard-reminder").count()
            #expect(try await InterviewInvites.remind(seenByFirst[0], now: now, baseURL: "http://x", on: app.db))
            #expect(try await InterviewInvites.remind(seenBySecond[0], now: now, baseURL: "http://x", on: app.db) == false)
            #expect(try await OutboxModel.query(on: app.db).filter(\.$templateKey == "scorecard-reminder").count() == before + 1)
            // A day later it is due again, once.
            let tomorrow = now.addingTimeInterval(86_400 + 60)
            #expect(try await InterviewInvites.remindMissingScorecards(now: tomorrow, baseURL: "http://x", on: app.db) == 1)
        }
    }
}
