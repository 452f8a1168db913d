import ArgumentParser
import Foundation
import VettedDomain
import VettedStore
import VettedWeb

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import candidates from CSV, JSON Resume, resume text or PDF files, in one transaction, with a per-row report.")

    @OptionGroup var data: DataOptions
    @Argument(help: "Files to import (.csv, .json, .txt, .pdf).") var files: [String]
    @Option(help: "csv, json-resume, resume-text or resume-pdf (default: from each file's name and first bytes).") var format: String?
    @Option(help: "valid-rows (write every valid row, report the rest) or all-or-nothing.") var mode = "valid-rows"
    @Option(help: "Evidence of the skills in these files: claimed, repository, assessment or trial.") var evidence = "claimed"
    @Option(help: "IANA time zone for rows without one.") var timeZone: String?
    @Option(help: "Act as this operator user (default: the first operator admin).") var user: String?
    @Flag(help: "Print one JSON document: the report.") var json = false

    func run() async throws {
        var options = ["mode": mode, "evidence": evidence]
        options["format"] = format
        options["timeZone"] = timeZone
        let showProgress = isatty(STDERR_FILENO) == 1
        let report = try await withApplication(try data.config()) { app in
            try await PoolOperations.importFiles(app, paths: files, options: options, user: user) { phase, done, total in
                guard showProgress else { return }
                FileHandle.standardError.write(Data("\r\(phase) \(done)/\(total)   ".utf8))
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            say(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            say(report.committed
                ? "Written: \(report.created) created, \(report.updated) updated, \(report.skipped) skipped, \(report.failed) failed."
                : "Nothing written: \(report.failed) row(s) failed and the mode is all-or-nothing.")
            for note in report.notes { say("  note: \(note)") }
            for row in report.problems.prefix(200) {
                let place = "\(row.source)\(row.line.map { ":\($0)" } ?? "")"
                say("  \(place) \(row.outcome.rawValue)\(row.field.map { " [\($0)]" } ?? ""): \(row.message ?? "")\(row.warnings.isEmpty ? "" : " (" + row.warnings.joined(separator: "; ") + ")")")
            }
            if report.problems.count > 200 { say("  … and \(report.problems.count - 200) more; use --json for all") }
        }
        if !report.committed { throw ExitCode(2) }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the pool, a search of it, or a role's shortlist as CSV (the import header) or JSON.")

    @OptionGroup var data: DataOptions
    @Option(help: "csv or json.") var format = "csv"
    @Option(help: "Export the candidates in this role's pipeline (its shortlist).") var role: String?
    @Option(help: "Only candidates with this skill (implied skills count).") var skill: String?
    @Option(help: "Write to this file instead of standard output.") var output: String?
    @Option(help: "Act as this operator user (default: the first operator admin).") var user: String?

    func run() async throws {
        var filters: [String: String] = [:]
        filters["skill"] = skill
        let bytes = try await withApplication(try data.config()) { app in
            try await PoolOperations.export(app, format: format, roleID: role, filters: filters, user: user)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: bytes) else {
                throw DomainError.invalid(field: "output", message: "cannot write \(output)")
            }
            FileHandle.standardError.write(Data("Wrote \(output) (\(bytes.count) bytes).\n".utf8))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}

struct CandidatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates", abstract: "Search the pool, list duplicates, merge two profiles.",
        subcommands: [Search.self, Duplicates.self, Merge.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search the pool with the list page's filters.")
        @OptionGroup var data: DataOptions
        @Option(help: "Name, headline or e-mail text.") var q: String?
        @Option(help: "A skill; skills that imply it count.") var skill: String?
        @Option(help: "Evidence at least: claimed, repository, assessment, trial.") var evidence: String?
        @Option(help: "junior, mid, senior.") var seniority: String?
        @Option(help: "Lowest hourly rate, in currency units.") var minRate: String?
        @Option(help: "Highest hourly rate, in currency units.") var maxRate: String?
        @Option(help: "Available on or before this date (YYYY-MM-DD).") var availableBy: String?
        @Option(help: "Working hours to overlap with, e.g. \"09:00-17:00 America/New_York\".") var overlapWith: String?
        @Option(help: "Hours of overlap needed (default 1).") var minOverlap: String?
        @Option(help: "How many to print.") var limit = 25
        @Option(help: "Act as this operator user.") var user: String?
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            var filters: [String: String] = [:]
            filters["q"] = q; filters["skill"] = skill; filters["evidence"] = evidence; filters["seniority"] = seniority
            filters["minRate"] = minRate; filters["maxRate"] = maxRate; filters["availableBy"] = availableBy
            filters["overlapWith"] = overlapWith; filters["minOverlap"] = minOverlap
            let result = try await withApplication(try data.config()) { app in
                try await PoolOperations.search(app, filters: filters, limit: limit, user: user)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                say(String(decoding: try encoder.encode(result), as: UTF8.self))
                return
            }
            say("\(result.total) profile(s)")
            for c in result.candidates { say("  \(c.id)  \(c.fullName) — \(c.seniority), \(c.timeZone)") }
        }
    }

    struct Duplicates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Profiles that share an e-mail, GitHub handle or phone.")
        @OptionGroup var data: DataOptions
        @Option(help: "Act as this operator user.") var user: String?
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let groups = try await withApplication(try data.config()) { app in try await PoolOperations.duplicates(app, user: user) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                say(String(decoding: try encoder.encode(["groups": groups]), as: UTF8.self))
                return
            }
            if groups.isEmpty { say("No duplicates.") }
            for g in groups { say("same \(g.key) \(g.value): " + zip(g.candidateIds, g.names).map { "\($1) (\($0))" }.joined(separator: ", ")) }
        }
    }

    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Merge one profile into another; both histories stay in the audit log.")
        @OptionGroup var data: DataOptions
        @Option(help: "The profile to keep.") var keep: String
        @Option(help: "The duplicate that goes into it.") var absorb: String
        @Option(help: "Act as this operator user.") var user: String?

        func run() async throws {
            let name = try await withApplication(try data.config()) { app in try await PoolOperations.merge(app, keep: keep, absorb: absorb, user: user) }
            say("Merged into \(name).")
        }
    }
}
