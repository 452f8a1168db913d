import Foundation
import Testing
import VettedDomain
import WorkingHours

@Suite struct OverlapTests {
    func window(_ text: String) throws -> WorkingWindow { try WorkingWindow(text, field: "a") }
    func date(_ text: String) throws -> LocalDate { try LocalDate(text, field: "on") }

    @Test func new_york_and_kolkata_share_one_hour_in_winter() throws {
        // 09:00-17:00 New York (UTC-5) = 14:00-22:00 UTC; 10:00-19:00 Kolkata (UTC+5:30) = 04:30-13:30 UTC.
        let day = OverlapCalculator.overlap(try window("09:00-17:00 America/New_York"), try window("10:00-19:00 Asia/Kolkata"), on: try date("2026-01-14"))
        #expect(day.hours == 0)
        let late = OverlapCalculator.overlap(try window("09:00-17:00 America/New_York"), try window("13:00-22:00 Asia/Kolkata"), on: try date("2026-01-14"))
        // Kolkata 13:00-22:00 = 07:30-16:30 UTC; New York 14:00-22:00 UTC → 14:00-16:30.
        #expect(late.hours == 2.5)
        #expect(OverlapReport.day(late).intervals == [.init(start: "2026-01-14T14:00:00Z", end: "2026-01-14T16:30:00Z")])
    }

    @Test func the_weeks_when_us_and_europe_change_clocks_on_different_dates() throws {
        let newYork = try window("09:00-17:00 America/New_York")
        let berlin = try window("09:00-17:00 Europe/Berlin")
        // Before 8 March 2026 both on standard time: NY 14-22 UTC, Berlin 08-16 UTC → 2 h.
        #expect(OverlapCalculator.overlap(newYork, berlin, on: try date("2026-03-06")).hours == 2)
        // 9–27 March: New York on daylight time (13-21 UTC), Berlin not yet → 3 h.
        #expect(OverlapCalculator.overlap(newYork, berlin, on: try date("2026-03-10")).hours == 3)
        // From 30 March both on summer time: NY 13-21, Berlin 07-15 → 2 h.
        #expect(OverlapCalculator.overlap(newYork, berlin, on: try date("2026-03-31")).hours == 2)
    }

    @Test func southern_hemisphere_zones_change_the_other_way() throws {
        let sydney = try window("09:00-17:00 Australia/Sydney")
        let london = try window("08:00-18:00 Europe/London")
        // January: Sydney UTC+11 (22:00-06:00 UTC the day before), London UTC+0 (08-18 UTC) → none.
        #expect(OverlapCalculator.overlap(sydney, london, on: try date("2026-01-13")).hours == 0)
        // July: Sydney UTC+10 (23:00-07:00 UTC), London UTC+1 (07-17 UTC) → 0; a later Sydney day overlaps.
        let lateSydney = try window("14:00-22:00 Australia/Sydney")
        // July: 14-22 Sydney = 04-12 UTC; London 07-17 UTC → 07-12 = 5 h.
        #expect(OverlapCalculator.overlap(lateSydney, london, on: try date("2026-07-14")).hours == 5)
        // January: 14-22 Sydney = 03-11 UTC; London 08-18 UTC → 08-11 = 3 h.
        #expect(OverlapCalculator.overlap(lateSydney, london, on: try date("2026-01-13")).hours == 3)
    }

    @Test func half_hour_and_45_minute_offsets() throws {
        let kathmandu = try window("09:00-17:00 Asia/Kathmandu") // UTC+5:45 → 03:15-11:15 UTC
        let berlin = try window("09:00-17:00 Europe/Berlin")     // winter UTC+1 → 08:00-16:00 UTC
        #expect(OverlapCalculator.overlap(kathmandu, berlin, on: try date("2026-02-10")).hours == 3.25)
        let adelaide = try window("09:00-17:00 Australia/Adelaide") // Feb: UTC+10:30 → 22:30-06:30 UTC (day before)
        let kolkata = try window("09:00-17:00 Asia/Kolkata")        // UTC+5:30 → 03:30-11:30 UTC
        #expect(OverlapCalculator.overlap(adelaide, kolkata, on: try date("2026-02-10")).hours == 3)
    }

    @Test func a_window_that_crosses_midnight_counts_on_both_sides_of_it() throws {
        let night = try window("Mon-Fri 22:00-06:00 Asia/Tokyo") // 13:00-21:00 UTC
        let berlin = try window("09:00-17:00 Europe/Berlin")    // 08:00-16:00 UTC in winter
        let day = OverlapCalculator.overlap(berlin, night, on: try date("2026-02-10"))
        #expect(day.hours == 3)
    }

    @Test func weekends_are_each_sides_own() throws {
        let dubai = try window("Mon-Fri 09:00-17:00 Asia/Dubai")
        let telAviv = try window("Sun-Thu 09:00-17:00 Asia/Jerusalem")
        // Sunday 2026-02-08: Tel Aviv works, Dubai (Mon-Fri) does not.
        #expect(OverlapCalculator.overlap(telAviv, dubai, on: try date("2026-02-08")).hours == 0)
        // Friday: Dubai works, Tel Aviv does not.
        #expect(OverlapCalculator.overlap(dubai, telAviv, on: try date("2026-02-13")).hours == 0)
        // Monday: both. Dubai 05-13 UTC, Tel Aviv (UTC+2) 07-15 UTC → 6 h.
        #expect(OverlapCalculator.overlap(dubai, telAviv, on: try date("2026-02-09")).hours == 6)
    }

    @Test func a_range_reports_days_weeks_and_the_total() throws {
        let days = try OverlapCalculator.overlap(try window("09:00-17:00 America/New_York"), try window("09:00-17:00 Europe/Berlin"),
                                                 from: try date("2026-03-02"), to: try date("2026-03-15"))
        let report = OverlapReport.range(days)
        #expect(report.days.count == 14)
        // Week of 2 March: 5 days × 2 h. Week of 9 March: 5 days × 3 h (US on daylight time).
        #expect(report.weeks == [.init(weekStart: "2026-03-02", hours: 10), .init(weekStart: "2026-03-09", hours: 15)])
        #expect(report.totalHours == 25)
    }

    @Test func bad_windows_name_the_field_and_the_value() {
        #expect(throws: DomainError.invalid(field: "a", message: "a must be an IANA time zone such as Europe/Berlin; got 'Mars/Base'")) {
            try WorkingWindow("09:00-17:00 Mars/Base", field: "a")
        }
        #expect(throws: DomainError.self) { try WorkingWindow("9-5 Europe/Berlin", field: "b") }
        #expect(throws: DomainError.self) { try WorkingWindow("09:00-09:00 Europe/Berlin", field: "b") }
        #expect(throws: DomainError.self) { try WorkingWindow("Funday 09:00-17:00 Europe/Berlin", field: "b") }
    }
}
