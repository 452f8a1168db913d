import ArgumentParser
import Foundation
import VettedWeb

struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match", abstract: "A role's ranked, explained shortlist from the talent pool.")

    @OptionGroup var data: DataOptions
    @Option(help: "The role's id.") var role: String
    @Option(help: "How many (1–1000).") var limit = 50
    @Option(help: "Judge availability and overlap on this date (YYYY-MM-DD).") var asOf: String?
    @Option(help: "Weights, e.g. coverage=50,rate=20 (others keep their defaults).") var weights: String?
    @Flag(help: "Only candidates with every must-have.") var requireAll = false
    @Option(help: "Only candidates with at least this many hours of overlap.") var minOverlap: String?
    @Option(help: "Only candidates at or below this hourly rate (currency units).") var maxRate: String?
    @Option(help: "Act as this operator user.") var user: String?
    @Flag(help: "Print one JSON document.") var json = false

    func run() async throws {
        var values = ["limit": String(limit)]
        values["asOf"] = asOf
        values["weights"] = weights
        values["minOverlap"] = minOverlap
        values["maxRate"] = maxRate
        if requireAll { values["requireAll"] = "true" }
        let data = try await withApplication(try self.data.config()) { app in
            try await MatchOperations.match(app, role: role, values: values, user: user)
        }
        if json {
            FileHandle.standardOutput.write(data)
            say("")
            return
        }
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if let reason = object["reason"] as? String { say(reason) }
        for r in object["results"] as? [[String: Any]] ?? [] {
            let missing = (r["missingMustHaves"] as? [String] ?? []).joined(separator: ", ")
            say("\(r["rank"] ?? "")\t\(r["score"] ?? "")\t\(r["fullName"] ?? "")\t\(r["overlapHours"] ?? "") h\(missing.isEmpty ? "" : "\tmissing: \(missing)")")
        }
    }
}
