import Fluent
import FluentSQL
import Foundation
import PoolImport
import SQLKit
import Vapor
import VettedDomain
import VettedStore

/// `vetted bench import` and `vetted bench search`, each on its own throwaway SQLite
/// database in a temporary folder.
public enum PoolBenchmarks {
    /// Ours: the whole import (parse, validate, match, multi-row INSERTs, audit) of `rows`
    /// generated CSV rows. Baseline: the API's path — one validated `CandidateWrites.create`
    /// (its own transaction and audit entry) per row — over the first `baselineRows` rows.
    /// Compared by rows per second.
    public static func importBench(rows: Int, baselineRows: Int, log: @escaping @Sendable (String) -> Void) async throws -> BenchResult {
        let csv = Data(PoolGenerator.csv(rows: rows).utf8)
        log("generated \(rows) rows (\(csv.count / 1024) KiB)")

        let (ours, oursDir) = try await scratchApp()
        defer { try? FileManager.default.removeItem(at: oursDir) }
        let scope = try await PoolOperations.scope(ours, user: nil)
        let clock = Stopwatch()
        let (incoming, unreadable, _) = PoolImporter.read([.init(name: "bench.csv", data: csv, format: .csv)], options: ImportOptions())
        let parseMs = clock.ms
        let phases = PhaseLog(log: log, clock: clock)
        let report = try await CandidateImport.run(incoming, unreadable: unreadable, mode: .validRows, scope: scope, on: ours.db) { phases.note($0.phase) }
        let totalMs = clock.ms
        // The WAL checkpoint the import left for after its report, timed on its own.
        await DeferredCheckpoint.drain()
        let checkpointMs = clock.ms - totalMs
        log("checkpoint after the report: \(Int(checkpointMs)) ms")
        try await ours.asyncShutdown()
        guard report.created == rows else {
            throw DomainError.invalid(field: "rows", message: "the generated pool did not import cleanly: \(report.failed) failed, first: \(report.problems.first?.message ?? "?")")
        }
        log("ours: \(rows) rows in \(Int(totalMs)) ms")

        let (base, baseDir) = try await scratchApp()
        defer { try? FileManager.default.removeItem(at: baseDir) }
        let baseScope = try await PoolOperations.scope(base, user: nil)
        let sample = Array(incoming.prefix(baselineRows))
        let baseClock = Stopwatch()
        for row in sample { _ = try await CandidateWrites.create(row.input, scope: baseScope, on: base.db) }
        let baseMs = baseClock.ms
        try await base.asyncShutdown()
        log("baseline: \(sample.count) rows in \(Int(baseMs)) ms")

        let oursRate = Double(rows) / (totalMs / 1000)
        let baseRate = Double(sample.count) / (baseMs / 1000)
        return BenchResult(
            benchmark: "import", params: ["rows": String(rows), "baselineRows": String(sample.count), "database": "sqlite"],
            ours: ["medianMs": round(totalMs), "p95Ms": round(totalMs), "parseMs": round(parseMs), "checkpointAfterMs": round(checkpointMs), "rowsPerSecond": round(oursRate),
                   "skillRows": Double(incoming.reduce(0) { $0 + ($1.input.skills?.count ?? 0) })],
            baselineName: "one CandidateWrites.create per row (the API's path)",
            baseline: ["medianMs": round(baseMs), "p95Ms": round(baseMs), "rowsPerSecond": round(baseRate)],
            speedup: oursRate / baseRate)
    }

    /// Ours: the pool search as the list page runs it (taxonomy expansion, overlap windows,
    /// count and first page) over a generated pool, with this issue's indexes. Baseline:
    /// the same searches on the same data after dropping those indexes.
    public static func searchBench(candidates: Int, runs: Int, log: @Sendable (String) -> Void) async throws -> BenchResult {
        let (app, dir) = try await scratchApp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let scope = try await PoolOperations.scope(app, user: nil)
        let setup = Stopwatch()
        let (incoming, _, _) = PoolImporter.read([.init(name: "pool.csv", data: Data(PoolGenerator.csv(rows: candidates).utf8), format: .csv)], options: ImportOptions())
        _ = try await CandidateImport.run(incoming, mode: .validRows, scope: scope, on: app.db)
        try await (app.db as! any SQLDatabase).raw("ANALYZE").run()
        log("pool of \(candidates) ready in \(Int(setup.ms)) ms")

        let queries = searchQueries
        func measure() async throws -> [Double] {
            var times: [Double] = []
            for _ in 0..<runs {
                for q in queries {
                    let clock = Stopwatch()
                    let query = try await PoolQuery(q).search(scope: scope, on: app.db).apply(to: try await scope.candidates(on: app.db))
                    _ = try await query.count()
                    _ = try await query.sort(\.$fullName).sort(\.$id).limit(25).all()
                    times.append(clock.ms)
                }
            }
            return times
        }
        _ = try await measure()  // warm the page cache
        let ours = Percentiles.of(try await measure())
        log("ours: median \(ours.median) ms")
        let sql = app.db as! any SQLDatabase
        for index in ["idx_candidates_org_rate", "idx_candidates_org_hours", "idx_candidate_skills_lookup"] {
            try await sql.drop(index: index).run()
        }
        // The index on skill_id that the schema had before this issue (M009; M026 drops it
        // as redundant next to the lookup index).
        try await sql.create(index: "idx_candidate_skills_skill").on("candidate_skills").column("skill_id").run()
        try await (app.db as! any SQLDatabase).raw("ANALYZE").run()
        _ = try await measure()
        let base = Percentiles.of(try await measure())
        log("baseline: median \(base.median) ms")
        try await app.asyncShutdown()
        return BenchResult(
            benchmark: "search", params: ["candidates": String(candidates), "queries": String(queries.count), "runs": String(runs), "database": "sqlite"],
            ours: ["medianMs": ours.median, "p95Ms": ours.p95],
            baselineName: "the same searches without the pool-search indexes (M014)",
            baseline: ["medianMs": base.median, "p95Ms": base.p95],
            speedup: base.median / max(ours.median, 0.001))
    }

    /// What recruiters ask the pool: a skill, often with evidence, rate, availability or
    /// overlap with a client's hours.
    static let searchQueries: [[String: String]] = {
        let skills = ["django", "pytorch", "pandas", "fastapi", "scikit-learn", "postgresql", "airflow", "rest-apis"]
        var queries: [[String: String]] = []
        for (i, skill) in skills.enumerated() {
            queries.append(["skill": skill])
            queries.append(["skill": skill, "evidence": "assessment"])
            queries.append(["skill": skill, "minRate": "30", "maxRate": "70", "seniority": i % 2 == 0 ? "senior" : "mid"])
            queries.append(["skill": skill, "overlapWith": i % 2 == 0 ? "09:00-17:00 America/New_York" : "09:00-17:00 Europe/Berlin", "minOverlap": "3",
                            "overlapOn": "2026-12-02", "availableBy": "2026-09-01"])
        }
        queries.append(["q": "nowak"])
        queries.append(["maxRate": "40", "evidence": "repository"])
        return queries
    }()

    static func round(_ value: Double) -> Double { value.rounded() }

    /// A migrated SQLite database in a fresh temporary folder, with an operator admin.
    static func scratchApp() async throws -> (Application, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var config = VettedConfig()
        config.dataDirectory = dir.path
        config.logLevel = .error
        config.bcryptCost = 4
        config.adminPassword = "bench-password-not-secret"
        let app = try await buildApplication(config, environment: Environment(name: "production", arguments: ["vetted"]))
        try await migrate(app)
        _ = try await Bootstrap.ensureAdmin(app)
        return (app, dir)
    }
}

/// Logs each phase of a long run once, with the time it started.
final class PhaseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()
    let log: @Sendable (String) -> Void
    let clock: Stopwatch

    init(log: @escaping @Sendable (String) -> Void, clock: Stopwatch) {
        self.log = log
        self.clock = clock
    }

    func note(_ phase: String) {
        let first = lock.withLock { seen.insert(phase).inserted }
        if first { log("\(Int(clock.ms)) ms: \(phase)") }
    }
}
