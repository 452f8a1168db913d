import Foundation
import Taxonomy
import Testing
import VettedDomain
@testable import PoolImport

@Suite struct ResumeTextTests {
    @Test func the_resume_yields_contact_details_links_and_experience() throws {
        let batch = try readFixture("resume.txt", taxonomy: languageTaxonomy)
        let record = try #require(batch.records.first)
        #expect(record.line == 1)
        let input = record.input
        #expect(input.fullName == "Jane Q. Doe")
        #expect(input.headline == "Senior Backend Engineer")
        #expect(input.email == "jane.doe@example.com")
        #expect(input.phone == "+49 30 1234 5678")
        #expect(input.githubHandle == "janedoe")
        #expect(input.links == ["https://www.linkedin.com/in/janedoe"])
        #expect(input.repositories == ["https://github.com/janedoe/ledger"])
        #expect(input.yearsExperience == 8)
        #expect(input.country == "DE")
        #expect(input.timeZone == "Europe/Berlin")
        #expect(input.englishLevel == "professional")
        #expect(input.bio?.hasPrefix("Backend engineer with 8+ years") == true)
    }

    @Test func resume_skills_avoid_the_traps() throws {
        let batch = try readFixture("resume.txt", options: ImportOptions(defaultEvidence: .claimed), taxonomy: languageTaxonomy)
        let skills = try #require(batch.records.first?.input.skills)
        let ids = Set(skills.map(\.skillId))
        #expect(ids == ["python", "go", "cpp", "django", "nodejs", "dotnet", "javascript", "csharp", "rust", "swift", "r"])
        // C only inside C++ and C#, Java only inside JavaScript, B only in "Plan B".
        #expect(!ids.contains("c"))
        #expect(!ids.contains("java"))
        #expect(!ids.contains("b"))
        let detail = Dictionary(uniqueKeysWithValues: skills.map { ($0.skillId, $0.detail ?? "") })
        // "We go to market" (line 7) is prose; the skills line (11) is where Go is found.
        #expect(detail["go"] == "resume line 11: Languages: Python, Go, C++")
        // "R&D" (line 8) is not R; "the R language" (line 17) is.
        #expect(detail["r"] == "resume line 17: Built an iOS client in Swift and reports in the R language.")
        #expect(detail["dotnet"] == "resume line 12: Frameworks: Django, Node.js, .NET")
        #expect(skills.allSatisfy { $0.level == 3 && $0.evidence == "claimed" })
    }

    @Test func the_mention_finder_counts_ambiguous_names_only_in_skills_lists() {
        let finder = SkillMentionFinder(taxonomy: languageTaxonomy)
        func ids(_ line: String, list: Bool) -> [String] { finder.mentions(inLine: line, inSkillsList: list).map(\.skillId) }
        #expect(ids("We go live on Monday and keep a Plan B", list: false) == [])
        #expect(ids("Go, R, C, B", list: true) == ["go", "r", "c", "b"])
        #expect(ids("C/C++, C#, ANSI C", list: true) == ["c", "cpp", "csharp", "c"])
        #expect(ids("Moved the API to Golang and the reports to the R language", list: false) == ["go", "r"])
        #expect(ids("R&D lead, go-to-market", list: true) == [])
        #expect(ids("JavaScript and TypeScript, later Java.", list: false) == ["javascript", "java"])
        #expect(ids("Node.js (node) and ASP.NET", list: false) == ["nodejs", "nodejs", "dotnet"])
        #expect(ids("Rust, Swift; python3-based tools", list: false) == ["rust", "swift", "python"])
        #expect(ids("https://go.dev/c and c@r.io", list: true) == [])
    }

    @Test func a_skills_heading_makes_the_short_lines_under_it_a_list() {
        let text = "Jane Doe\nI go running.\n\nTECHNICAL SKILLS\n\n• Go\n• R\n\nEXPERIENCE\nWe go fast.\n"
        let found = SkillMentionFinder(taxonomy: languageTaxonomy).mentions(in: text)
        #expect(found.map(\.skillId) == ["go", "r"])
        #expect(found.map(\.line) == [6, 7])
    }

    @Test func the_standard_taxonomy_finds_aliases_in_a_resume() {
        let text = "Skills: sklearn, Postgres, k8s\nDatabases: Redis\nBuilt dashboards with Apache Superset and PyTorch Lightning."
        let record = ResumeText.parse(text, source: "cv.txt")
        // "Databases:" is a label, not a claim; the dashboards in prose are.
        #expect(record.input.skills?.map(\.skillId) == ["scikit-learn", "postgresql", "kubernetes", "redis", "dashboards", "apache-superset", "pytorch-lightning"])
        #expect(record.input.fullName == nil)
        #expect(record.warnings.contains("no name found at the top of the resume"))
    }
}

/// The same traps with the taxonomy Vetted ships, not a test one.
@Suite struct StandardTaxonomyResumeTests {
    @Test func the_shipped_taxonomy_keeps_c_go_and_r_out_of_prose() throws {
        let text = """
        Marta Silva
        Backend engineer
        We go to market fast, lead R&D, and ship C# and C++ services to every node of the cluster.
        Skills: Python, Go, R, FastAPI, PostgreSQL
        """
        let record = ResumeText.parse(text, source: "cv.txt", options: ImportOptions(), taxonomy: .standard)
        let skills = record.input.skills ?? []
        let ids = Set(skills.map(\.skillId))
        #expect(ids.isSuperset(of: ["python", "go", "r", "fastapi", "postgresql", "cpp", "csharp"]), "\(ids)")
        #expect(!ids.contains("c"))
        #expect(!ids.contains("nodejs"))
        let go = try #require(skills.first { $0.skillId == "go" })
        #expect(go.detail?.hasPrefix("resume line 4:") == true)
        let r = try #require(skills.first { $0.skillId == "r" })
        #expect(r.detail?.hasPrefix("resume line 4:") == true)
    }
}
