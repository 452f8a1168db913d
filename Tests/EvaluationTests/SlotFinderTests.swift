import Foundation
import Testing
import VettedDomain
import WorkingHours
@testable import Evaluation

@Suite struct SlotFinderTests {
    let interviewer = try! WorkingWindow("09:00-17:00 Europe/Berlin", field: "interviewer")
    let candidate = try! WorkingWindow("10:00-19:00 Asia/Kolkata", field: "candidate")

    @Test func slotsLieInsideBothWindows() throws {
        // 2026-06-08 is a Monday. Berlin 09:00-17:00 is 07:00-15:00 UTC; Kolkata 10:00-19:00 is 04:30-13:30 UTC.
        let slots = try SlotFinder.propose(interviewer: interviewer, candidate: candidate, from: LocalDate(year: 2026, month: 6, day: 8),
                                           minutes: 60, step: 30, limit: 20, notBefore: .distantPast)
        let iso = ISO8601DateFormatter()
        #expect(iso.string(from: slots[0].start) == "2026-06-08T07:00:00Z")
        #expect(iso.string(from: slots[0].end) == "2026-06-08T08:00:00Z")
        // 07:00 to 12:30 starts, every 30 minutes: 12 on the Monday.
        #expect(iso.string(from: slots[11].start) == "2026-06-08T12:30:00Z")
        #expect(iso.string(from: slots[12].start) == "2026-06-09T07:00:00Z")
        for slot in slots { #expect(throws: Never.self) { try SlotFinder.check(start: slot.start, end: slot.end, interviewer: interviewer, candidate: candidate) } }
    }

    @Test func aSlotOutsideEitherWindowIsRefusedNamingTheSide() throws {
        let iso = ISO8601DateFormatter()
        let lateForKolkata = try #require(iso.date(from: "2026-06-08T14:00:00Z"))
        #expect(throws: DomainError.invalid(field: "start", message: "the slot is outside the candidate's working hours (10:00-19:00 Asia/Kolkata)")) {
            try SlotFinder.check(start: lateForKolkata, end: lateForKolkata.addingTimeInterval(3600), interviewer: interviewer, candidate: candidate)
        }
        let earlyForBerlin = try #require(iso.date(from: "2026-06-08T05:00:00Z"))
        #expect(throws: DomainError.invalid(field: "start", message: "the slot is outside the interviewer's working hours (09:00-17:00 Europe/Berlin)")) {
            try SlotFinder.check(start: earlyForBerlin, end: earlyForBerlin.addingTimeInterval(3600), interviewer: interviewer, candidate: candidate)
        }
        let saturday = try #require(iso.date(from: "2026-06-13T08:00:00Z"))
        #expect(throws: DomainError.self) { try SlotFinder.check(start: saturday, end: saturday.addingTimeInterval(3600), interviewer: interviewer, candidate: candidate) }
    }

    @Test func noOverlapMeansNoSlots() throws {
        let night = try WorkingWindow("09:00-17:00 America/Los_Angeles", field: "b")
        let tokyo = try WorkingWindow("09:00-12:00 Asia/Tokyo", field: "a")
        #expect(try SlotFinder.propose(interviewer: tokyo, candidate: night, from: LocalDate(year: 2026, month: 6, day: 8), notBefore: .distantPast).isEmpty)
    }
}
