import Foundation
import VettedDomain

/// The JSON documents of `vetted overlap` (fields fixed in SPEC; `weeks` added).
public enum OverlapReport {
    public struct IntervalJSON: Codable, Sendable, Equatable {
        public let start: String
        public let end: String
        public init(start: String, end: String) {
            self.start = start
            self.end = end
        }
    }

    public struct DayJSON: Codable, Sendable, Equatable {
        public let date: String
        public let hours: Double
        public let intervals: [IntervalJSON]
    }

    public struct RangeDayJSON: Codable, Sendable, Equatable {
        public let date: String
        public let hours: Double
    }

    public struct WeekJSON: Codable, Sendable, Equatable {
        /// The Monday (in side A's calendar) that starts the week.
        public let weekStart: String
        public let hours: Double
        public init(weekStart: String, hours: Double) {
            self.weekStart = weekStart
            self.hours = hours
        }
    }

    public struct RangeJSON: Codable, Sendable, Equatable {
        public let days: [RangeDayJSON]
        public let weeks: [WeekJSON]
        public let totalHours: Double
    }

    public static func day(_ day: OverlapCalculator.Day) -> DayJSON {
        DayJSON(date: day.date.description, hours: day.hours,
                intervals: day.intervals.map { IntervalJSON(start: iso($0.start), end: iso($0.end)) })
    }

    public static func range(_ days: [OverlapCalculator.Day]) -> RangeJSON {
        var weeks: [(String, TimeInterval)] = []
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for day in days {
            let date = calendar.date(from: DateComponents(year: day.date.year, month: day.date.month, day: day.date.day))!
            let weekday = calendar.component(.weekday, from: date)
            let monday = calendar.date(byAdding: .day, value: -((weekday + 5) % 7), to: date)!
            let c = calendar.dateComponents([.year, .month, .day], from: monday)
            let key = LocalDate(year: c.year!, month: c.month!, day: c.day!).description
            if weeks.last?.0 == key { weeks[weeks.count - 1].1 += day.seconds } else { weeks.append((key, day.seconds)) }
        }
        let total = days.reduce(0) { $0 + $1.seconds }
        return RangeJSON(days: days.map { RangeDayJSON(date: $0.date.description, hours: $0.hours) },
                         weeks: weeks.map { WeekJSON(weekStart: $0.0, hours: hours($0.1)) },
                         totalHours: hours(total))
    }

    static func hours(_ seconds: TimeInterval) -> Double { (seconds / 36.0).rounded() / 100.0 }

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
