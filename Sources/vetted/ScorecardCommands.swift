import ArgumentParser
import Foundation
import VettedWeb

/// `vetted scorecards …`: the kit of a stage, submitting a scorecard, the panel as the
/// member may see it (nobody sees others' scores before submitting their own), reveal
/// and the reviewers' calibration.
struct ScorecardsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorecards", abstract: "Interview kits, scorecards, the panel's decision and reviewer calibration.",
        subcommands: [Kit.self, Submit.self, Panel.self, Reveal.self, Calibration.self])

    struct Kit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What to probe, the questions and the competencies of a stage.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        @Argument(help: "The stage key, e.g. fundamentals.") var stage: String
        func run() async throws { try await callAPI(data, member, "GET", "applications/\(application)/kits/\(stage)") }
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Submit your scorecard: every competency of the kit rated 1-4 with written evidence, and a recommendation.",
            discussion: "Example: vetted scorecards submit APP --stage fundamentals --rating oop=3 --evidence 'oop=Split the parser into classes' --recommendation yes --user i@example.com")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        @Option(help: "The stage key.") var stage: String
        @Option(help: "COMPETENCY=1..4 (1 poor, 2 mixed, 3 good, 4 excellent); repeat for each competency.") var rating: [String] = []
        @Option(help: "COMPETENCY=what the candidate said or did; repeat.") var evidence: [String] = []
        @Option(help: "strong-no, no, yes or strong-yes.") var recommendation: String?
        @Option(help: "Overall notes.") var notes: String?
        func run() async throws {
            var ratings: [String: Any] = [:]
            for (key, value) in try pairs(rating, option: "rating") {
                guard let number = Int(value) else { throw ValidationError("--rating \(key)=\(value): the rating must be a number 1-4") }
                ratings[key] = number
            }
            try await callAPI(data, member, "POST", "applications/\(application)/scorecards", body: [
                "stage": stage, "ratings": ratings, "evidence": try pairs(evidence, option: "evidence"), "recommendation": recommendation, "notes": notes])
        }
    }

    struct Panel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who said what per stage and the panel's weighed decision, as far as you may see it.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        func run() async throws { try await callAPI(data, member, "GET", "applications/\(application)/scorecards") }
    }

    struct Reveal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a stage's scorecards to the whole panel (hiring managers and admins).")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        @Argument(help: "The stage key.") var stage: String
        func run() async throws { try await callAPI(data, member, "POST", "applications/\(application)/scorecards/\(stage)/reveal") }
    }

    struct Calibration: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Each reviewer's leniency against the rest of the panel and agreement rate (admins).")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        func run() async throws { try await callAPI(data, member, "GET", "calibration") }
    }
}
