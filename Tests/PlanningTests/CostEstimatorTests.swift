import Testing
import VettedDomain
import Planning

@Suite struct CostEstimatorTests {
    let estimator = CostEstimator()

    @Test(arguments: [(Seniority.junior, 1500, 3000), (.mid, 3000, 6000), (.senior, 6000, 12000)])
    func the_defaults_return_the_guides_offshore_band_unchanged(_ level: Seniority, _ low: Int, _ high: Int) throws {
        for category in RoleCategory.allCases {
            let estimate = try estimator.estimate(EstimateRequest(category: category, level: level, location: .offshore, hoursPerWeek: 40, weeks: 1))
            #expect(estimate.hourlyCents.low == low)
            #expect(estimate.hourlyCents.high == high)
            #expect(estimate.currency == "USD")
        }
    }

    @Test func ai_ml_is_expected_to_cost_more_than_backend_at_the_same_level() throws {
        let ai = try estimator.estimate(EstimateRequest(category: .aiML, level: .senior, location: .offshore, hoursPerWeek: 40, weeks: 1))
        let backend = try estimator.estimate(EstimateRequest(category: .backend, level: .senior, location: .offshore, hoursPerWeek: 40, weeks: 1))
        #expect(ai.hourlyCents.expected == 9600)    // 6000 + 60% of 6000
        #expect(backend.hourlyCents.expected == 8400) // 6000 + 40% of 6000
    }

    @Test func totals_are_hours_times_rate_to_the_cent() throws {
        var request = EstimateRequest(category: .dataScience, level: .mid, location: .offshore, hoursPerWeek: 30, weeks: 12)
        request.complexity = .complex
        request.model = .freelancer
        let estimate = try estimator.estimate(request)
        #expect(estimate.hours == 360)
        // 3000 × 1.25 × 1.10 = 4125; expected 4500 × 1.25 × 1.10 = 6187.5 → 6188 (half up).
        #expect(estimate.hourlyCents == RateBand(low: 4125, expected: 6188, high: 8250))
        #expect(estimate.totalCents == RateBand(low: 1_485_000, expected: 2_227_680, high: 2_970_000))
    }

    @Test func local_rates_come_from_the_salary_survey_and_hybrid_mixes_them() throws {
        let local = try estimator.estimate(EstimateRequest(category: .aiML, level: .senior, location: .local, hoursPerWeek: 40, weeks: 1))
        let offshore = try estimator.estimate(EstimateRequest(category: .aiML, level: .senior, location: .offshore, hoursPerWeek: 40, weeks: 1))
        #expect(local.hourlyCents.expected > offshore.hourlyCents.expected)
        #expect(local.sources.contains { $0.contains("local-us senior ai-ml") && $0.contains("CC0") })
        var hybrid = EstimateRequest(category: .aiML, level: .senior, location: .hybrid, hoursPerWeek: 40, weeks: 1)
        hybrid.localSharePercent = 50
        let mixed = try estimator.estimate(hybrid)
        #expect(mixed.hourlyCents.expected == (local.hourlyCents.expected + offshore.hourlyCents.expected + 1) / 2)
    }

    @Test func a_thin_market_cell_says_which_wider_cell_it_used() throws {
        let nearshore = try estimator.estimate(EstimateRequest(category: .backend, level: .mid, location: .nearshore, hoursPerWeek: 40, weeks: 1))
        #expect(nearshore.sources.contains { $0.contains("too few; used nearshore-us mid all") })
    }

    @Test func rates_are_placed_in_their_band() {
        let band = RateBand(low: 3000, expected: 4500, high: 6000)
        #expect(band.place(2500) == .below)
        #expect(band.place(3000) == .within)
        #expect(band.place(7000) == .above)
    }

    @Test func bad_requests_name_the_field() {
        #expect(throws: DomainError.self) { try estimator.estimate(EstimateRequest(category: .backend, level: .mid, location: .offshore, hoursPerWeek: 0, weeks: 4)) }
        #expect(throws: DomainError.self) { try estimator.estimate(EstimateRequest(category: .backend, level: .mid, location: .offshore, hoursPerWeek: 40, weeks: -1)) }
        var hybrid = EstimateRequest(category: .backend, level: .mid, location: .hybrid, hoursPerWeek: 40, weeks: 4)
        hybrid.localSharePercent = 140
        #expect(throws: DomainError.self) { try estimator.estimate(hybrid) }
    }
}

@Suite struct InHouseAndPlacementTests {
    @Test func in_house_cost_is_salary_with_overhead_for_the_weeks_plus_recruiting() throws {
        let estimator = CostEstimator()
        let cost = try estimator.inHouse(category: .aiML, level: .senior, weeks: 52)
        // Senior ai-ml local-us median 11800 cents/h (loaded 1.3) → salary 11800 × 2080 / 1.3 = 18,880,000 cents.
        #expect(cost.annualSalaryCents == 18_880_000)
        #expect(cost.recruitingCents == 3_776_000)
        #expect(cost.totalCents == 18_880_000 * 13 / 10 + 3_776_000)
        #expect(cost.weeksToHire == 8)
    }

    @Test func a_candidates_rate_is_placed_in_the_band_for_where_they_live() throws {
        let card = RateCard.standard
        let india = try #require(card.band(forCountry: "IN", level: .mid))
        #expect(india.group == "offshore")
        #expect(india.band.place(4500) == .within)
        #expect(india.band.place(9000) == .above)
        let us = try #require(card.band(forCountry: "us", level: .senior))
        #expect(us.group == "local-us")
        #expect(us.band.place(4500) == .below)
        #expect(card.band(forCountry: "AQ", level: .mid) == nil)
    }
}
