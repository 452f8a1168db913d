import ArgumentParser
import Foundation
import Portfolio

struct PortfolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "portfolio", abstract: "Repository analysis.", subcommands: [Analyze.self])

    struct Analyze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skills with evidence (file, line, kind), category scores, practices and history of a local checkout or folder.")

        @Argument(help: "A local git checkout or folder.") var path: String
        @Option(help: "An author's e-mail whose commits to count (repeatable).") var author: [String] = []
        @Option(help: "Read at most this many files.") var maxFiles = 20_000
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            var options = PortfolioAnalyzer.Options()
            options.authors = Set(author)
            options.maxFiles = maxFiles
            let report = try PortfolioAnalyzer().analyze(path: path, options: options)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                say(String(decoding: try encoder.encode(report), as: UTF8.self))
                return
            }
            say("category: \(report.category ?? "none found")  \(report.scores.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
            for skill in report.skills.prefix(25) {
                let first = skill.evidence.first.map { "\($0.file):\($0.line) (\($0.kind))" } ?? ""
                say("  \(skill.name): \(skill.evidence.count) × — \(first)")
            }
            let p = report.practices
            say("tests: \(p.tests.files) files\(p.tests.framework.map { " (\($0))" } ?? ""); CI: \(p.ci.isEmpty ? "none" : p.ci.joined(separator: ", ")); type hints: \(p.typeHints.map { "\(Int($0 * 100))%" } ?? "n/a")")
            say("history: \(report.history.note ?? "\(report.history.commits) commits by \(report.history.authors) authors, \(report.history.activeMonths) active months")")
            for (reason, count) in report.scan.skipped.sorted(by: { $0.key < $1.key }) { say("skipped \(count): \(reason)") }
        }
    }
}
