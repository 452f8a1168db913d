import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Interviews across zones: the team works 09:00-17:00 in Berlin, the candidate 09:00-17:00
/// in Kolkata, so they share the Berlin morning. Slots fall inside both windows, a slot
/// outside one is refused naming it, and every booking, move and cancellation queues an
/// invite with the same UID and a higher SEQUENCE.
@Suite struct InterviewTests {
    static func berlinLocal(_ date: Date, hour: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02dT%02d:00", c.year!, c.month!, c.day!, hour)
    }

    @Test func slots_lie_in_both_windows_and_every_change_sends_an_invite() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            let base = "/api/v1/applications/\(f.applicationA)"
            let slots = try #require(try JSONSerialization.jsonObject(with: Data(try await manager.get("\(base)/slots?minutes=60").body.utf8)) as? [[String: Any]])
            #expect(!slots.isEmpty)
            let iso = ISO8601DateFormatter()
            let berlin = TimeZone(identifier: "Europe/Berlin")!, kolkata = TimeZone(identifier: "Asia/Kolkata")!
            for slot in slots {
                let start = try #require(iso.date(from: slot["start"] as! String)), end = try #require(iso.date(from: slot["end"] as! String))
                for (zone, date) in [(berlin, start), (kolkata, start), (berlin, end.addingTimeInterval(-1)), (kolkata, end.addingTimeInterval(-1))] {
                    var calendar = Calendar(identifier: .gregorian)
                    calendar.timeZone = zone
                    let hour = calendar.component(.hour, from: date)
                    #expect((9..<17).contains(hour), "\(slot) is outside 09-17 in \(zone.identifier)")
                    #expect(![1, 7].contains(calendar.component(.weekday, from: date)))
                }
            }
            let interviewer = try #require(try await UserModel.query(on: app.db).filter(\.$email == Fixtures.interviewerAEmail).first())
            let first = slots[0]["start"] as! String

            // 15:00-16:00 in Berlin is 19:30 in Kolkata: outside the candidate's day.
            let outside = try await manager.json(.POST, "\(base)/interviews", [
                "stage": "screen", "interviewerId": interviewer.id!.uuidString, "start": Self.berlinLocal(iso.date(from: first)!, hour: 15), "minutes": 60])
            #expect(outside.status == .badRequest)
            #expect(outside.errorMessage?.contains("outside the candidate's working hours") == true)
            #expect(try await InterviewModel.query(on: app.db).count() == 0)
            #expect(try await OutboxModel.query(on: app.db).count() == 0)
            // The interviewer must belong to the hiring organization.
            let stranger = try #require(try await UserModel.query(on: app.db).filter(\.$email == Fixtures.adminBEmail).first())
            #expect(try await manager.json(.POST, "\(base)/interviews", ["stage": "screen", "interviewerId": stranger.id!.uuidString, "start": first]).errorField == "interviewerId")

            let booked = try await manager.json(.POST, "\(base)/interviews", [
                "stage": "screen", "interviewerId": interviewer.id!.uuidString, "start": first, "minutes": 60, "location": "https://meet.example/abc"])
            #expect(booked.status == .created, "\(booked.body)")
            let id = try #require(try booked.json()["id"] as? String)
            let mails = try await OutboxModel.query(on: app.db).sort(\.$createdAt).all()
            #expect(Set(mails.map(\.toAddress)) == ["ada.alpha@example.net", Fixtures.interviewerAEmail])
            let toCandidate = try #require(mails.first { $0.toAddress == "ada.alpha@example.net" })
            #expect(toCandidate.body.contains("Asia/Kolkata") && toCandidate.subject.contains("Role of A"))
            #expect(toCandidate.attachment?.contains("SEQUENCE:0") == true && toCandidate.attachment?.contains("DTSTART;TZID=Europe/Berlin:") == true)
            #expect(toCandidate.attachment?.contains("BEGIN:VTIMEZONE") == true && toCandidate.status == "pending")

            let second = slots[1]["start"] as! String
            let noReason = try await manager.json(.POST, "/api/v1/interviews/\(id)/reschedule", ["start": second])
            #expect(noReason.errorField == "reason")
            let moved = try await manager.json(.POST, "/api/v1/interviews/\(id)/reschedule", ["start": second, "reason": "candidate asked for later"])
            #expect(moved.status == .ok, "\(moved.body)")
            let movedJSON = try moved.json()
            #expect(movedJSON["sequence"] as? Int == 1)
            #expect((movedJSON["history"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["booked", "rescheduled"])
            #expect(try await OutboxModel.query(on: app.db).count() == 4)
            let ics = try await manager.get("/api/v1/interviews/\(id)/invite.ics")
            #expect(ics.headers.contentType?.subType == "calendar")
            #expect(ics.body.contains("SEQUENCE:1") && ics.body.contains("UID:\(id)@vetted") && ics.body.contains("METHOD:REQUEST"))

            #expect(try await manager.json(.POST, "/api/v1/interviews/\(id)/cancel", ["reason": "role on hold"]).status == .ok)
            let cancelled = try await manager.get("/api/v1/interviews/\(id)/invite.ics").body
            #expect(cancelled.contains("METHOD:CANCEL") && cancelled.contains("SEQUENCE:2") && cancelled.contains("STATUS:CANCELLED"))
            #expect(try await manager.json(.POST, "/api/v1/interviews/\(id)/reschedule", ["start": second, "reason": "x"]).status == .conflict)

            // Interviewers read interviews but do not book them.
            let asInterviewer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            #expect(try await asInterviewer.get("\(base)/interviews").status == .ok)
            #expect(try await asInterviewer.json(.POST, "\(base)/interviews", ["stage": "screen", "interviewerId": interviewer.id!.uuidString, "start": first]).status == .forbidden)
        }
    }

    @Test func the_page_books_a_proposed_slot_with_a_form() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.managerAEmail, Fixtures.password)
            let page = try await browser.get("/applications/\(f.applicationA)/interviews")
            #expect(page.status == .ok)
            #expect(page.body.contains("09:00-17:00 Asia/Kolkata") && page.body.contains("Book and send the invites"))
            let slot = try #require(page.body.range(of: #"name="start" value=""#).map { range -> String in
                let rest = page.body[range.upperBound...]
                return String(rest[..<rest.firstIndex(of: "\"")!])
            })
            let interviewer = try #require(try await UserModel.query(on: app.db).filter(\.$email == Fixtures.interviewerAEmail).first())
            let refused = try await browser.post("/applications/\(f.applicationA)/interviews", form: [
                ("stage", "screen"), ("interviewerId", interviewer.id!.uuidString), ("minutes", "abc"), ("start", slot), ("startLocal", "")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("minutes must be a whole number"))
            let sent = try await browser.post("/applications/\(f.applicationA)/interviews", form: [
                ("stage", "screen"), ("interviewerId", interviewer.id!.uuidString), ("minutes", "45"), ("start", slot), ("startLocal", ""), ("location", "Room 1")])
            #expect(sent.status == .seeOther, "\(sent.body)")
            let listed = try await browser.get("/applications/\(f.applicationA)/interviews")
            #expect(listed.body.contains("Room 1") && listed.body.contains("invite.ics") && listed.body.contains("booked by \(Fixtures.managerAEmail)"))
            let row = try #require(try await InterviewModel.query(on: app.db).first())
            #expect(row.endAt.timeIntervalSince(row.startAt) == 45 * 60)
        }
    }
}
