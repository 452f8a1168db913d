import Fluent
import Foundation
import Matching
import SQLKit
import VettedDomain
import VettedStore

/// The same ranking as the engine, computed by SQLite in one query over the indexed
/// tables: the honest baseline of `vetted bench match`, and the reference the engine's
/// order is checked against. Every factor is the engine's integer arithmetic written in
/// SQL (SQLite divides integers toward zero, as Swift does), so the two rank identically.
enum MatchBaseline {
    static func rank(_ plan: MatchPlan, on db: any SQLDatabase) async throws -> [(id: UUID, score: Int)] {
        try await db.raw(query(plan)).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "score", as: Int.self)) }
    }

    static func explain(_ plan: MatchPlan, on db: any SQLDatabase) async throws -> [String] {
        var q = SQLQueryString("EXPLAIN QUERY PLAN ")
        q.appendInterpolation(query(plan))
        return try await db.raw(q).all().map { try $0.decode(column: "detail", as: String.self) }
    }

    static func query(_ plan: MatchPlan) -> SQLQueryString {
        let q = plan.query
        let w = q.weights.values
        func credits(_ list: [MatchPlan.SkillCredit]) -> SQLQueryString {
            guard !list.isEmpty else { return "SELECT NULL AS skill_id, 0 AS idx, 0 AS pct WHERE 0" }
            var s = SQLQueryString("VALUES ")
            for (n, c) in list.enumerated() {
                if n > 0 { s.appendLiteral(", ") }
                let row: SQLQueryString = "(\(bind: c.skillID), \(unsafeRaw: String(c.index)), \(unsafeRaw: String(c.percent)))"
                s.appendInterpolation(row)
            }
            return s
        }
        var windows = SQLQueryString("")
        if plan.windowMinutes.isEmpty {
            windows.appendLiteral("SELECT NULL AS zone, NULL AS ws, NULL AS we, 0 AS minutes WHERE 0")
        } else {
            windows.appendLiteral("VALUES ")
            for (n, (key, minutes)) in plan.windowMinutes.sorted(by: { $0.key < $1.key }).enumerated() {
                let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                if n > 0 { windows.appendLiteral(", ") }
                let row: SQLQueryString = "(\(bind: parts[0]), \(bind: parts[1]), \(bind: parts[2]), \(unsafeRaw: String(minutes)))"
                windows.appendInterpolation(row)
            }
        }
        let ev = "(CASE s.evidence_source WHEN 'trial' THEN 100 WHEN 'assessment' THEN 90 WHEN 'repository' THEN 70 ELSE 50 END)"
        let code = "(CASE s.evidence_source WHEN 'trial' THEN 3 WHEN 'assessment' THEN 2 WHEN 'repository' THEN 1 ELSE 0 END)"
        let credit = "(\(ev) * (50 + 10 * s.level) / 100 * m.pct / 100)"
        let mustCount = q.mustHave.count, niceCount = q.niceToHave.count
        let seniority = "(CASE c.seniority WHEN 'junior' THEN 0 WHEN 'mid' THEN 1 WHEN 'senior' THEN 2 WHEN 'lead' THEN 3 ELSE 0 END)"
        let day = "CAST(julianday(c.available_from) - 2440587.5 AS INTEGER)"
        let late = "(CASE WHEN c.available_from IS NULL THEN 0 ELSE \(day) - \(plan.startDay) END)"
        var availability = "(CASE WHEN \(late) <= 0 THEN 1000 ELSE MAX(0, 1000 - \(late) * 1000 / 60) END)"
        if let roleHours = q.hoursPerWeek, roleHours > 0 {
            availability = "(CASE WHEN c.hours_per_week IS NOT NULL AND c.hours_per_week < \(roleHours) THEN \(availability) * c.hours_per_week / \(roleHours) ELSE \(availability) END)"
        }
        let domainList = q.domains.map { "'" + $0.lowercased().replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ",")
        let domain = q.domains.isEmpty ? "0" : "(CASE WHEN EXISTS (SELECT 1 FROM json_each(c.domains) WHERE value IN (\(domainList))) THEN 1000 ELSE 0 END)"
        let engagement = q.engagement.map { e in
            "(CASE WHEN EXISTS (SELECT 1 FROM json_each(c.engagement_preferences) WHERE value = '\(e.rawValue)') THEN 1000 WHEN json_array_length(c.engagement_preferences) > 0 THEN 0 ELSE 500 END)"
        } ?? "0"
        let rate = q.budgetCents > 0
            ? "(CASE WHEN c.hourly_rate_cents IS NULL THEN 500 WHEN c.hourly_rate_cents <= \(q.budgetCents) THEN 1000 ELSE MAX(0, 1000 - (c.hourly_rate_cents - \(q.budgetCents)) * 1000 / \(q.budgetCents)) END)"
            : "(CASE WHEN c.hourly_rate_cents IS NULL THEN 500 ELSE 1000 END)"
        let overlap = q.requiredOverlapHours > 0 ? "MIN(1000, COALESCE(w.minutes, 0) * 1000 / \(q.requiredOverlapHours * 60))" : "1000"
        let seniorityFit = plan.seniorityRank.map { "(CASE ABS(\(seniority) - \($0)) WHEN 0 THEN 1000 WHEN 1 THEN 500 ELSE 0 END)" } ?? "1000"
        var filters: [String] = []
        if q.filters.requireAllMustHaves { filters.append("COALESCE(mc.covered, 0) = \(mustCount)") }
        if let h = q.filters.minOverlapHours { filters.append("COALESCE(w.minutes, 0) >= \(h * 60)") }
        if let r = q.filters.maxRateCents { filters.append("c.hourly_rate_cents IS NOT NULL AND c.hourly_rate_cents <= \(r)") }
        if let by = q.filters.availableBy { filters.append("(c.available_from IS NULL OR \(day) <= \(MatchIndex.dayNumber(by)))") }
        if let e = q.filters.minEvidence { filters.append("COALESCE(mc.top, -1) >= \(["claimed": 0, "repository": 1, "assessment": 2, "trial": 3][e.rawValue]!)") }

        var sql = SQLQueryString("WITH must(skill_id, idx, pct) AS (")
        sql.appendInterpolation(credits(plan.must))
        sql.appendLiteral("), nice(skill_id, idx, pct) AS (")
        sql.appendInterpolation(credits(plan.nice))
        sql.appendLiteral("), win(zone, ws, we, minutes) AS (")
        sql.appendInterpolation(windows)
        sql.appendLiteral("""
            ),
            mbest AS (SELECT s.candidate_id AS cid, m.idx AS idx, MAX(\(credit)) AS credit, MAX(\(code)) AS top
                      FROM candidate_skills s JOIN must m ON m.skill_id = s.skill_id GROUP BY s.candidate_id, m.idx),
            mc AS (SELECT cid, COUNT(*) AS covered, SUM(credit) AS total, MAX(top) AS top FROM mbest GROUP BY cid),
            nbest AS (SELECT s.candidate_id AS cid, m.idx AS idx, MAX(\(credit)) AS credit
                      FROM candidate_skills s JOIN nice m ON m.skill_id = s.skill_id GROUP BY s.candidate_id, m.idx),
            nc AS (SELECT cid, SUM(credit) AS total FROM nbest GROUP BY cid)
            SELECT c.id AS id,
              COALESCE(mc.covered, 0) * \(MatchScoring.coveredStep)
              + \(w[0]) * \(mustCount == 0 ? "1000" : "(COALESCE(mc.total, 0) * 10 / \(mustCount))")
              + \(w[1]) * \(niceCount == 0 ? "0" : "(COALESCE(nc.total, 0) * 10 / \(niceCount))")
              + \(w[2]) * \(seniorityFit)
              + \(w[3]) * \(overlap)
              + \(w[4]) * \(rate)
              + \(w[5]) * \(availability)
              + \(w[6]) * \(domain)
              + \(w[7]) * \(engagement) AS score
            FROM candidates c
              LEFT JOIN mc ON mc.cid = c.id
              LEFT JOIN nc ON nc.cid = c.id
              LEFT JOIN win w ON w.zone = c.time_zone AND w.ws = c.work_start AND w.we = c.work_end
            \(filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND "))
            ORDER BY score DESC, c.id ASC
            LIMIT \(q.limit)
            """)
        return sql
    }
}
