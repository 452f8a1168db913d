import Fluent
import Foundation
import Matching
import Planning
import VettedDomain
import VettedStore
import WorkingHours

/// A role's shortlist: the role's checklist, hours, budget and advice turned into a
/// match query, ranked by the in-memory index, and each place dressed with the profile's
/// name for people to read.
enum RoleMatching {
    struct Options {
        var limit = 50
        var asOf: LocalDate?
        var weights = MatchWeights()
        var filters = MatchQuery.Filters()

        /// From query parameters or CLI options: limit, asOf, weights ("coverage=50,rate=20"),
        /// requireAll, minOverlap, maxRate (currency units), availableBy, minEvidence.
        init(_ values: [String: String]) throws {
            var failure = ValidationFailure()
            let v = values.filter { !$0.value.trimmed.isEmpty }
            if let t = v["limit"] {
                if let n = Int(t), (1...1000).contains(n) { limit = n } else { failure.add(field: "limit", "limit must be 1 to 1000; got '\(t)'") }
            }
            if let t = v["asOf"] { asOf = failure.check { () throws(DomainError) in try LocalDate(t, field: "asOf") } }
            if let t = v["weights"] {
                do { weights = try MatchWeights.parse(t) } catch { failure.issues += error.issues }
            }
            if let t = v["requireAll"] { filters.requireAllMustHaves = ["1", "true", "on", "yes"].contains(t.lowercased()) }
            if let t = v["minOverlap"] {
                if let n = Int(t), (0...24).contains(n) { filters.minOverlapHours = n } else { failure.add(field: "minOverlap", "minOverlap must be whole hours 0 to 24; got '\(t)'") }
            }
            if v["maxRate"] != nil { filters.maxRateCents = FormParsing.cents(v["maxRate"], field: "maxRate", failure: &failure) }
            if let t = v["availableBy"] { filters.availableBy = failure.check { () throws(DomainError) in try LocalDate(t, field: "availableBy") } }
            if let t = v["minEvidence"] { filters.minEvidence = failure.check { () throws(DomainError) in try EvidenceSource.parse(t, field: "minEvidence") } }
            try failure.throwIfAny()
        }

        init() {}
    }

    struct Shortlist {
        var role: RoleModel
        var checklist: [ChecklistWrites.Line]
        var results: [MatchResult]
        var names: [UUID: (name: String, headline: String, rate: String)]
        var query: MatchQuery
        var excluded: [ShortlistExclusions.Exclusion]
        var inPipeline: Set<UUID>
        var poolSize: Int
        /// Why the list is empty, when it is.
        var emptyReason: String?
    }

    static func shortlist(_ roleID: RoleID, options: Options, scope: TenantScope, service: MatchService, on db: any Database, today: Date = Date()) async throws -> Shortlist {
        // Another organization's role is a 404 before any permission question.
        let role = try await scope.role(roleID, on: db)
        try scope.require(.editCandidates)
        let lines = try await ChecklistWrites.current(of: roleID, on: db)
        let must = lines.filter(\.mustHave).map(\.skillId)
        guard !must.isEmpty else {
            throw DomainError.invalid(field: "checklist", message: "the role '\(role.title)' has no must-have skills in its checklist yet; build the checklist on the role page first")
        }
        let draft = role.draft
        let window = try WorkingWindow(start: draft.workStart, end: draft.workEnd, zone: draft.timeZone)
        let asOf = options.asOf ?? RolePlan.localDate(today, zone: draft.timeZone)
        let advice = try? HiringModelAdvisor(estimator: CostEstimator()).advise(RoleChecklist.advisorRequest(for: draft, today: today))
        var query = MatchQuery(
            mustHave: must, niceToHave: lines.filter { !$0.mustHave }.map(\.skillId), seniority: draft.seniority, window: window,
            requiredOverlapHours: draft.overlapHours ?? 0, asOf: asOf, startDate: draft.startDate,
            budgetCents: draft.budgetHourlyCents ?? RateCard.standard.offshoreBands[draft.seniority]?.high ?? 12_000,
            hoursPerWeek: draft.hoursPerWeek, durationWeeks: draft.durationWeeks, domains: draft.specialties,
            engagement: advice?.engagement.first.flatMap { EngagementModel(rawValue: $0.option) },
            weights: options.weights, filters: options.filters, limit: options.limit)
        let excluded = try await ShortlistExclusions.list(role: role.id!, on: db)
        let inPipeline = Set(try await ApplicationModel.query(on: db).filter(\.$role.$id == role.id!).all().map { $0.$candidate.id })
        let index = try await service.current(on: db)
        // Excluded profiles and those already in the pipeline are not proposed again.
        let skip = Set(excluded.map(\.candidateID)).union(inPipeline)
        query.limit = min(1000, options.limit + skip.count)
        let plan = try MatchPlan(query, windows: index.windows)
        var results = Array(Matcher.rank(index, plan).filter { !skip.contains($0.candidateId) }.prefix(options.limit))
        for i in results.indices { results[i].rank = i + 1 }
        // Names for the ranked and the excluded, in one query.
        let shown = results.map(\.candidateId) + excluded.map(\.candidateID)
        let profiles = shown.isEmpty ? [] : try await CandidateModel.query(on: db).filter(\.$id ~~ shown).all()
        var names: [UUID: (String, String, String)] = [:]
        for p in profiles { names[p.id!] = (p.fullName, p.headline ?? "", CandidateView.rate(p)) }
        var reason: String?
        if results.isEmpty {
            reason = index.count == 0 ? "the talent pool is empty; import profiles first"
                : "no profile in the pool of \(index.count) passes the filters chosen\(skip.isEmpty ? "" : " (excluded and already-in-pipeline profiles are left out)")"
        }
        return Shortlist(role: role, checklist: lines, results: results, names: names, query: query, excluded: excluded, inPipeline: inPipeline,
                         poolSize: index.count, emptyReason: reason)
    }
}
