import Testing
import Planning
import Taxonomy
import VettedDomain

@Suite struct ChecklistTests {
    let builder = ChecklistBuilder()

    func ids(_ items: [Checklist.Item]) -> [String] { items.map(\.id) }

    @Test func an_ai_ml_nlp_role_needs_ml_and_nlp_with_reasons() throws {
        var request = ChecklistRequest(category: .aiML)
        request.specialties = ["nlp"]
        let checklist = try builder.build(request)
        #expect(ids(checklist.mustHave).contains("machine-learning"))
        #expect(ids(checklist.mustHave).contains("nlp"))
        #expect(checklist.mustHave.first { $0.id == "nlp" }?.reason == "specialty: nlp")
        #expect(checklist.mustHave.first { $0.id == "python" }?.reason == "AI/ML role")
        #expect(Set(ids(checklist.mustHave)).isDisjoint(with: ids(checklist.niceToHave)))
    }

    @Test func a_data_role_needs_sql_and_cleaning() throws {
        var request = ChecklistRequest(category: .dataScience)
        request.specialties = ["etl"]
        let checklist = try builder.build(request)
        #expect(ids(checklist.mustHave).contains("sql"))
        #expect(ids(checklist.mustHave).contains("data-cleaning"))
        #expect(ids(checklist.mustHave).contains("etl"))
        #expect(ids(checklist.niceToHave).contains("airflow"))
    }

    @Test func a_backend_role_takes_named_integrations_as_must_haves() throws {
        var request = ChecklistRequest(category: .backend)
        request.integrations = ["PostgreSQL", "Stripe", "Acme Legacy ERP"]
        request.seniority = .senior
        let checklist = try builder.build(request)
        #expect(checklist.mustHave.first { $0.id == "postgresql" }?.reason == "integration: PostgreSQL")
        #expect(checklist.mustHave.first { $0.id == "stripe" }?.reason == "integration: Stripe")
        #expect(checklist.flags.contains { $0.contains("Acme Legacy ERP") })
        #expect(ids(checklist.mustHave).contains("testing"))
        #expect(checklist.mustHave.first { $0.id == "testing" } != nil)
    }

    @Test func a_scope_spanning_ml_and_backend_is_flagged() throws {
        var request = ChecklistRequest(category: .backend)
        request.summary = "Train and fine-tune a transformers model for ticket classification, then serve predictions from a FastAPI endpoint backed by PostgreSQL, with webhooks and authentication."
        let checklist = try builder.build(request)
        #expect(checklist.flags.contains { $0.contains("spans") })
        #expect(ids(checklist.niceToHave).contains("transformers") || ids(checklist.mustHave).contains("transformers"))
    }

    @Test func prose_is_classified_with_the_words_that_decided_it() {
        let result = BriefClassifier().classify("We need dashboards and weekly KPI reports from our Snowflake warehouse, built with dbt and pandas.")
        #expect(result.category == "data-science")
        let words = result.evidence.map(\.word)
        #expect(words.contains("dashboards"))
        #expect(words.contains("dbt"))
        #expect(result.spans.isEmpty)
    }

    @Test func short_words_are_matched_on_word_boundaries_only() {
        let result = BriefClassifier().classify("A fragile go-live plan in C++ with a rest period.")
        #expect(!result.evidence.map(\.word).contains("rag"))
        #expect(!result.evidence.map(\.word).contains("go"))
        #expect(!result.evidence.map(\.word).contains("c"))
    }

    @Test func the_completeness_check_names_what_the_brief_lacks() throws {
        let empty = try builder.build(ChecklistRequest(category: .backend))
        #expect(empty.missing.contains("timeline: start date and weeks"))
        #expect(empty.missing.contains("budget (hourly cap or total)"))
        var full = ChecklistRequest(category: .backend)
        full.summary = "Payments API"
        full.specialties = ["apis"]
        full.integrations = ["Stripe"]
        full.deliverables = "Service and docs"
        full.hasTimeline = true
        full.hasIPOwnership = true
        full.hasBudget = true
        full.hasOverlapRequirement = true
        #expect(try builder.build(full).missing.isEmpty)
    }

    @Test func no_category_and_no_prose_is_an_error_naming_the_field() {
        #expect(throws: DomainError.self) { try builder.build(ChecklistRequest()) }
        var request = ChecklistRequest(category: .backend)
        request.specialties = ["wizardry"]
        #expect(throws: DomainError.self) { try builder.build(request) }
    }
}
