import FluentKit
import FluentSQL
import SQLKit
import struct SQLKit.SQLList
import VettedDomain

/// Filters over the talent pool. Text matches name, headline and e-mail case-insensitively
/// on both databases; a skill filter matches the candidate's skill ids.
public struct CandidateSearch: Sendable, Equatable {
    public var text: String?
    public var skill: String?
    public var seniority: Seniority?
    public var country: String?
    public var vetting: VettingStatus?
    public var maxRateCents: Int?
    public var minRateCents: Int?
    /// The skill ids that satisfy `skill`: itself and every skill that implies it (a
    /// Django REST framework developer counts for Django). The caller expands it through
    /// the taxonomy; nil means `skill` alone.
    public var skillMatches: [String]?
    /// Only evidence at least this strong counts (for `skill`, or for any skill when no
    /// skill is given).
    public var minEvidence: EvidenceSource?
    /// Available to start on or before this date (no date on the profile means now).
    public var availableBy: LocalDate?
    public var minHoursPerWeek: Int?
    /// Working windows (zone, start, end) that give the overlap asked for; the caller
    /// computes them with the overlap engine over the pool's distinct windows.
    public var windows: [WindowKey]?
    public var kind: CandidateKind?

    public struct WindowKey: Sendable, Hashable {
        public var zone: String
        public var start: String
        public var end: String
        public init(zone: String, start: String, end: String) {
            self.zone = zone
            self.start = start
            self.end = end
        }
    }

    public init(text: String? = nil, skill: String? = nil, seniority: Seniority? = nil, country: String? = nil,
                vetting: VettingStatus? = nil, maxRateCents: Int? = nil) {
        self.text = text
        self.skill = skill
        self.seniority = seniority
        self.country = country
        self.vetting = vetting
        self.maxRateCents = maxRateCents
    }

    /// Evidence sources at least as strong as `minimum`: a trial or an assessment beats a
    /// repository, which beats a claim.
    public static func sources(atLeast minimum: EvidenceSource) -> [String] {
        let strength: [EvidenceSource: Int] = [.claimed: 0, .repository: 1, .assessment: 2, .trial: 2]
        return EvidenceSource.allCases.filter { strength[$0]! >= strength[minimum]! }.map(\.rawValue)
    }

    static func list(_ values: [String]) -> SQLGroupExpression {
        SQLGroupExpression(SQLList(values.map { SQLBind($0) }))
    }

    public func apply(to query: QueryBuilder<CandidateModel>) -> QueryBuilder<CandidateModel> {
        if let text = text?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty {
            // LIKE wildcards typed by a user are matched literally.
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let pattern = "%" + escaped + "%"
            let columns = ["full_name", "headline", "email"].map { column in
                SQLBinaryExpression(
                    SQLFunction("LOWER", args: SQLFunction("COALESCE", args: SQLColumn(column, table: CandidateModel.schema), SQLLiteral.string(""))),
                    .like, SQLList([SQLBind(pattern), SQLRaw("ESCAPE '\\'")], separator: SQLRaw(" ")))
            }
            query.filter(.sql(SQLGroupExpression(SQLBinaryExpression(SQLBinaryExpression(columns[0], .or, columns[1]), .or, columns[2]))))
        }
        let evidence = minEvidence.flatMap { $0 == .claimed ? nil : Self.sources(atLeast: $0) }
        if let skill = skill?.trimmingCharacters(in: .whitespaces).lowercased(), !skill.isEmpty {
            let ids = skillMatches ?? [skill]
            let subquery = SQLSubquery.select { select in
                let base = select.column("candidate_id").from(CandidateSkillModel.schema).where(SQLColumn("skill_id"), .in, Self.list(ids))
                guard let evidence else { return base }
                return base.where(SQLColumn("evidence_source"), .in, Self.list(evidence))
            }
            query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: CandidateModel.schema), .in, subquery)))
        } else if let evidence {
            let subquery = SQLSubquery.select { select in
                select.column("candidate_id").from(CandidateSkillModel.schema).where(SQLColumn("evidence_source"), .in, Self.list(evidence))
            }
            query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: CandidateModel.schema), .in, subquery)))
        }
        if let minRateCents { query.filter(\.$hourlyRateCents >= minRateCents) }
        if let availableBy {
            query.group(.or) { $0.filter(\.$availableFrom == nil).filter(\.$availableFrom <= availableBy.description) }
        }
        if let minHoursPerWeek { query.filter(\.$hoursPerWeek >= minHoursPerWeek) }
        if let kind { query.filter(\.$kind == kind.rawValue) }
        if let windows {
            if windows.isEmpty {
                query.filter(.sql(SQLRaw("1 = 0")))
            } else {
                query.group(.or) { group in
                    for w in windows {
                        group.group(.and) { $0.filter(\.$timeZone == w.zone).filter(\.$workStart == w.start).filter(\.$workEnd == w.end) }
                    }
                }
            }
        }
        if let seniority { query.filter(\.$seniority == seniority.rawValue) }
        if let country = country?.trimmingCharacters(in: .whitespaces).uppercased(), !country.isEmpty { query.filter(\.$country == country) }
        if let vetting { query.filter(\.$vettingStatus == vetting.rawValue) }
        if let maxRateCents { query.filter(\.$hourlyRateCents <= maxRateCents) }
        return query
    }
}
