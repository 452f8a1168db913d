import Foundation
import Testing
import Taxonomy
import VettedDomain

@Suite struct TaxonomyTests {
    let taxonomy = Taxonomy.standard

    @Test func the_shipped_taxonomy_is_large_enough_and_covers_every_category() {
        #expect(taxonomy.skills.count >= 250)
        #expect(taxonomy.packageMappingCount >= 400)
        #expect(Set(taxonomy.skills.map(\.category)) == Set(SkillCategory.allCases))
    }

    @Test func aliases_implications_and_packages_resolve() {
        #expect(taxonomy.resolve("sklearn")?.id == "scikit-learn")
        #expect(taxonomy.resolve("Scikit-Learn")?.id == "scikit-learn")
        #expect(taxonomy.resolve("PostgreSQL")?.id == "postgresql")
        let drf = taxonomy.implied(by: "django-rest-framework")
        #expect(drf.contains("django"))
        #expect(drf.contains("rest-apis"))
        #expect(taxonomy.skill(forPackage: "torch")?.id == "pytorch")
        #expect(taxonomy.skill(forPackage: "Scikit_Learn")?.id == "scikit-learn")
        #expect(taxonomy.skill(forPackage: "psycopg")?.id == "postgresql")
        #expect(taxonomy.skill(forImport: "sklearn.linear_model")?.id == "scikit-learn")
    }

    @Test func the_demo_datas_skill_ids_all_exist() {
        for id in ["python", "pytorch", "pandas", "django", "fastapi", "postgresql", "airflow", "dbt", "mlops", "a-b-testing", "llm-fine-tuning"] {
            #expect(taxonomy.skill(id) != nil, "missing \(id)")
        }
    }

    @Test func an_unknown_reference_is_an_error_naming_the_entry() {
        #expect(throws: TaxonomyError.invalid(entry: "drf", message: "implies unknown skill 'djangoo'")) {
            try Taxonomy(version: "t", skills: [Skill(id: "drf", name: "DRF", category: .backend, implies: ["djangoo"])])
        }
    }

    @Test func a_cycle_is_an_error_showing_the_cycle() {
        do {
            _ = try Taxonomy(version: "t", skills: [
                Skill(id: "a", name: "A", category: .backend, implies: ["b"]),
                Skill(id: "b", name: "B", category: .backend, implies: ["c"]),
                Skill(id: "c", name: "C", category: .backend, implies: ["a"]),
            ])
            Issue.record("expected a cycle error")
        } catch let error as TaxonomyError {
            #expect(error.description.contains("a ⇒ b ⇒ c ⇒ a"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func duplicate_aliases_packages_and_ids_are_errors() {
        #expect(throws: TaxonomyError.self) {
            try Taxonomy(version: "t", skills: [Skill(id: "x", name: "X", category: .backend, aliases: ["same"]),
                                                Skill(id: "y", name: "Y", category: .backend, aliases: ["same"])])
        }
        #expect(throws: TaxonomyError.self) {
            try Taxonomy(version: "t", skills: [Skill(id: "x", name: "X", category: .backend, aliases: ["y"]),
                                                Skill(id: "y", name: "Y", category: .backend)])
        }
        #expect(throws: TaxonomyError.self) {
            try Taxonomy(version: "t", skills: [Skill(id: "x", name: "X", category: .backend, packages: ["pkg"]),
                                                Skill(id: "y", name: "Y", category: .backend, packages: ["PKG"])])
        }
        #expect(throws: TaxonomyError.self) {
            try Taxonomy(version: "t", skills: [Skill(id: "x", name: "X", category: .backend), Skill(id: "x", name: "X2", category: .backend)])
        }
    }

    @Test func an_unknown_category_in_the_file_is_an_error_naming_the_entry() {
        let json = #"{"version": "t", "skills": [{"id": "x", "name": "X", "category": "frontend"}]}"#
        #expect(throws: TaxonomyError.invalid(entry: "x", message: "unknown category 'frontend'")) {
            try Taxonomy(data: Data(json.utf8))
        }
    }
}
