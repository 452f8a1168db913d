import ArgumentParser
import Foundation
import Planning
import VettedDomain

struct EstimateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "What a role costs: low / expected / high hourly rate and total, in cents.",
        discussion: "Offshore bands are the hiring guide's; local and nearshore figures come from the bundled salary survey (docs/rate-card.md).")

    @Option(help: "ai-ml, data-science or backend.") var category: String
    @Option(help: "junior, mid or senior.") var level: String
    @Option(help: "offshore, nearshore, local or hybrid.") var location: String
    @Option(help: "Hours per week (1–80).") var hoursPerWeek: Int
    @Option(help: "Weeks (1–520).") var weeks: Int
    @Option(help: "basic, standard or complex.") var complexity = "standard"
    @Option(help: "freelancer, dedicated, in-house or project.") var model = "dedicated"
    @Option(help: "Hybrid only: share of local hours, 0–1 (e.g. 0.3) or a percentage (30).") var localShare: Double = 0.3
    @Option(help: "Client region for local and nearshore figures: us or eu.") var region = "us"
    @Flag(help: "Print one JSON document.") var json = false

    func run() async throws {
        var request = EstimateRequest(
            category: try RoleCategory.parse(category, field: "category"), level: try Seniority.parse(level, field: "level"),
            location: try WorkLocation.parse(location, field: "location"), hoursPerWeek: hoursPerWeek, weeks: weeks)
        request.complexity = try Complexity.parse(complexity, field: "complexity")
        request.model = try EngagementModel.parse(model, field: "model")
        request.region = try ClientRegion.parse(region, field: "region")
        request.localSharePercent = Int((localShare <= 1 ? localShare * 100 : localShare).rounded())
        let estimate = try CostEstimator().estimate(request)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            say(String(decoding: try encoder.encode(estimate), as: UTF8.self))
            return
        }
        func dollars(_ cents: Int) -> String { Money.usd(cents).formatted }
        say("\(estimate.hours) hours")
        say("hourly: \(dollars(estimate.hourlyCents.low)) / \(dollars(estimate.hourlyCents.expected)) / \(dollars(estimate.hourlyCents.high))  (low / expected / high)")
        say("total:  \(dollars(estimate.totalCents.low)) / \(dollars(estimate.totalCents.expected)) / \(dollars(estimate.totalCents.high))")
        for source in estimate.sources { say("  · \(source)") }
    }
}
