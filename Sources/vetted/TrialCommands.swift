import ArgumentParser
import Foundation
import VettedWeb

/// `vetted trial …`: the paid trial as a stage: start it, check in, hand in, decide.
struct TrialCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trial", abstract: "The paid trial: terms, check-ins, deliverables, the decision to convert or close.",
        subcommands: [Show.self, Start.self, CheckIn.self, Deliver.self, Decide.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The application's trial: terms, entries, cost against plan.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        func run() async throws { try await callAPI(data, member, "GET", "applications/\(application)/trial") }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a paid trial (the application must be in the paid-trial stage).")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        @Option(help: "What the candidate will build (the trial page proposes one from the role's scope).") var task: String?
        @Option(help: "1 or 2 weeks.") var weeks: Int?
        @Option(help: "The paid hourly rate in cents of the role's currency.") var hourlyCents: Int?
        @Option(help: "Hours per week.") var hoursPerWeek: Int?
        @Option(help: "An acceptance criterion; repeat.") var criterion: [String] = []
        @Option(help: "First day (YYYY-MM-DD).") var startsOn: String?
        func run() async throws {
            try await callAPI(data, member, "POST", "applications/\(application)/trial", body: [
                "task": task, "weeks": weeks, "hourlyCents": hourlyCents, "hoursPerWeek": hoursPerWeek,
                "criteria": criterion.isEmpty ? nil : criterion, "startsOn": startsOn])
        }
    }

    struct CheckIn: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check-in", abstract: "Record hours worked since the last check-in, with a note.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The trial's id.") var trial: String
        @Option(help: "Hours worked.") var hours: Int?
        @Option(help: "What happened.") var note: String?
        func run() async throws { try await callAPI(data, member, "POST", "trials/\(trial)/checkins", body: ["hours": hours, "note": note]) }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a deliverable handed in.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The trial's id.") var trial: String
        @Option(help: "What was delivered.") var title: String?
        @Option(help: "Where it is (http or https link).") var link: String?
        @Option(help: "A note.") var note: String?
        func run() async throws { try await callAPI(data, member, "POST", "trials/\(trial)/deliverables", body: ["title": title, "link": link, "note": note]) }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Convert (to the offer stage) or close, after a Paid trial scorecard.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The trial's id.") var trial: String
        @Option(help: "convert or close.") var decision: String
        @Option(help: "Why.") var reason: String?
        func run() async throws { try await callAPI(data, member, "POST", "trials/\(trial)/decision", body: ["decision": decision, "reason": reason]) }
    }
}
