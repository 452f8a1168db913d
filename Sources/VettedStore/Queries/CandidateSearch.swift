import FluentKit
import FluentSQL
import SQLKit
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

    public init(text: String? = nil, skill: String? = nil, seniority: Seniority? = nil, country: String? = nil,
                vetting: VettingStatus? = nil, maxRateCents: Int? = nil) {
        self.text = text
        self.skill = skill
        self.seniority = seniority
        self.country = country
        self.vetting = vetting
        self.maxRateCents = maxRateCents
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
        if let skill = skill?.trimmingCharacters(in: .whitespaces).lowercased(), !skill.isEmpty {
            let subquery = SQLSubquery.select { select in
                select.column("candidate_id").from(CandidateSkillModel.schema).where("skill_id", SQLBinaryOperator.equal, SQLBind(skill))
            }
            query.filter(.sql(SQLBinaryExpression(SQLColumn("id", table: CandidateModel.schema), .in, subquery)))
        }
        if let seniority { query.filter(\.$seniority == seniority.rawValue) }
        if let country = country?.trimmingCharacters(in: .whitespaces).uppercased(), !country.isEmpty { query.filter(\.$country == country) }
        if let vetting { query.filter(\.$vettingStatus == vetting.rawValue) }
        if let maxRateCents { query.filter(\.$hourlyRateCents <= maxRateCents) }
        return query
    }
}
