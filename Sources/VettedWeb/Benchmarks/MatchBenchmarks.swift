import Fluent
import Foundation
import Matching
import SQLKit
import SQLiteNIO
import Taxonomy
import Vapor
import VettedDomain
import VettedStore
import WorkingHours

/// `vetted bench match`: a generated pool in SQLite, the engine (index loaded from that
/// database) against the same ranking computed by one SQL query on the same data.
public enum MatchBenchmarks {
    public static func run(candidates n: Int, queries: Int, runs: Int, asOf: LocalDate, log: @escaping @Sendable (String) -> Void) async throws -> BenchResult {
        let (app, dir) = try await PoolBenchmarks.scratchApp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sql = app.db.sql
        let orgID = try await PoolOperations.scope(app, user: nil).organizationID.rawValue
        let clock = Stopwatch()
        try await generate(n, organizationID: orgID, on: app.db)
        try await sql.raw("ANALYZE").run()
        log("generated \(n) profiles in SQLite in \(Int(clock.ms)) ms")

        let load = Stopwatch()
        let pool = try await loadFast(on: app.db)
        let loadMs = load.ms
        let build = Stopwatch()
        let index = MatchIndex(pool)
        let buildMs = build.ms
        let bytes = index.bytesPerCandidate
        log("loaded \(pool.count) in \(Int(loadMs)) ms, index built in \(Int(buildMs)) ms, \(Int(bytes)) bytes a profile")

        let plans = try makeQueries(queries, asOf: asOf).map { try MatchPlan($0, windows: index.windows) }
        var ours: [Double] = []
        var base: [Double] = []
        var identical = true
        var explain: [String] = []
        _ = Matcher.rank(index, plans[0])
        for (k, plan) in plans.enumerated() {
            var engine: [MatchResult] = []
            for _ in 0..<runs {
                let c = Stopwatch()
                engine = Matcher.rank(index, plan)
                ours.append(c.ms)
            }
            let c = Stopwatch()
            let reference = try await MatchBaseline.rank(plan, on: sql)
            base.append(c.ms)
            if engine.map(\.candidateId) != reference.map(\.id) || engine.map(\.score) != reference.map(\.score) {
                identical = false
                log("query \(k): the rankings differ")
            }
            if k == 0 { explain = try await MatchBaseline.explain(plan, on: sql) }
        }
        try await app.asyncShutdown()
        let o = Percentiles.of(ours), b = Percentiles.of(base)
        log("ours median \(o.median) ms, SQL median \(b.median) ms")
        var result = BenchResult(
            benchmark: "match", params: ["candidates": String(n), "queries": String(queries), "runs": String(runs), "asOf": asOf.description, "limit": "50"],
            ours: ["medianMs": o.median, "p95Ms": o.p95, "buildMs": buildMs.rounded(), "loadMs": loadMs.rounded(), "bytesPerCandidate": bytes.rounded()],
            baselineName: "one SQL query on SQLite over the indexed tables (same integer scoring)",
            baseline: ["medianMs": b.median, "p95Ms": b.p95],
            speedup: b.median / max(o.median, 0.001))
        result.extra["rankingIdentical"] = identical ? "true" : "false"
        result.extra["explainQueryPlan"] = explain.joined(separator: " | ")
        return result
    }

    /// A pool written by SQLite itself (a recursive CTE with a multiplicative hash), so a
    /// million rows take seconds: skills drawn from the taxonomy by category, zones and
    /// rates by region, availability and hours.
    static func generate(_ n: Int, organizationID: UUID, taxonomy: Taxonomy = .standard, on db: any Database) async throws {
        let sql = db.sql
        let byCategory = RoleCategory.allCases.map { c in taxonomy.skills.filter { $0.category.roleCategory == c }.map(\.id) }
        try await sql.raw("CREATE TEMP TABLE bench_skills (cat INTEGER, k INTEGER, skill_id TEXT)").run()
        for (cat, ids) in byCategory.enumerated() {
            for chunk in stride(from: 0, to: ids.count, by: 200) {
                var q = SQLQueryString("INSERT INTO bench_skills VALUES ")
                for (k, id) in ids[chunk..<min(chunk + 200, ids.count)].enumerated() {
                    if k > 0 { q.appendLiteral(",") }
                    let row: SQLQueryString = "(\(unsafeRaw: String(cat)), \(unsafeRaw: String(chunk + k)), \(bind: id))"
                    q.appendInterpolation(row)
                }
                try await sql.raw(q).run()
            }
        }
        let sizes = byCategory.map(\.count)
        let regions = PoolGenerator.regions
        let zones = regions.flatMap { r in r.zones.map { ($0, r.rate) } }
        var zoneCase = "CASE (h2 % \(zones.count))"
        var rateCase = "CASE (h2 % \(zones.count))"
        for (k, z) in zones.enumerated() {
            zoneCase += " WHEN \(k) THEN '\(z.0)'"
            rateCase += " WHEN \(k) THEN \(z.1.lowerBound) + h3 % \(z.1.upperBound - z.1.lowerBound + 1)"
        }
        zoneCase += " END"
        rateCase += " END"
        let now = Date().timeIntervalSince1970
        try await sql.raw("""
            INSERT INTO candidates (id, organization_id, kind, full_name, time_zone, work_start, work_end, seniority, years_experience,
                hourly_rate_cents, currency, available_from, hours_per_week, engagement_preferences, links, bio, vetting_status, version,
                created_at, updated_at, domains)
            WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < \(unsafeRaw: String(n - 1))),
            h AS (SELECT i, (i * 2654435761) % 4294967296 AS h1, (i * 40503 + 12345) % 1000003 AS h2, (i * 69069 + 1) % 999983 AS h3 FROM seq)
            SELECT printf('%08X-0000-4000-8000-%012X', h1, i), \(bind: organizationID.uuidString), 'individual', 'Bench ' || i,
                \(unsafeRaw: zoneCase), CASE h3 % 3 WHEN 0 THEN '08:00' WHEN 1 THEN '09:00' ELSE '10:00' END,
                CASE h3 % 3 WHEN 0 THEN '16:00' WHEN 1 THEN '17:00' ELSE '18:00' END,
                CASE h1 % 4 WHEN 0 THEN 'junior' WHEN 1 THEN 'mid' WHEN 2 THEN 'senior' ELSE 'lead' END, h3 % 20,
                CASE WHEN h2 % 10 = 0 THEN NULL ELSE \(unsafeRaw: rateCase) END, 'USD',
                CASE WHEN h3 % 2 = 0 THEN NULL ELSE date('2026-01-01', '+' || (h2 % 365) || ' days') END,
                CASE h2 % 3 WHEN 0 THEN 20 WHEN 1 THEN 30 ELSE 40 END,
                CASE h1 % 4 WHEN 0 THEN '["freelancer"]' WHEN 1 THEN '["dedicated"]' WHEN 2 THEN '["freelancer","dedicated"]' ELSE '[]' END,
                '[]', '', 'unvetted', 1, \(unsafeRaw: String(now)), \(unsafeRaw: String(now)),
                CASE h3 % 5 WHEN 0 THEN '["fintech"]' WHEN 1 THEN '["healthcare"]' ELSE '[]' END
            FROM h
            """).run()
        // Five skills a profile from its category (by hash), python for all; evidence by hash.
        // The secondary indexes are built once afterwards, from sorted data.
        let indexes = try await sql.raw("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = 'candidate_skills'").all()
        for row in indexes { try await sql.raw("DROP INDEX \(ident: try row.decode(column: "name", as: String.self))").run() }
        try await sql.raw("""
            INSERT OR IGNORE INTO candidate_skills (id, candidate_id, skill_id, level, evidence_source, created_at)
            SELECT printf('%08X-%04X-4000-8000-%012X', c.rowid, k.j, c.rowid), c.id, s.skill_id,
                1 + (c.rowid * 7 + k.j * 13) % 5,
                CASE (c.rowid * 31 + k.j * 17) % 20 WHEN 0 THEN 'trial' WHEN 1 THEN 'assessment' WHEN 2 THEN 'assessment' WHEN 3 THEN 'repository'
                     WHEN 4 THEN 'repository' WHEN 5 THEN 'repository' ELSE 'claimed' END,
                \(unsafeRaw: String(now))
            FROM candidates c
            JOIN (SELECT 0 AS j UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) k
            JOIN bench_skills s ON s.cat = c.rowid % 3
              AND s.k = (c.rowid * 2654435761 + k.j * 97) % (CASE c.rowid % 3 WHEN 0 THEN \(unsafeRaw: String(sizes[0])) WHEN 1 THEN \(unsafeRaw: String(sizes[1])) ELSE \(unsafeRaw: String(sizes[2])) END)
            """).run()
        try await sql.raw("""
            INSERT OR IGNORE INTO candidate_skills (id, candidate_id, skill_id, level, evidence_source, created_at)
            SELECT printf('%08X-FFFF-4000-8000-%012X', rowid, rowid), id, 'python', 2 + rowid % 4, 'claimed', \(unsafeRaw: String(now)) FROM candidates
            """).run()
        for row in indexes { try await sql.raw(SQLQueryString(try row.decode(column: "sql", as: String.self))).run() }
    }

    /// The pool as the matcher needs it, read row by row from the driver (no models).
    static func loadFast(on db: any Database) async throws -> [MatchCandidate] {
        guard let sqlite = db as? any SQLiteDatabase else { return try await MatchService.load(ids: nil, on: db) }
        let skillRows = try await sqlite.query("SELECT candidate_id, skill_id, level, evidence_source FROM candidate_skills", [])
        var skills: [String: [MatchCandidate.Skill]] = [:]
        skills.reserveCapacity(skillRows.count / 5)
        for row in skillRows {
            guard let id = row.column("candidate_id")?.string, let skill = row.column("skill_id")?.string else { continue }
            skills[id, default: []].append(.init(id: skill, level: Int(row.column("level")?.integer ?? 3),
                                                 evidence: EvidenceSource(rawValue: row.column("evidence_source")?.string ?? "") ?? .claimed))
        }
        let rows = try await sqlite.query("""
            SELECT id, seniority, time_zone, work_start, work_end, hourly_rate_cents, available_from, hours_per_week, domains, engagement_preferences FROM candidates
            """, [])
        let decoder = JSONDecoder()
        var out: [MatchCandidate] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            guard let text = row.column("id")?.string, let id = UUID(uuidString: text) else { continue }
            let list = { (name: String) -> [String] in
                guard let t = row.column(name)?.string, t != "[]" else { return [] }
                return (try? decoder.decode([String].self, from: Data(t.utf8))) ?? []
            }
            out.append(MatchCandidate(
                id: id, skills: skills[text] ?? [], seniority: Seniority(rawValue: row.column("seniority")?.string ?? "") ?? .mid,
                zone: row.column("time_zone")?.string ?? "UTC", workStart: row.column("work_start")?.string ?? "09:00", workEnd: row.column("work_end")?.string ?? "17:00",
                hourlyRateCents: row.column("hourly_rate_cents")?.integer.map { Int($0) },
                availableFrom: row.column("available_from")?.string.flatMap { try? LocalDate($0, field: "availableFrom") },
                hoursPerWeek: row.column("hours_per_week")?.integer.map { Int($0) }, domains: list("domains"),
                engagement: list("engagement_preferences").compactMap(EngagementModel.init(rawValue:))))
        }
        return out
    }

    /// Role-like queries: must-haves from one category, a nice-to-have, overlap with a
    /// client's hours, budgets and seniorities that vary; a few with hard filters.
    static func makeQueries(_ count: Int, asOf: LocalDate, taxonomy: Taxonomy = .standard) throws -> [MatchQuery] {
        var rng = SeededGenerator(seed: 7)
        let windows = ["09:00-17:00 America/New_York", "09:00-17:00 Europe/Berlin", "10:00-18:00 Asia/Kolkata", "09:00-17:00 America/Los_Angeles"]
        var out: [MatchQuery] = []
        for k in 0..<count {
            let category = RoleCategory.allCases[k % 3]
            let pool = taxonomy.skills.filter { $0.category.roleCategory == category }.map(\.id)
            var must: [String] = []
            while must.count < 2 + k % 3 {
                let s = pool[rng.int(0...(pool.count - 1))]
                if !must.contains(s) { must.append(s) }
            }
            var filters = MatchQuery.Filters()
            if k % 5 == 3 { filters.minOverlapHours = 2 }
            if k % 7 == 4 { filters.maxRateCents = 8_000 }
            out.append(MatchQuery(
                mustHave: must, niceToHave: [pool[rng.int(0...(pool.count - 1))]].filter { !must.contains($0) },
                seniority: [Seniority.mid, .senior, .junior][k % 3], window: try WorkingWindow(windows[k % windows.count], field: "window"),
                requiredOverlapHours: [0, 2, 4][k % 3], asOf: asOf, startDate: nil, budgetCents: [5_000, 8_000, 12_000][k % 3],
                hoursPerWeek: 40, durationWeeks: 12, domains: k % 4 == 0 ? ["fintech"] : [], engagement: k % 2 == 0 ? .freelancer : .dedicated,
                filters: filters, limit: 50))
        }
        return out
    }
}
