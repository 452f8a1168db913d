import Foundation
import VettedDomain

/// Calendar days as a zone sees them.
public enum Weekdays {
    /// The first Monday–Friday on or after `date` in `zone`: overlap judged on a Sunday
    /// says nothing about a working week.
    public static func next(onOrAfter date: LocalDate, zone: ZoneName) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        var day = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
        while [1, 7].contains(calendar.component(.weekday, from: day)) { day = calendar.date(byAdding: .day, value: 1, to: day)! }
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }
}
