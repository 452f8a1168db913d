import Foundation
import VettedDomain

/// A person's or a team's working hours: a daily window in an IANA zone, on some weekdays.
/// Written `09:00-17:00 Europe/Berlin`, `Sun-Thu 08:00-16:00 Asia/Jerusalem`,
/// `Mon,Wed,Fri 22:00-06:00 Asia/Tokyo` (a window that ends after midnight belongs to the
/// day it starts on). Without days, Monday to Friday in the window's own zone.
public struct WorkingWindow: Sendable, Equatable, CustomStringConvertible {
    public let start: LocalTime
    public let end: LocalTime
    public let zone: ZoneName
    /// Weekdays as in `Calendar`: 1 = Sunday … 7 = Saturday.
    public let weekdays: Set<Int>

    public static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public init(start: LocalTime, end: LocalTime, zone: ZoneName, weekdays: Set<Int> = [2, 3, 4, 5, 6]) throws(DomainError) {
        guard start != end else {
            throw .invalid(field: "window", message: "a working window must not start and end at the same time (\(start))")
        }
        self.start = start
        self.end = end
        self.zone = zone
        self.weekdays = weekdays
    }

    /// Parses the written form; `field` names the option or field in errors.
    public init(_ text: String, field: String) throws(DomainError) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 || parts.count == 3 else {
            throw .invalid(field: field, message: "\(field) must look like '09:00-17:00 Europe/Berlin' or 'Mon-Fri 09:00-17:00 Europe/Berlin'; got '\(text)'")
        }
        let days = parts.count == 3 ? try Self.parseDays(parts[0], field: field) : [2, 3, 4, 5, 6]
        let times = parts[parts.count - 2].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard times.count == 2 else {
            throw .invalid(field: field, message: "\(field) needs a time range such as 09:00-17:00; got '\(parts[parts.count - 2])'")
        }
        let start = try LocalTime(times[0], field: field)
        let end = try LocalTime(times[1], field: field)
        let zone = try ZoneName(parts[parts.count - 1], field: field)
        try self.init(start: start, end: end, zone: zone, weekdays: days)
    }

    static func parseDays(_ text: String, field: String) throws(DomainError) -> Set<Int> {
        func day(_ name: Substring) throws(DomainError) -> Int {
            guard let index = weekdayNames.firstIndex(of: name.lowercased().prefix(3).description), name.count >= 3 else {
                throw .invalid(field: field, message: "\(field): '\(name)' is not a weekday (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)")
            }
            return index + 1
        }
        var result = Set<Int>()
        for item in text.split(separator: ",") {
            let range = item.split(separator: "-")
            if range.count == 2 {
                var current = try day(range[0])
                let last = try day(range[1])
                result.insert(current)
                while current != last {
                    current = current % 7 + 1
                    result.insert(current)
                }
            } else if range.count == 1 {
                result.insert(try day(range[0]))
            } else {
                throw .invalid(field: field, message: "\(field): '\(item)' is not a day or a range of days")
            }
        }
        return result
    }

    /// Crosses midnight: ends on the next local day.
    public var crossesMidnight: Bool { end < start }

    public var description: String {
        let days = weekdays == [2, 3, 4, 5, 6] ? "" : (1...7).filter(weekdays.contains).map { Self.weekdayNames[$0 - 1].capitalized }.joined(separator: ",") + " "
        return "\(days)\(start)-\(end) \(zone)"
    }
}
