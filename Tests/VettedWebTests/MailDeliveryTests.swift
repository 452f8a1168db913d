import Fluent
import Foundation
import Mail
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// The outbox delivered through SMTP on loopback: a booked interview's invites arrive with
/// their .ics; a relay that is down leaves the messages pending with a later attempt; a
/// mailbox the relay refuses for good ends as failed, and an admin can send it again.
@Suite struct MailDeliveryTests {
    static func bookInterview(_ app: Application, _ f: Fixtures) async throws {
        let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
        let base = "/api/v1/applications/\(f.applicationA)"
        let slots = try #require(try JSONSerialization.jsonObject(with: Data(try await manager.get("\(base)/slots?minutes=60").body.utf8)) as? [[String: Any]])
        let interviewer = try #require(try await UserModel.query(on: app.db).filter(\.$email == Fixtures.interviewerAEmail).first())
        let booked = try await manager.json(.POST, "\(base)/interviews", [
            "stage": "screen", "interviewerId": interviewer.id!.uuidString, "start": try #require(slots.first?["start"] as? String), "minutes": 60])
        #expect(booked.status == .created, "\(booked.body)")
    }

    static func smtp(port: Int) -> SMTPSettings {
        var settings = SMTPSettings(server: SMTPServer(host: "127.0.0.1", port: port, timeout: 5))
        settings.from = "hiring@vetted.test"
        return settings
    }

    @Test func a_booked_interview_reaches_both_people_with_its_calendar_invite() async throws {
        let relay = try FakeSMTPServer()
        defer { relay.stop() }
        try await TestDatabase.withApp({ $0.smtp = Self.smtp(port: relay.port) }) { app in
            let f = try await Fixtures.make(app)
            try await Self.bookInterview(app, f)
            let summary = try await MailDelivery(app).runOnce()
            #expect(summary.sent == 2 && summary.retrying == 0 && summary.failed == 0)
            #expect(Set(relay.received.flatMap(\.recipients)) == ["<ada.alpha@example.net>", "<\(Fixtures.interviewerAEmail)>"])
            let toCandidate = try #require(relay.received.first { $0.recipients == ["<ada.alpha@example.net>"] })
            #expect(toCandidate.from == "<hiring@vetted.test>")
            #expect(toCandidate.data.contains("Content-Type: text/calendar") && toCandidate.data.contains("filename=\"interview.ics\""))
            let rows = try await OutboxModel.query(on: app.db).all()
            #expect(rows.allSatisfy { $0.status == "sent" && $0.attempts == 1 && $0.sentAt != nil })
            // Sent messages are not sent again.
            #expect(try await MailDelivery(app).runOnce().sent == 0)
            #expect(relay.received.count == 2)
        }
    }

    @Test func a_relay_that_is_down_delays_mail_and_a_refused_mailbox_fails_it() async throws {
        let down = FakeSMTPServer.closedPort()
        defer { withExtendedLifetime(down) {} }
        try await TestDatabase.withApp({ $0.smtp = Self.smtp(port: down.port) }) { app in
            let f = try await Fixtures.make(app)
            try await Self.bookInterview(app, f)
            let before = Date()
            let summary = try await MailDelivery(app).runOnce(now: before)
            // The first connection failure ends the round; the other message stays due.
            #expect(summary.sent == 0 && summary.retrying == 1 && summary.failed == 0)
            let rows = try await OutboxModel.query(on: app.db).all()
            #expect(rows.allSatisfy { $0.status == "pending" })
            let tried = try #require(rows.first { $0.attempts == 1 })
            #expect(tried.nextAttemptAt > before && tried.lastError?.contains("connection failed") == true)
            #expect(rows.filter { $0.attempts == 0 }.count == 1)
        }

        var script = FakeSMTPServer.Script()
        script.recipientReply = 550
        let refusing = try FakeSMTPServer(script: script)
        defer { refusing.stop() }
        try await TestDatabase.withApp({ $0.smtp = Self.smtp(port: refusing.port) }) { app in
            let f = try await Fixtures.make(app)
            try await Self.bookInterview(app, f)
            let summary = try await MailDelivery(app).runOnce()
            #expect(summary.failed == 2 && summary.sent == 0)
            let row = try #require(try await OutboxModel.query(on: app.db).first())
            #expect(row.status == "failed" && row.lastError?.contains("RCPT TO with 550") == true)
            // Later rounds leave it alone until an admin retries it.
            let commandsBefore = refusing.commands.count
            #expect(try await MailDelivery(app).runOnce().failed == 0)
            #expect(refusing.commands.count == commandsBefore)
            let admin = TestClient(app)
            try await admin.signIn(Fixtures.adminAEmail, Fixtures.password)
            let outbox = try await admin.get("/admin/outbox")
            #expect(outbox.body.contains("RCPT TO with 550"))
            #expect(try await admin.post("/admin/outbox/\(row.id!.uuidString.lowercased())/retry", form: []).status == .seeOther)
            #expect(try await OutboxModel.find(row.id, on: app.db)?.status == "pending")
        }
    }

    @Test func without_smtp_settings_messages_wait_in_the_outbox() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await Self.bookInterview(app, f)
            #expect(try await MailDelivery(app).runOnce() == MailDelivery.Summary())
            #expect(try await OutboxModel.query(on: app.db).filter(\.$status == "pending").count() == 2)
        }
    }

    @Test func a_relay_that_refuses_the_sender_delays_mail_instead_of_failing_it() async throws {
        var script = FakeSMTPServer.Script()
        script.senderReply = 550
        let relay = try FakeSMTPServer(script: script)
        defer { relay.stop() }
        try await TestDatabase.withApp({ $0.smtp = Self.smtp(port: relay.port) }) { app in
            let f = try await Fixtures.make(app)
            try await Self.bookInterview(app, f)
            let summary = try await MailDelivery(app).runOnce()
            // A 5xx about the relay, not the message: one message spends an attempt, the
            // round ends, and nothing is given up on.
            #expect(summary.retrying == 1 && summary.failed == 0)
            let rows = try await OutboxModel.query(on: app.db).all()
            #expect(rows.allSatisfy { $0.status == "pending" })
            #expect(rows.map(\.attempts).sorted() == [0, 1])
            #expect(rows.contains { $0.lastError?.contains("MAIL FROM with 550") == true })
        }
    }

    @Test func a_message_another_sender_has_claimed_is_not_sent_twice() async throws {
        let relay = try FakeSMTPServer()
        defer { relay.stop() }
        try await TestDatabase.withApp({ $0.smtp = Self.smtp(port: relay.port) }) { app in
            let f = try await Fixtures.make(app)
            try await Self.bookInterview(app, f)
            let rows = try await OutboxModel.query(on: app.db).sort(\.$createdAt).all()
            let now = Date()
            #expect(try await OutboxWrites.claim(rows[0], now: now, on: app.db))
            #expect(try await !OutboxWrites.claim(rows[0], now: now, on: app.db))
            let summary = try await MailDelivery(app).runOnce(now: now)
            #expect(summary.sent == 1)
            #expect(relay.received.count == 1)
            #expect(try await OutboxModel.find(rows[0].id, on: app.db)?.status == "pending")
            // When the claim's lease runs out, the message is due again.
            #expect(try await MailDelivery(app).runOnce(now: now.addingTimeInterval(601)).sent == 1)
            #expect(relay.received.count == 2)
        }
    }
}
