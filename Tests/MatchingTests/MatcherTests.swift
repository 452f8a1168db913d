import Foundation
import Testing
import VettedDomain
import WorkingHours
@testable import Matching

/// Pools where a person sees the right order at a glance.
@Suite struct MatcherTests {
    static let asOf = LocalDate(year: 2026, month: 12, day: 2)

    static func person(_ n: Int, skills: [(String, Int, EvidenceSource)], zone: String = "Europe/London", start: String = "09:00", end: String = "17:00",
                       rate: Int? = 5_000, seniority: Seniority = .senior, available: LocalDate? = nil, hours: Int? = 40,
                       domains: [String] = [], engagement: [EngagementModel] = []) -> MatchCandidate {
        MatchCandidate(id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!,
                       skills: skills.map { .init(id: $0.0, level: $0.1, evidence: $0.2) }, seniority: seniority, zone: zone,
                       workStart: start, workEnd: end, hourlyRateCents: rate, availableFrom: available, hoursPerWeek: hours,
                       domains: domains, engagement: engagement)
    }

    static func query(must: [String] = ["django", "postgresql"], nice: [String] = [], overlap: Int = 0, budget: Int = 6_000,
                      weights: MatchWeights = MatchWeights(), filters: MatchQuery.Filters = .init(), limit: Int = 10) throws -> MatchQuery {
        MatchQuery(mustHave: must, niceToHave: nice, seniority: .senior,
                   window: try WorkingWindow("09:00-17:00 America/New_York", field: "window"), requiredOverlapHours: overlap,
                   asOf: asOf, budgetCents: budget, hoursPerWeek: 40, durationWeeks: 12, weights: weights, filters: filters, limit: limit)
    }

    static func rank(_ people: [MatchCandidate], _ q: MatchQuery) throws -> [MatchResult] {
        let index = MatchIndex(people)
        return Matcher.rank(index, try MatchPlan(q, windows: index.windows))
    }

    static func order(_ results: [MatchResult]) -> [Int] {
        results.map { Int($0.candidateId.uuidString.suffix(12))! }
    }

    @Test func a_candidate_missing_a_must_have_never_outranks_one_who_has_all() throws {
        let people = [
            Self.person(1, skills: [("django", 5, .trial), ("pytorch", 5, .trial)], rate: 3_000, domains: ["fintech"]),   // no PostgreSQL
            Self.person(2, skills: [("django", 1, .claimed), ("postgresql", 1, .claimed)], rate: 11_000, seniority: .junior),
        ]
        let results = try Self.rank(people, try Self.query())
        #expect(Self.order(results) == [2, 1])
        #expect(results[1].missingMustHaves == ["postgresql"])
        #expect(results[0].missingMustHaves.isEmpty)
    }

    @Test func one_hour_of_overlap_against_four_required_ranks_below_five() throws {
        // New York 09–17 is 14–22 UTC in December: Lisbon 09–17 gives 3 h, 10–18 (UTC) 4 h... use exact windows.
        let people = [
            Self.person(1, skills: [("django", 4, .claimed), ("postgresql", 4, .claimed)], zone: "Europe/Berlin", start: "08:00", end: "16:00"),  // 07–15 UTC: 1 h
            Self.person(2, skills: [("django", 4, .claimed), ("postgresql", 4, .claimed)], zone: "UTC", start: "09:00", end: "19:00"),  // 09–19 UTC: 5 h
        ]
        let results = try Self.rank(people, try Self.query(overlap: 4))
        #expect(Self.order(results) == [2, 1])
        #expect(results[0].overlapHours == 5)
        #expect(results[1].overlapHours == 1)
        #expect(results[1].flags.contains("less overlap than required"))
        #expect(results[0].factors["overlap"]?.value == 1000)
        #expect(results[1].factors["overlap"]?.value == 250)
    }

    @Test func a_rate_far_above_budget_is_flagged_and_ranks_lower() throws {
        let people = [
            Self.person(1, skills: [("django", 4, .claimed), ("postgresql", 4, .claimed)], rate: 15_000),
            Self.person(2, skills: [("django", 4, .claimed), ("postgresql", 4, .claimed)], rate: 5_500),
        ]
        let results = try Self.rank(people, try Self.query(budget: 6_000))
        #expect(Self.order(results) == [2, 1])
        #expect(results[1].flags.contains("rate far above budget"))
        #expect(!results[0].flags.contains("rate far above budget"))
        #expect(results[1].factors["rate"]?.value == 0)
        // 5,500 cents an hour × 40 h × 12 weeks.
        #expect(results[0].expectedCostCents == 5_500 * 40 * 12)
    }

    @Test func assessed_evidence_beats_a_bare_claim_and_an_implied_skill_gives_partial_credit() throws {
        let people = [
            Self.person(1, skills: [("django", 4, .claimed), ("postgresql", 4, .claimed)]),
            Self.person(2, skills: [("django", 4, .assessment), ("postgresql", 4, .claimed)]),
            Self.person(3, skills: [("django-rest-framework", 4, .claimed), ("postgresql", 4, .claimed)]),
        ]
        let results = try Self.rank(people, try Self.query())
        #expect(Self.order(results) == [2, 1, 3])
        // DRF implies Django: covered, at 60 %.
        #expect(results[2].missingMustHaves.isEmpty)
        #expect(results[2].factors["coverage"]!.value < results[1].factors["coverage"]!.value)
    }

    @Test func ties_break_by_id_and_the_ranking_matches_a_full_sort() throws {
        var people: [MatchCandidate] = []
        var rng = SystemRandomNumberGenerator()
        let skills = ["django", "postgresql", "fastapi", "pandas", "django-rest-framework", "pytorch"]
        for n in 1...997 {
            let picked = skills.filter { _ in Int.random(in: 0..<2, using: &rng) == 0 }
            people.append(Self.person(n, skills: picked.map { ($0, Int.random(in: 1...5, using: &rng), EvidenceSource.allCases.randomElement(using: &rng)!) },
                                      zone: ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/Chicago"].randomElement(using: &rng)!,
                                      rate: Bool.random(using: &rng) ? nil : Int.random(in: 2_000...12_000, using: &rng)))
        }
        people += [Self.person(9_001, skills: [("django", 3, .claimed)]), Self.person(9_000, skills: [("django", 3, .claimed)])]
        let index = MatchIndex(people)
        let plan = try MatchPlan(try Self.query(limit: 1_000), windows: index.windows)
        let ranked = Matcher.rank(index, plan)
        #expect(ranked.count == people.count)
        for (a, b) in zip(ranked, ranked.dropFirst()) {
            #expect(a.score > b.score || (a.score == b.score && a.candidateId.uuidString < b.candidateId.uuidString))
        }
        let twins = ranked.filter { [9_000, 9_001].contains(Int($0.candidateId.uuidString.suffix(12))!) }
        #expect(Self.order(twins) == [9_000, 9_001])
        // The top 50 is the head of the full ranking.
        let top = Matcher.rank(index, try MatchPlan(try Self.query(limit: 50), windows: index.windows))
        #expect(top.map(\.candidateId) == ranked.prefix(50).map(\.candidateId))
    }

    /// Large enough for two parts on two cores and for the coverage pruning to stop early:
    /// the top 50 must still be the head of the ranking of everyone.
    @Test func the_pruned_top_of_a_large_pool_is_the_head_of_the_full_ranking() throws {
        var rng = SplitMix(seed: 7)
        let skills = ["django", "postgresql", "fastapi", "pandas", "django-rest-framework", "pytorch", "numpy", "celery"]
        let people = (1...60_000).map { n in
            Self.person(n, skills: skills.filter { _ in rng.next() % 3 == 0 }.map { ($0, Int(rng.next() % 5) + 1, EvidenceSource.allCases[Int(rng.next() % 4)]) },
                        zone: ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/Chicago"][Int(rng.next() % 4)],
                        rate: rng.next() % 2 == 0 ? nil : Int(rng.next() % 10_000) + 2_000)
        }
        let index = MatchIndex(people)
        for must in [["django", "postgresql", "celery"], ["pytorch"], ["numpy", "pandas"]] {
            let plan = try MatchPlan(try Self.query(must: must, nice: ["fastapi"], limit: 50), windows: index.windows)
            let top = Matcher.rank(index, plan)
            // Everyone scored, no pruning, sorted: the reference.
            let columns = Matcher.Columns(index), prepared = Matcher.prepare(index, plan), scalars = Matcher.Scalars(plan)
            let best = UnsafeMutablePointer<Int32>.allocate(capacity: 33), bestNice = UnsafeMutablePointer<Int32>.allocate(capacity: 33)
            defer { best.deallocate(); bestNice.deallocate() }
            let everyone = (0..<people.count).compactMap { i in Matcher.score(i, columns, prepared, scalars, best, bestNice, factors: nil).map { ($0.score, i) } }
                .sorted { Matcher.better($0, $1, columns.ids) }
            #expect(top.count == 50)
            #expect(top.map(\.candidateId) == everyone.prefix(50).map { columns.ids[$0.1] }, "must-haves \(must)")
            #expect(top.map(\.score) == everyone.prefix(50).map(\.0))
        }
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func hard_filters_and_changes_to_the_pool() throws {
        let index = MatchIndex([
            Self.person(1, skills: [("django", 4, .claimed), ("postgresql", 4, .claimed)], rate: 9_000),
            Self.person(2, skills: [("django", 4, .assessment)], rate: 4_000),
        ])
        var filters = MatchQuery.Filters()
        filters.requireAllMustHaves = true
        #expect(Self.order(Matcher.rank(index, try MatchPlan(try Self.query(filters: filters), windows: index.windows))) == [1])
        filters = .init()
        filters.maxRateCents = 5_000
        #expect(Self.order(Matcher.rank(index, try MatchPlan(try Self.query(filters: filters), windows: index.windows))) == [2])
        filters = .init()
        filters.minEvidence = .assessment
        #expect(Self.order(Matcher.rank(index, try MatchPlan(try Self.query(filters: filters), windows: index.windows))) == [2])

        index.upsert(Self.person(2, skills: [("django", 4, .assessment), ("postgresql", 5, .trial)], rate: 4_000))
        index.remove(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!)
        #expect(index.count == 1)
        #expect(Self.order(Matcher.rank(index, try MatchPlan(try Self.query(), windows: index.windows))) == [2])
    }

    @Test func nonsense_is_a_clear_error() throws {
        #expect(throws: ValidationFailure.self) { try MatchWeights(["charm": 10]) }
        #expect(throws: ValidationFailure.self) { try MatchWeights(["coverage": 500]) }
        #expect(throws: ValidationFailure.self) { try MatchWeights.parse("coverage=0,niceToHave=0,seniority=0,overlap=0,rate=0,availability=0,domain=0,engagement=0") }
        do {
            _ = try MatchPlan(try Self.query(must: ["django", "cobolx"]), windows: [])
            Issue.record("an unknown skill was accepted")
        } catch let failure as ValidationFailure {
            #expect(failure.issues.first?.field == "mustHave")
            #expect(failure.description.contains("cobolx"))
        }
        // An empty pool is an empty shortlist.
        #expect(Matcher.rank(MatchIndex(), try MatchPlan(try Self.query(), windows: [])).isEmpty)
    }
}
