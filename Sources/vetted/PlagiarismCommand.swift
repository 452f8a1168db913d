import ArgumentParser
import Foundation
import Plagiarism

struct PlagiarismCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plagiarism", abstract: "Similar Python submissions.", subcommands: [Scan.self])

    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every pair of .py files under DIR at or above the threshold, most similar first, with matching line ranges.")

        @Argument(help: "A folder of submissions (.py files, searched recursively).") var dir: String
        @Option(help: "A folder of starter code whose fingerprints never count.") var starters: String?
        @Option(help: "Report pairs at or above this similarity (0-1).") var threshold: Double = PlagiarismOptions().reportingThreshold
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1, not \(threshold)") }
            var options = PlagiarismOptions()
            options.reportingThreshold = threshold
            let files = try SubmissionFolder.read(URL(fileURLWithPath: dir), maximumFileBytes: options.maximumFileBytes)
            let starterFiles = try starters.map { try SubmissionFolder.read(URL(fileURLWithPath: $0)) } ?? []
            let result = PlagiarismScan.run(files, starterCode: starterFiles, options: options)
            // Files compared only in part, or not at all, are named on stderr.
            for note in result.notes {
                FileHandle.standardError.write(Data("note: \(note.name): \(note.issues.map { "\($0)" }.joined(separator: "; "))\n".utf8))
            }
            if json {
                say(String(decoding: try result.report.json(pretty: false), as: UTF8.self))
                return
            }
            say("\(result.documentCount) files, \(result.report.pairs.count) pair(s) at or above \(threshold)")
            for pair in result.report.pairs {
                say("  \(String(format: "%.3f", pair.similarity))  \(pair.a)  \(pair.b)  " + pair.matches.map { "\($0.aLines)↔\($0.bLines)" }.joined(separator: ", "))
            }
        }
    }
}
