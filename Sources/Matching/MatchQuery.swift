import Foundation
import Taxonomy
import VettedDomain
import WorkingHours

/// What a role asks of the pool, with the user's weights and hard filters.
public struct MatchQuery: Sendable {
    public var mustHave: [String]
    public var niceToHave: [String]
    public var seniority: Seniority?
    public var window: WorkingWindow
    public var requiredOverlapHours: Int
    /// The day availability and overlap are judged on.
    public var asOf: LocalDate
    public var startDate: LocalDate?
    /// Hourly budget in cents: the role's, else the top of the rate card's band.
    public var budgetCents: Int
    public var hoursPerWeek: Int?
    public var durationWeeks: Int?
    public var domains: [String]
    public var engagement: EngagementModel?
    public var weights: MatchWeights
    public var filters: Filters
    public var limit: Int

    public struct Filters: Sendable, Equatable {
        public var requireAllMustHaves = false
        public var minOverlapHours: Int?
        public var maxRateCents: Int?
        public var availableBy: LocalDate?
        /// At least one must-have held with evidence this strong.
        public var minEvidence: EvidenceSource?
        public init() {}
    }

    public init(mustHave: [String], niceToHave: [String] = [], seniority: Seniority? = nil, window: WorkingWindow, requiredOverlapHours: Int = 0,
                asOf: LocalDate, startDate: LocalDate? = nil, budgetCents: Int, hoursPerWeek: Int? = nil, durationWeeks: Int? = nil,
                domains: [String] = [], engagement: EngagementModel? = nil, weights: MatchWeights = MatchWeights(), filters: Filters = Filters(), limit: Int = 50) {
        self.mustHave = mustHave
        self.niceToHave = niceToHave
        self.seniority = seniority
        self.window = window
        self.requiredOverlapHours = requiredOverlapHours
        self.asOf = asOf
        self.startDate = startDate
        self.budgetCents = budgetCents
        self.hoursPerWeek = hoursPerWeek
        self.durationWeeks = durationWeeks
        self.domains = domains
        self.engagement = engagement
        self.weights = weights
        self.filters = filters
        self.limit = limit
    }
}

/// A query prepared against the taxonomy and the pool's distinct windows: the tables the
/// engine's loop reads and the SQL baseline turns into VALUES lists.
public struct MatchPlan: Sendable {
    public struct SkillCredit: Sendable, Equatable {
        public var skillID: String
        /// Which must-have (or nice-to-have) it counts for.
        public var index: Int
        /// 100 for the skill itself, `impliedPercent` for a skill that implies it.
        public var percent: Int
    }

    public var query: MatchQuery
    public var must: [SkillCredit]
    public var nice: [SkillCredit]
    /// Overlap in minutes with the role's window on the judged day, per distinct window.
    public var windowMinutes: [String: Int]
    public var startDay: Int
    public var seniorityRank: Int?

    public init(_ query: MatchQuery, windows: [(zone: String, start: String, end: String)], taxonomy: Taxonomy = .standard) throws(ValidationFailure) {
        var failure = ValidationFailure()
        guard query.limit >= 1 && query.limit <= 1000 else {
            failure.add(field: "limit", "limit must be 1 to 1000; got \(query.limit)")
            throw failure
        }
        func credits(_ ids: [String], field: String) -> [SkillCredit] {
            var out: [SkillCredit] = []
            for (index, id) in ids.enumerated() {
                guard taxonomy.skill(id) != nil else {
                    failure.add(field: field, "skill '\(id)' is not in the taxonomy")
                    continue
                }
                out.append(.init(skillID: id, index: index, percent: 100))
                for other in taxonomy.skills where other.id != id && taxonomy.implied(by: other.id).contains(id) {
                    out.append(.init(skillID: other.id, index: index, percent: MatchScoring.impliedPercent))
                }
            }
            return out
        }
        must = credits(query.mustHave, field: "mustHave")
        nice = credits(query.niceToHave, field: "niceToHave")
        if query.mustHave.count > 32 { failure.add(field: "mustHave", "at most 32 must-haves; got \(query.mustHave.count)") }
        if query.niceToHave.count > 32 { failure.add(field: "niceToHave", "at most 32 nice-to-haves; got \(query.niceToHave.count)") }
        try failure.throwIfAny()
        self.query = query
        var minutes: [String: Int] = [:]
        let day = Weekdays.next(onOrAfter: query.startDate.map { max($0, query.asOf) } ?? query.asOf, zone: query.window.zone)
        for w in windows {
            let key = w.zone + "|" + w.start + "|" + w.end
            guard let zone = try? ZoneName(w.zone), let s = try? LocalTime(w.start, field: "workStart"), let e = try? LocalTime(w.end, field: "workEnd"),
                  let theirs = try? WorkingWindow(start: s, end: e, zone: zone) else { minutes[key] = 0; continue }
            minutes[key] = Int((OverlapCalculator.overlap(query.window, theirs, on: day).seconds / 60).rounded())
        }
        windowMinutes = minutes
        startDay = MatchIndex.dayNumber(query.startDate.map { max($0, query.asOf) } ?? query.asOf)
        seniorityRank = query.seniority.map(MatchIndex.seniorityRank)
    }
}
