import Testing
import VettedDomain

@Suite struct ValidationTests {
    @Test func a_role_names_every_bad_field_at_once() {
        var input = RoleInput()
        input.title = "  "
        input.category = "frontend"
        input.timeZone = "Mars/Olympus"
        input.workStart = "25:00"
        input.durationWeeks = 0
        #expect(throws: ValidationFailure.self) { try RoleDraft.validate(input) }
        do {
            _ = try RoleDraft.validate(input)
        } catch {
            let fields = Set(error.issues.map(\.field))
            #expect(fields == ["title", "category", "timeZone", "workStart", "durationWeeks"])
            #expect(error.message(for: "category")?.contains("ai-ml, data-science, backend") == true)
            #expect(error.message(for: "timeZone")?.contains("Mars/Olympus") == true)
        }
    }

    @Test func an_update_keeps_fields_it_does_not_mention() throws {
        var create = RoleInput()
        create.title = "Data engineer"
        create.category = "data-science"
        create.timeZone = "America/New_York"
        create.budgetHourlyCents = 6000
        let existing = try RoleDraft.validate(create)
        var patch = RoleInput()
        patch.title = "Senior data engineer"
        let updated = try RoleDraft.validate(patch, over: existing)
        #expect(updated.title == "Senior data engineer")
        #expect(updated.category == .dataScience)
        #expect(updated.budgetHourlyCents == 6000)
        #expect(updated.timeZone.identifier == "America/New_York")
    }

    @Test func time_zones_must_be_iana_names_not_abbreviations() {
        #expect(throws: DomainError.self) { try ZoneName("EST") }
        #expect(throws: DomainError.self) { try ZoneName("GMT+2") }
        #expect((try? ZoneName("Asia/Kolkata"))?.identifier == "Asia/Kolkata")
        #expect((try? ZoneName("UTC"))?.identifier == "UTC")
    }

    @Test func dates_times_and_money_are_strict() {
        #expect(throws: DomainError.self) { try LocalDate("2026-02-30", field: "d") }
        #expect(throws: DomainError.self) { try LocalDate("26-1-1", field: "d") }
        #expect((try? LocalDate("2028-02-29", field: "d"))?.description == "2028-02-29")
        #expect(throws: DomainError.self) { try LocalTime("9am", field: "t") }
        #expect((try? LocalTime("09:30", field: "t"))?.minutes == 570)
        #expect(throws: DomainError.self) { try CurrencyCode("dollars") }
        #expect(Money(cents: 123_456, currency: .usd).formatted == "$1,234.56")
        #expect(Money(cents: -5, currency: .usd).formatted == "-$0.05")
        #expect(Money.usd(4500) == Money(cents: 4500, currency: .usd))
    }

    @Test func candidate_rates_cannot_be_negative_and_skills_are_checked() {
        var input = CandidateInput()
        input.fullName = "Ada"
        input.timeZone = "Europe/Warsaw"
        input.hourlyRateCents = -100
        input.skills = [SkillInput(skillId: "python", level: 9), SkillInput(skillId: "bad id!", level: 3), SkillInput(skillId: "pandas", evidence: "rumour")]
        do {
            _ = try CandidateDraft.validate(input)
            Issue.record("expected a validation failure")
        } catch {
            let fields = Set(error.issues.map(\.field))
            #expect(fields.contains("hourlyRateCents"))
            #expect(fields.contains("skills[0].level"))
            #expect(fields.contains("skills[1].skillId"))
            #expect(fields.contains("skills[2].evidence"))
        }
    }

    @Test func emails_are_normalized() throws {
        #expect(try EmailAddress("  Ada@Example.COM ").value == "ada@example.com")
        #expect(throws: DomainError.self) { try EmailAddress("ada@") }
        #expect(throws: DomainError.self) { try EmailAddress("<script>@x.y") }
    }

    @Test func typed_ids_round_trip_and_reject_garbage() {
        let id = RoleID()
        #expect(RoleID(string: id.description) == id)
        #expect(RoleID(string: "not-a-uuid") == nil)
    }
}
