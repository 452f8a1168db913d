import FluentKit
import FluentSQL
import Foundation
import SQLKit
import Taxonomy
import VettedDomain
import VettedStore
import WorkingHours

/// The talent-pool search as people ask for it (query parameters of the page and the
/// API, options of the CLI), turned into a `CandidateSearch`. The same parameter names
/// everywhere: q, skill, evidence, seniority, country, vetting, kind, minRate, maxRate
/// (whole currency units), availableBy, minHours, overlapWith ("09:00-17:00 Zone"),
/// minOverlap (hours), overlapOn (date).
struct PoolQuery {
    static let parameterNames = ["q", "skill", "evidence", "seniority", "country", "vetting", "kind", "minRate", "maxRate",
                                 "availableBy", "minHours", "overlapWith", "minOverlap", "overlapOn"]

    var values: [String: String]

    init(_ values: [String: String]) {
        self.values = values.compactMapValues { v in
            let t = v.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
    }

    subscript(_ key: String) -> String { values[key] ?? "" }

    /// Every parameter of the search, for links that keep the filters (pagination).
    var pairs: [(String, String)] { Self.parameterNames.map { ($0, self[$0]) } }

    func search(scope: TenantScope, today: Date = Date(), taxonomy: Taxonomy = .standard, on db: any Database) async throws -> CandidateSearch {
        var failure = ValidationFailure()
        var search = CandidateSearch(text: values["q"], country: values["country"])
        if let text = values["skill"] {
            if let skill = taxonomy.resolve(text) {
                search.skill = skill.id
                // The skill itself and every skill that implies it.
                search.skillMatches = [skill.id] + taxonomy.skills.filter { taxonomy.implied(by: $0.id).contains(skill.id) }.map(\.id)
            } else {
                failure.add(field: "skill", "skill '\(text)' is not in the taxonomy; try a name such as django, pytorch or pandas")
            }
        }
        search.minEvidence = parse("evidence", &failure) { t throws(DomainError) in try EvidenceSource.parse(t, field: "evidence") }
        search.seniority = parse("seniority", &failure) { t throws(DomainError) in try Seniority.parse(t, field: "seniority") }
        search.vetting = parse("vetting", &failure) { t throws(DomainError) in try VettingStatus.parse(t, field: "vetting") }
        search.kind = parse("kind", &failure) { t throws(DomainError) in try CandidateKind.parse(t, field: "kind") }
        search.minRateCents = FormParsing.cents(values["minRate"], field: "minRate", failure: &failure)
        search.maxRateCents = FormParsing.cents(values["maxRate"], field: "maxRate", failure: &failure)
        if let low = search.minRateCents, let high = search.maxRateCents, low > high {
            failure.add(field: "maxRate", "maxRate must not be below minRate")
        }
        search.availableBy = parse("availableBy", &failure) { t throws(DomainError) in try LocalDate(t, field: "availableBy") }
        if let text = values["minHours"] {
            if let n = Int(text), (1...80).contains(n) { search.minHoursPerWeek = n } else { failure.add(field: "minHours", "minHours must be a whole number of hours a week, 1 to 80; got '\(text)'") }
        }
        let window = parse("overlapWith", &failure) { t throws(DomainError) in try WorkingWindow(t, field: "overlapWith") }
        var minOverlap: Double?
        if let text = values["minOverlap"] {
            if let n = Double(text), (0...24).contains(n) { minOverlap = n } else { failure.add(field: "minOverlap", "minOverlap must be hours between 0 and 24; got '\(text)'") }
        }
        if minOverlap != nil, window == nil, values["overlapWith"] == nil {
            failure.add(field: "overlapWith", "minOverlap needs overlapWith, the working hours to overlap with, such as '09:00-17:00 America/New_York'")
        }
        let on = parse("overlapOn", &failure) { t throws(DomainError) in try LocalDate(t, field: "overlapOn") }
        try failure.throwIfAny()
        if let window {
            let date = RolePlan.nextWeekday(on ?? RolePlan.localDate(today, zone: window.zone), zone: window.zone)
            search.windows = try await Self.windows(overlapping: window, atLeast: minOverlap ?? 1, on: date, scope: scope, db: db)
        }
        return search
    }

    /// The pool's distinct working windows that overlap `window` by at least `hours` on
    /// `date`. A pool has few distinct (zone, start, end) triples, so the engine runs once
    /// per triple and SQL filters on the survivors through an index.
    static func windows(overlapping window: WorkingWindow, atLeast hours: Double, on date: LocalDate,
                        scope: TenantScope, db: any Database) async throws -> [CandidateSearch.WindowKey] {
        let rows = try await db.sql.raw("""
            SELECT DISTINCT time_zone, work_start, work_end FROM candidates WHERE organization_id = \(bind: scope.organizationID.rawValue)
            """).all()
        var keys: [CandidateSearch.WindowKey] = []
        for row in rows {
            let zone = try row.decode(column: "time_zone", as: String.self)
            let start = try row.decode(column: "work_start", as: String.self)
            let end = try row.decode(column: "work_end", as: String.self)
            guard let z = try? ZoneName(zone), let s = try? LocalTime(start, field: "workStart"), let e = try? LocalTime(end, field: "workEnd"),
                  let theirs = try? WorkingWindow(start: s, end: e, zone: z) else { continue }
            if OverlapCalculator.overlap(window, theirs, on: date).hours >= hours {
                keys.append(.init(zone: zone, start: start, end: end))
            }
        }
        return keys
    }

    /// A parameter parsed when present; a parse error is recorded, not thrown, so every
    /// bad parameter is named at once.
    private func parse<T>(_ key: String, _ failure: inout ValidationFailure, _ read: (String) throws(DomainError) -> T) -> T? {
        guard let text = values[key] else { return nil }
        return failure.check { () throws(DomainError) in try read(text) }
    }
}
