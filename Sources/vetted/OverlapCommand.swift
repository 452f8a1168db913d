import ArgumentParser
import Foundation
import VettedDomain
import WorkingHours

struct OverlapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Hours two working windows share, across zones and daylight-saving changes.",
        discussion: "A window is 'HH:MM-HH:MM Zone', optionally preceded by days ('Sun-Thu 08:00-16:00 Asia/Jerusalem'); without days, Monday to Friday. DATE is side A's local date.")

    @Option(help: "Side A's window, e.g. \"09:00-17:00 America/New_York\".") var a: String
    @Option(help: "Side B's window, e.g. \"10:00-19:00 Asia/Kolkata\".") var b: String
    @Option(help: "One date (YYYY-MM-DD, side A's calendar).") var on: String?
    @Option(help: "First date of a range.") var from: String?
    @Option(help: "Last date of a range (inclusive).") var to: String?
    @Flag(help: "Print one JSON document.") var json = false

    func run() async throws {
        let windowA = try WorkingWindow(a, field: "a")
        let windowB = try WorkingWindow(b, field: "b")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let on {
            guard from == nil, to == nil else { throw DomainError.invalid(field: "on", message: "give either --on or --from and --to, not both") }
            let day = OverlapCalculator.overlap(windowA, windowB, on: try LocalDate(on, field: "on"))
            let report = OverlapReport.day(day)
            if json { say(String(decoding: try encoder.encode(report), as: UTF8.self)); return }
            say("\(report.date): \(report.hours) h shared")
            for interval in report.intervals { say("  \(interval.start) – \(interval.end)") }
        } else {
            guard let from, let to else { throw DomainError.invalid(field: "on", message: "give --on DATE, or --from D1 and --to D2") }
            let days = try OverlapCalculator.overlap(windowA, windowB, from: try LocalDate(from, field: "from"), to: try LocalDate(to, field: "to"))
            let report = OverlapReport.range(days)
            if json { say(String(decoding: try encoder.encode(report), as: UTF8.self)); return }
            for day in report.days { say("\(day.date)  \(day.hours) h") }
            for week in report.weeks { say("week of \(week.weekStart): \(week.hours) h") }
            say("total: \(report.totalHours) h")
        }
    }
}
