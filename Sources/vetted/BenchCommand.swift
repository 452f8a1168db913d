import ArgumentParser
import Foundation
import Sandbox
import VettedDomain
import VettedWeb

/// `vetted bench NAME`: our figure beside a baseline measured in the same run. Build with
/// `-c release` before quoting numbers.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Benchmarks: ours beside a baseline, in one run.",
                                                    subcommands: [Import.self, Search.self, Portfolio.self, Match.self, SandboxOverhead.self, PlagiarismScanBench.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import generated CSV rows into a fresh SQLite database.")
        @Option(help: "Rows to import.") var rows = 100_000
        @Option(help: "Rows for the row-at-a-time baseline.") var baselineRows = 5_000
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let result = try await PoolBenchmarks.importBench(rows: rows, baselineRows: baselineRows, log: benchLog)
            try print(result, json: json)
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Pool searches over a generated pool in SQLite.")
        @Option(help: "Profiles in the pool.") var candidates = 100_000
        @Option(help: "Times each query runs.") var runs = 5
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let result = try await PoolBenchmarks.searchBench(candidates: candidates, runs: runs, log: benchLog)
            try print(result, json: json)
        }
    }
}

extension BenchCommand {
    struct Portfolio: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Analyse a generated tree of Python projects; baseline: a Python ast script.")
        @Option(help: "Files in the generated tree.") var files = 10_000
        @Option(help: "Runs of each.") var runs = 5
        @Option(help: "The baseline script.") var baselineScript = "scripts/bench_portfolio_baseline.py"
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let result = try await PortfolioBenchmarks.run(files: files, runs: runs, baselineScript: baselineScript, log: benchLog)
            try print(result, json: json)
        }
    }
}

extension BenchCommand {
    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rank a generated pool: the in-memory engine against one SQL query on SQLite.")
        @Option(help: "Profiles in the pool.") var candidates = 1_000_000
        @Option(help: "Different role queries.") var queries = 20
        @Option(help: "Runs of each query for the engine.") var runs = 5
        @Option(help: "The date availability is judged on (YYYY-MM-DD).") var asOf = "2026-12-01"
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let date = try LocalDate(asOf, field: "asOf")
            let result = try await MatchBenchmarks.run(candidates: candidates, queries: queries, runs: runs, asOf: date, log: benchLog)
            try print(result, json: json)
        }
    }

    struct SandboxOverhead: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sandbox", abstract: "Median cost of the sandbox over a bare run of the same interpreter.")
        @Option(help: "Runs of each.") var runs = 50
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let sandbox = try Sandbox.make(sandboxConfiguration()).get()
            try print(try SandboxBenchmarks.overhead(sandbox: sandbox, runs: runs), json: json)
        }
    }
}

extension BenchCommand {
    struct PlagiarismScanBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plagiarism", abstract: "Scan a generated cohort: ours (median of runs) beside copydetect (one run).")
        @Option(help: "Independent solutions per task (five tasks).") var perTask = 180
        @Option(help: "Planted copies.") var copies = 100
        @Option(help: "Runs of ours.") var runs = 5
        @Option(help: "The Python with copydetect (make bench-deps builds it).") var baselinePython = "/opt/vetted-bench/bin/python"
        @Option(help: "The baseline script.") var script = "scripts/bench_plagiarism_baseline.py"
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let result = try PlagiarismBenchmarks.run(perTask: perTask, copies: copies, runs: runs, baselinePython: baselinePython,
                                                      scriptPath: script, log: benchLog)
            try print(result, json: json)
        }
    }
}

@Sendable func benchLog(_ line: String) {
    FileHandle.standardError.write(Data("  \(line)\n".utf8))
}

func print(_ result: BenchResult, json: Bool) throws {
    if json {
        say(String(decoding: try JSONSerialization.data(withJSONObject: result.json, options: [.sortedKeys]), as: UTF8.self))
    } else {
        say(result.text)
    }
}
