import ArgumentParser
import Foundation
import Planning
import VettedDomain

struct ChecklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "The skill checklist for a role: must-haves and nice-to-haves with reasons, flags and what the brief lacks.")

    @Option(help: "ai-ml, data-science or backend (optional when --brief says it).") var category: String?
    @Option(help: "A specialty (repeatable): \(ChecklistBuilder.specialties.keys.sorted().joined(separator: ", ")).") var specialty: [String] = []
    @Option(help: "An integration the work touches (repeatable), e.g. PostgreSQL, Stripe.") var integration: [String] = []
    @Option(help: "The brief in words.") var brief: String?
    @Option(help: "A file holding the brief.") var briefFile: String?
    @Option(help: "junior, mid, senior or lead.") var seniority = "mid"
    @Flag(help: "Print one JSON document.") var json = false

    func run() async throws {
        var request = ChecklistRequest(category: try category.map { c throws(DomainError) in try RoleCategory.parse(c, field: "category") })
        request.specialties = specialty
        request.integrations = integration
        request.seniority = try Seniority.parse(seniority, field: "seniority")
        if let briefFile {
            do { request.summary = try String(contentsOfFile: briefFile, encoding: .utf8) } catch {
                throw DomainError.invalid(field: "brief-file", message: "cannot read \(briefFile): \(error.localizedDescription)")
            }
        }
        if let brief { request.summary += (request.summary.isEmpty ? "" : "\n") + brief }
        let checklist = try ChecklistBuilder().build(request)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            say(String(decoding: try encoder.encode(checklist), as: UTF8.self))
            return
        }
        if let c = checklist.classification {
            say("brief reads as: \(c.category ?? "nothing yet") — \(c.evidence.prefix(8).map(\.word).joined(separator: ", "))")
        }
        say("must have:")
        for item in checklist.mustHave { say("  \(item.name)  (\(item.reason))") }
        say("nice to have:")
        for item in checklist.niceToHave { say("  \(item.name)  (\(item.reason))") }
        for flag in checklist.flags { say("! \(flag)") }
        if !checklist.missing.isEmpty { say("the brief still lacks: \(checklist.missing.joined(separator: "; "))") }
    }
}
