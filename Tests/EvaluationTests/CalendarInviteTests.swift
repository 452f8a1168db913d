import Foundation
import Testing
import VettedDomain
@testable import Evaluation

@Suite struct CalendarInviteTests {
    func invite(_ start: String, zone: String, summary: String = "Fundamentals interview: Ada Alpha") throws -> CalendarInvite {
        let date = try #require(ISO8601DateFormatter().date(from: start))
        return CalendarInvite(uid: "interview-1@vetted", sequence: 2, start: date, end: date.addingTimeInterval(3600), zone: try ZoneName(zone),
                              summary: summary, description: "Line one\nLine two; with, punctuation",
                              organizer: ("Ida Interviewer", "ida@a.test"), attendees: [("Ada Alpha", "ada@example.net")],
                              stamp: try #require(ISO8601DateFormatter().date(from: "2026-03-01T08:00:00Z")))
    }

    func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
    }

    @Test func theEventIsInTheOrganizersZoneWithItsRealOffsets() throws {
        // 14:00 UTC on 2026-03-10: New York is already on daylight time (since 8 March), 10:00 local.
        let lines = unfolded(try invite("2026-03-10T14:00:00Z", zone: "America/New_York").text)
        #expect(lines.contains("DTSTART;TZID=America/New_York:20260310T100000"))
        #expect(lines.contains("DTEND;TZID=America/New_York:20260310T110000"))
        #expect(lines.contains("DTSTAMP:20260301T080000Z"))
        #expect(lines.contains("SEQUENCE:2"))
        // The 2026 spring-forward: 02:00 local standard time becomes 03:00, −05:00 to −04:00.
        let spring = try #require(lines.firstIndex(of: "DTSTART:20260308T020000"))
        #expect(lines[spring - 1] == "BEGIN:DAYLIGHT")
        #expect(lines[spring + 1] == "TZOFFSETFROM:-0500")
        #expect(lines[spring + 2] == "TZOFFSETTO:-0400")
        let fall = try #require(lines.firstIndex(of: "DTSTART:20261101T020000"))
        #expect(lines[fall - 1] == "BEGIN:STANDARD")
        #expect(lines[fall + 2] == "TZOFFSETTO:-0500")
    }

    @Test func aZoneWithoutDaylightSavingHasOneObservance() throws {
        let text = try invite("2026-06-10T05:30:00Z", zone: "Asia/Kolkata").text
        let lines = unfolded(text)
        #expect(lines.contains("DTSTART;TZID=Asia/Kolkata:20260610T110000"))
        #expect(lines.contains("TZOFFSETTO:+0530"))
        #expect(lines.filter { $0 == "BEGIN:STANDARD" }.count == 1)
        #expect(!lines.contains("BEGIN:DAYLIGHT"))
    }

    @Test func textIsEscapedAndLongLinesAreFoldedWithoutCuttingCharacters() throws {
        let long = String(repeating: "Ünïcödé ", count: 20)
        let text = try invite("2026-06-10T05:30:00Z", zone: "Europe/Berlin", summary: long).text
        #expect(text.hasSuffix("\r\n"))
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 75, "line too long: \(line)")
        }
        let lines = unfolded(text)
        #expect(lines.contains("DESCRIPTION:Line one\\nLine two\\; with\\, punctuation"))
        #expect(lines.contains("SUMMARY:" + long))
        #expect(lines.contains("ATTENDEE;CN=Ada Alpha;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ada@example.net"))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.contains("METHOD:REQUEST") && lines.contains("END:VEVENT"))
    }
}
