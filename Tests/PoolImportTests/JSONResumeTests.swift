import Foundation
import Testing
import VettedDomain
@testable import PoolImport

@Suite struct JSONResumeTests {
    let options = ImportOptions(referenceDate: referenceDate)

    @Test func a_single_resume_maps_basics_profiles_work_skills_languages_and_projects() throws {
        let batch = try readFixture("resume.json", options: options)
        #expect(batch.issues.isEmpty)
        let record = try #require(batch.records.first)
        #expect(record.line == 1)
        let input = record.input
        #expect(input.fullName == "Tomasz Nowak")
        #expect(input.headline == "Machine Learning Engineer")
        #expect(input.email == "tomasz@example.pl")
        #expect(input.country == "PL")
        #expect(input.githubHandle == "tnowak")
        #expect(input.links == ["https://tomasz.dev", "https://www.linkedin.com/in/tomasz-nowak"])
        #expect(input.repositories == ["https://github.com/tnowak/ranker"])
        #expect(input.bio == "I ship ML systems to production.")
        #expect(input.englishLevel == "professional")
        // 2016-09 to today (2026-01-15), the current job having no end date.
        #expect(input.yearsExperience == 9)
        #expect(input.caseStudies == [CaseStudy(title: "ranker", summary: "Learning-to-rank library.", url: "https://github.com/tnowak/ranker"),
                                      CaseStudy(title: "Talk at PyData", summary: "On drift.", url: "https://pydata.org/talks/drift")])
        let levels = Dictionary(uniqueKeysWithValues: (input.skills ?? []).map { ($0.skillId, $0.level) })
        #expect(levels == ["machine-learning": 5, "pytorch": 5, "scikit-learn": 5, "ml-pipelines": 5, "fastapi": 3, "django-rest-framework": 2])
        #expect(input.skills?.allSatisfy { $0.evidence == "claimed" && $0.detail == "JSON Resume skills" } == true)
        #expect(record.warnings.contains("skill 'COBOL' is not in the taxonomy; left out"))
        #expect(record.warnings.contains("skill 'Backend' is not in the taxonomy; left out"))
        // JSON Resume has no zone: Poland has one.
        #expect(input.timeZone == "Europe/Warsaw")
        #expect(record.warnings.contains("time zone Europe/Warsaw taken from country PL"))
        #expect(throws: Never.self) { try CandidateDraft.validate(input) }
    }

    @Test func an_array_keeps_good_resumes_and_names_the_index_of_bad_ones() throws {
        let batch = try readFixture("resumes.json", options: options)
        #expect(batch.records.map(\.line) == [1, 4])
        #expect(batch.issues.map(\.line) == [2, 3])
        #expect(batch.issues.map(\.field) == [nil, "basics.name"])
        #expect(batch.issues[0].message == "resume 2 is not a JSON object")
        let amara = batch.records[0].input
        #expect(amara.timeZone == "America/Chicago")
        #expect(amara.skills == [SkillInput(skillId: "python", level: 4, evidence: "claimed", detail: "JSON Resume skills")])
        let kenji = batch.records[1].input
        // Brazil spans several zones: no guess, and no default given.
        #expect(kenji.timeZone == nil)
        #expect(kenji.englishLevel == "conversational")
        let withDefault = try readFixture("resumes.json", options: ImportOptions(defaultTimeZone: "America/Sao_Paulo"))
        #expect(withDefault.records.last?.input.timeZone == "America/Sao_Paulo")
    }

    @Test func invalid_json_is_one_file_issue_with_the_position() {
        let json = "{\n  \"basics\": {\"name\": \"X\"},\n  \"work\": [1, 2,, 3]\n}"
        let batch = CandidateFileReader.read(data: Data(json.utf8), fileName: "bad.json")
        #expect(batch.records.isEmpty)
        #expect(batch.issues.count == 1)
        #expect(batch.issues.first?.line == nil)
        #expect(batch.issues.first?.message.hasPrefix("the file is not valid JSON: line 3, column") == true)
    }
}
