import Foundation
import VettedDomain
import WorkingHours

/// Interview slots inside both working windows: the interviewer's and the candidate's,
/// each in its own zone, across daylight-saving changes (the overlap engine decides).
public enum SlotFinder {
    public static func propose(interviewer: WorkingWindow, candidate: WorkingWindow, from: LocalDate, days: Int = 10,
                               minutes: Int = 60, step: Int = 30, limit: Int = 8, notBefore: Date) throws(DomainError) -> [Interval] {
        guard (15...240).contains(minutes) else { throw .invalid(field: "minutes", message: "an interview lasts 15 to 240 minutes; got \(minutes)") }
        guard (1...60).contains(days) else { throw .invalid(field: "days", message: "look 1 to 60 days ahead; got \(days)") }
        var slots: [Interval] = []
        var date = from
        for _ in 0..<days {
            for shared in OverlapCalculator.overlap(interviewer, candidate, on: date).intervals {
                var start = shared.start
                while start.addingTimeInterval(TimeInterval(minutes * 60)) <= shared.end {
                    if start >= notBefore { slots.append(Interval(start: start, end: start.addingTimeInterval(TimeInterval(minutes * 60)))) }
                    if slots.count == limit { return slots }
                    start = start.addingTimeInterval(TimeInterval(step * 60))
                }
            }
            guard let next = Self.next(date) else { break }
            date = next
        }
        return slots
    }

    /// Checks a slot someone typed: it must lie inside both windows on one working day;
    /// the error names the side it falls outside.
    public static func check(start: Date, end: Date, interviewer: WorkingWindow, candidate: WorkingWindow) throws(DomainError) {
        guard end > start else { throw .invalid(field: "end", message: "the interview must end after it starts") }
        guard end.timeIntervalSince(start) <= 4 * 3600 else { throw .invalid(field: "end", message: "an interview lasts at most 4 hours") }
        if !inside(start, end, interviewer) {
            throw .invalid(field: "start", message: "the slot is outside the interviewer's working hours (\(interviewer))")
        }
        if !inside(start, end, candidate) {
            throw .invalid(field: "start", message: "the slot is outside the candidate's working hours (\(candidate))")
        }
    }

    static func inside(_ start: Date, _ end: Date, _ window: WorkingWindow) -> Bool {
        // The window against itself is its own set of intervals on each local date.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = window.zone.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: start)
        let day = LocalDate(year: c.year!, month: c.month!, day: c.day!)
        for candidateDay in [Self.previous(day), day].compactMap({ $0 }) {
            for interval in OverlapCalculator.overlap(window, window, on: candidateDay).intervals where interval.start <= start && end <= interval.end {
                return true
            }
        }
        return false
    }

    static func next(_ date: LocalDate) -> LocalDate? { shift(date, 1) }
    static func previous(_ date: LocalDate) -> LocalDate? { shift(date, -1) }

    static func shift(_ date: LocalDate, _ days: Int) -> LocalDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let base = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
              let moved = calendar.date(byAdding: .day, value: days, to: base) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }
}
