import Testing
import Planning
import VettedDomain

@Suite struct AdvisorTests {
    let advisor = HiringModelAdvisor()

    func request(weeks: Int, hours: Int = 40, startIn: Int = 30, ip: Bool = false, fixed: Bool = false, overlap: Int = 2, budget: Int? = nil,
                 category: RoleCategory = .backend, level: Seniority = .mid) -> AdvisorRequest {
        AdvisorRequest(category: category, level: level, durationWeeks: weeks, hoursPerWeek: hours, daysUntilStart: startIn,
                       clientOwnsIP: ip, fixedScope: fixed, overlapHours: overlap, budgetHourlyCents: budget)
    }

    @Test func a_two_week_urgent_fix_puts_a_freelancer_first() throws {
        let advice = try advisor.advise(request(weeks: 2, hours: 30, startIn: 2))
        #expect(advice.engagement.first?.option == "freelancer")
        #expect(advice.engagement.first?.timeToStart == "immediately")
        #expect(advice.engagement.last?.option == "in-house")
    }

    @Test func an_18_month_core_product_with_ip_needs_puts_in_house_or_dedicated_first() throws {
        let advice = try advisor.advise(request(weeks: 78, startIn: 60, ip: true, overlap: 4))
        #expect(["in-house", "dedicated"].contains(advice.engagement.first?.option))
        #expect(advice.engagement.first { $0.option == "in-house" }?.timeToStart == "weeks to months (recruiting)")
        #expect(advice.engagement.first?.factors.contains { $0.factor == "control and IP" } == true)
    }

    @Test func a_fixed_scope_ten_week_build_puts_project_based_first() throws {
        let advice = try advisor.advise(request(weeks: 10, startIn: 20, ip: true, fixed: true))
        #expect(advice.engagement.first?.option == "project")
    }

    @Test func ten_hours_a_week_for_six_months_is_part_time_freelance() throws {
        let advice = try advisor.advise(request(weeks: 26, hours: 10, startIn: 14))
        #expect(advice.engagement.first?.option == "freelancer")
        #expect(!advice.fullTime)
    }

    @Test func a_tight_budget_with_little_overlap_puts_offshore_first() throws {
        let advice = try advisor.advise(request(weeks: 20, overlap: 1, budget: 3500))
        #expect(advice.budgetClass == "low")
        #expect(advice.location.first?.option == "offshore")
        #expect(advice.location.last?.option == "local")
    }

    @Test func a_full_day_of_overlap_with_a_local_budget_puts_local_first() throws {
        let advice = try advisor.advise(request(weeks: 40, overlap: 7, budget: 15000))
        #expect(advice.budgetClass == "high")
        #expect(advice.location.first?.option == "local")
        #expect(advice.location.last?.option == "offshore")
    }

    @Test func four_hours_of_overlap_and_a_middle_budget_puts_nearshore_first() throws {
        let advice = try advisor.advise(request(weeks: 20, overlap: 4, budget: 6000))
        #expect(advice.budgetClass == "medium")
        #expect(advice.location.first?.option == "nearshore")
    }

    @Test func every_option_shows_its_factor_contributions_summing_to_its_score() throws {
        let advice = try advisor.advise(request(weeks: 30, hours: 25, startIn: 5, ip: true, overlap: 5, budget: 5000))
        for option in advice.engagement + advice.location {
            #expect(option.factors.reduce(0) { $0 + $1.points } == option.score)
            #expect(option.factors.allSatisfy { !$0.why.isEmpty })
        }
        #expect(advice.engagement.count == 4 && advice.location.count == 4)
    }

    @Test func impossible_inputs_name_the_field() {
        #expect(throws: DomainError.self) { try advisor.advise(request(weeks: 0)) }
        #expect(throws: DomainError.self) { try advisor.advise(request(weeks: 4, budget: -100)) }
        #expect(throws: DomainError.self) { try advisor.advise(request(weeks: 4, startIn: -3)) }
    }
}
