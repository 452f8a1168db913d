import FluentKit
import Foundation
import SQLKit
import SQLiteNIO
import VettedDomain

/// Multi-row INSERTs for the bulk paths (imports). Fluent's batch create reflects over
/// every model's properties and costs about a millisecond a row; these rows are plain
/// values. On SQLite they go straight to the driver as the same storage Fluent uses —
/// UUIDs as text, dates as seconds since 1970, string lists as JSON text — so the rows
/// read back through the models unchanged; on PostgreSQL they go through SQLKit's binds.
enum BulkInsert {
    enum Value: Sendable {
        case text(String?)
        case int(Int?)
        case uuid(UUID?)
        case date(Date?)
        case list([String]?)

        var sqlite: SQLiteData {
            switch self {
            case .text(let v): v.map { .text($0) } ?? .null
            case .int(let v): v.map { .integer($0) } ?? .null
            case .uuid(let v): v.map { .text(UUIDText.string($0)) } ?? .null
            case .date(let v): v.map { .float($0.timeIntervalSince1970) } ?? .null
            case .list(let v): v.map { .text("[" + $0.map(AuditLog.jsonString).joined(separator: ",") + "]") } ?? .null
            }
        }

        var sql: any SQLExpression {
            switch self {
            case .text(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
            case .int(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
            case .uuid(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
            case .date(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
            case .list(let v): v.map { SQLBind($0) } ?? SQLLiteral.null
            }
        }
    }

    /// Rows per statement: SQLite takes at most 32,766 bound values, PostgreSQL 65,535.
    static func run(_ table: String, columns: [String], rows: [[Value]], on db: any Database) async throws {
        try await run(table, columns: columns, count: rows.count, on: db) { rows[$0] }
    }

    /// `count` rows, row `i` made by `row(i)` when its statement's values are made — on
    /// another core for SQLite, so a large load never holds all its rows as values at once.
    /// `progress` hears how many rows are in after each statement.
    static func run(_ table: String, columns: [String], count: Int, on db: any Database,
                    progress: ((Int) -> Void)? = nil, row: @escaping @Sendable (Int) -> [Value]) async throws {
        guard count > 0 else { return }
        let perStatement = max(1, 30_000 / columns.count)
        let chunks = stride(from: 0, to: count, by: perStatement).map { $0..<min($0 + perStatement, count) }
        guard let sqlite = db as? any SQLiteDatabase else {
            for range in chunks {
                let insert = db.sql.insert(into: table).columns(columns)
                for i in range { insert.values(row(i).map(\.sql)) }
                try await insert.run()
                progress?(range.upperBound)
            }
            return
        }
        let head = "INSERT INTO \"\(table)\" (" + columns.map { "\"\($0)\"" }.joined(separator: ",") + ") VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        func statement(_ rowCount: Int) -> String { head + Array(repeating: tuple, count: rowCount).joined(separator: ",") }
        let full = statement(perStatement)
        // Each statement's values are made (ids to text, lists to JSON) on another core
        // while SQLite runs the statement before: making them took as long as running them.
        func binds(_ range: Range<Int>) -> Task<[SQLiteData], Never> {
            Task.detached {
                var binds: [SQLiteData] = []
                binds.reserveCapacity(range.count * columns.count)
                for i in range { for value in row(i) { binds.append(value.sqlite) } }
                return binds
            }
        }
        var next = binds(chunks[0])
        for (i, range) in chunks.enumerated() {
            let current = await next.value
            if i + 1 < chunks.count { next = binds(chunks[i + 1]) }
            _ = try await sqlite.query(range.count == perStatement ? full : statement(range.count), current)
            progress?(range.upperBound)
        }
    }

    static let candidateColumns = [
        "id", "organization_id", "kind", "full_name", "headline", "email", "phone", "github_handle", "country", "time_zone",
        "work_start", "work_end", "seniority", "years_experience", "hourly_rate_cents", "currency", "available_from", "hours_per_week",
        "engagement_preferences", "english_level", "links", "bio", "vetting_status", "vetted_at", "vetted_by_id", "version",
        "created_at", "updated_at", "domains", "case_studies", "repositories", "team_size", "processes", "communication",
        "phone_key", "merged_from",
    ]

    /// A new profile's row (version 1, not yet vetted, nothing merged into it).
    static func candidateRow(id: UUID, organizationID: UUID, _ v: CandidateColumnValues, at now: Date) -> [Value] {
        [.uuid(id), .uuid(organizationID), .text(v.kind), .text(v.fullName), .text(v.headline), .text(v.email), .text(v.phone),
         .text(v.githubHandle), .text(v.country), .text(v.timeZone), .text(v.workStart), .text(v.workEnd), .text(v.seniority),
         .int(v.yearsExperience), .int(v.hourlyRateCents), .text(v.currency), .text(v.availableFrom), .int(v.hoursPerWeek),
         .list(v.engagementPreferences), .text(v.englishLevel), .list(v.links), .text(v.bio), .text(v.vettingStatus), .date(nil),
         .uuid(nil), .int(1), .date(now), .date(now), .list(v.domains), .text(v.caseStudies),
         .list(v.repositories), .int(v.teamSize), .text(v.processes), .text(v.communication), .text(v.phoneKey), .list(nil)]
    }

    static let skillColumns = ["id", "candidate_id", "skill_id", "level", "evidence_source", "evidence_detail", "created_at"]

    static func skillRow(id: UUID, candidate: UUID, _ s: SkillClaim, at now: Date) -> [Value] {
        [.uuid(id), .uuid(candidate), .text(s.skillID), .int(s.level), .text(s.evidence.rawValue), .text(s.detail), .date(now)]
    }

    static let auditColumns = ["id", "occurred_at", "organization_id", "actor_user_id", "actor_label", "entity_type", "entity_id", "action", "changes", "summary"]

    static func auditRow(_ e: AuditLog.Record) -> [Value] {
        [.uuid(e.id), .date(e.occurredAt), .uuid(e.organizationID), .uuid(e.actorUserID), .text(e.actorLabel), .text(e.entityType),
         .uuid(e.entityID), .text(e.action), .text(e.changes), .text(e.summary)]
    }
}
