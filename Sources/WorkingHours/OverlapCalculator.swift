import Foundation
import VettedDomain

/// A span of time in UTC.
public struct Interval: Sendable, Equatable {
    public let start: Date
    public let end: Date

    public var seconds: TimeInterval { end.timeIntervalSince(start) }

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}

/// How many hours two working windows share, day by day, across zones and
/// daylight-saving changes. Every instant is computed from the zone's own rules for that
/// date, so a week when New York has changed its clocks and Berlin has not comes out right.
public enum OverlapCalculator {
    public struct Day: Sendable, Equatable {
        public let date: LocalDate
        public let intervals: [Interval]
        public var seconds: TimeInterval { intervals.reduce(0) { $0 + $1.seconds } }
        public var hours: Double { (seconds / 36.0).rounded() / 100.0 }
    }

    /// The overlap on side A's local date: A's window on that date (when it is one of A's
    /// working days) against B's windows on any of B's dates.
    public static func overlap(_ a: WorkingWindow, _ b: WorkingWindow, on date: LocalDate) -> Day {
        guard let aInterval = interval(of: a, on: date) else { return Day(date: date, intervals: []) }
        // B's local dates that can touch A's window: the day before to the day after, in B's zone.
        var result: [Interval] = []
        for offset in -2...2 {
            guard let bDate = shift(date, by: offset), let bInterval = interval(of: b, on: bDate) else { continue }
            let start = max(aInterval.start, bInterval.start)
            let end = min(aInterval.end, bInterval.end)
            if end > start { result.append(Interval(start: start, end: end)) }
        }
        return Day(date: date, intervals: merge(result))
    }

    /// Every day from `from` to `to` inclusive (side A's dates).
    public static func overlap(_ a: WorkingWindow, _ b: WorkingWindow, from: LocalDate, to: LocalDate) throws(DomainError) -> [Day] {
        guard from <= to else { throw .invalid(field: "to", message: "to (\(to)) must not be before from (\(from))") }
        var days: [Day] = []
        var current = from
        while current <= to {
            days.append(overlap(a, b, on: current))
            guard days.count <= 3660, let next = shift(current, by: 1) else {
                throw .invalid(field: "to", message: "a range of at most 10 years is supported")
            }
            current = next
        }
        return days
    }

    /// The window's instants on a local date, or nil when that date is not a working day.
    static func interval(of window: WorkingWindow, on date: LocalDate) -> Interval? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = window.zone.timeZone
        guard let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12)),
              window.weekdays.contains(calendar.component(.weekday, from: noon)),
              let start = instant(date, window.start, calendar),
              let endDate = window.crossesMidnight ? shift(date, by: 1) : date,
              let end = instant(endDate, window.end, calendar), end > start
        else { return nil }
        return Interval(start: start, end: end)
    }

    /// A local wall-clock time on a date as an instant. A time that does not exist (the
    /// hour skipped when clocks go forward) moves forward to the first one that does.
    static func instant(_ date: LocalDate, _ time: LocalTime, _ calendar: Calendar) -> Date? {
        guard let midnight = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
        if time.minutes == 24 * 60 {
            return calendar.date(byAdding: .day, value: 1, to: midnight)
        }
        return calendar.date(bySettingHour: time.minutes / 60, minute: time.minutes % 60, second: 0, of: midnight, matchingPolicy: .nextTime, repeatedTimePolicy: .first, direction: .forward)
    }

    static func shift(_ date: LocalDate, by days: Int) -> LocalDate? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let base = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)),
              let moved = calendar.date(byAdding: .day, value: days, to: base)
        else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: moved)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }

    static func merge(_ intervals: [Interval]) -> [Interval] {
        var merged: [Interval] = []
        for next in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, next.start <= last.end {
                merged[merged.count - 1] = Interval(start: last.start, end: max(last.end, next.end))
            } else {
                merged.append(next)
            }
        }
        return merged
    }
}
