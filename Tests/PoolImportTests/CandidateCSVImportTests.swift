import Foundation
import Taxonomy
import Testing
import VettedDomain
@testable import PoolImport

@Suite struct CandidateCSVImportTests {
    @Test func the_documented_header_reads_every_field_with_exact_lines() throws {
        let batch = try readFixture("candidates.csv")
        #expect(batch.issues.isEmpty)
        #expect(batch.records.map(\.line) == [2, 6, 7])
        let ada = try #require(batch.records.first).input
        #expect(ada.kind == "individual")
        #expect(ada.fullName == "Ada Lovelace")
        #expect(ada.headline == "Backend engineer, Python")
        #expect(ada.githubHandle == "ada-l")
        #expect(ada.country == "GB")
        #expect(ada.timeZone == "Europe/London")
        #expect(ada.workEnd == "17:30")
        #expect(ada.yearsExperience == 12)
        #expect(ada.hourlyRateCents == 120_050)
        #expect(ada.currency == "GBP")
        #expect(ada.engagementPreferences == ["freelancer", "dedicated"])
        #expect(ada.domains == ["fintech", "healthcare"])
        #expect(ada.repositories == ["https://github.com/ada-l/engine"])
        #expect(ada.links == ["https://ada.dev"])
        #expect(ada.bio == "Writes \"analytical\" engines.\nLoves, commas.\nThird line.")
        #expect(ada.skills == [
            SkillInput(skillId: "python", level: 5, evidence: "assessment"),
            SkillInput(skillId: "django", level: 4, evidence: "claimed"),
            SkillInput(skillId: "scikit-learn", level: 3, evidence: "claimed"),
        ])
    }

    @Test func empty_cells_are_not_given_and_unknown_skills_are_warnings() throws {
        let batch = try readFixture("candidates.csv", options: ImportOptions(defaultEvidence: .repository))
        let bob = try #require(batch.records.first { $0.line == 6 })
        #expect(bob.input.kind == nil)
        #expect(bob.input.headline == nil)
        #expect(bob.input.timeZone == nil)
        #expect(bob.input.yearsExperience == nil)
        #expect(bob.input.bio == nil)
        #expect(bob.input.hourlyRateCents == 4_500)
        #expect(bob.input.currency == nil)
        #expect(bob.input.skills == [SkillInput(skillId: "python", level: 4, evidence: "repository"),
                                     SkillInput(skillId: "postgresql", level: 3, evidence: "repository")])
        #expect(bob.warnings == ["skill 'COBOL' is not in the taxonomy; left out"])
        let chen = try #require(batch.records.last)
        #expect(chen.input.kind == "partner")
        #expect(chen.input.teamSize == 12)
        #expect(chen.input.processes == "Scrum, two-week sprints")
        #expect(chen.input.hourlyRateCents == 3_850)
        #expect(chen.input.skills == nil)
    }

    @Test func every_row_the_store_gets_from_the_documented_file_validates() throws {
        let batch = try readFixture("candidates.csv", options: ImportOptions(defaultTimeZone: "Europe/Berlin"))
        for record in batch.records {
            #expect(throws: Never.self, "line \(record.line)") { try CandidateDraft.validate(record.input) }
        }
    }

    @Test func bad_rows_become_issues_naming_line_and_field_while_good_rows_import() throws {
        let batch = try readFixture("broken.csv")
        #expect(batch.records.map(\.line) == [2, 6])
        #expect(batch.records.last?.input.hourlyRateCents == 200_000)
        #expect(batch.records.last?.input.skills == [SkillInput(skillId: "django", level: 5, evidence: "trial")])
        #expect(batch.issues.map(\.line) == [3, 4, 5, 7])
        #expect(batch.issues.map(\.field) == [nil, "hourly_rate", "skills", nil])
        #expect(batch.issues[0].message.contains("7 fields but the header has 5"))
        #expect(batch.issues[1].message == "line 4: hourly_rate must be an amount such as 45, 45.50 or 1,200.00; got 'forty'")
        #expect(batch.issues[2].message == "line 5: skills: 'python:7': the level must be 1 to 5; got '7'")
        #expect(batch.issues[3].message.hasPrefix("line 7: a quoted field is never closed"))
    }

    @Test func amounts_become_exact_cents_or_are_refused() {
        let good: [(String, Int, String?)] = [("45", 4_500, nil), ("45.50", 4_550, nil), ("45.5", 4_550, nil), ("$45", 4_500, nil),
                                              ("1,200.00", 120_000, nil), ("0.07", 7, nil), ("€45", 4_500, "EUR"),
                                              ("45 EUR", 4_500, "EUR"), ("£ 1,234,567.89", 123_456_789, "GBP"), ("19.990", 1_999, nil)]
        for (text, cents, currency) in good {
            #expect(CellValue.cents(text)?.cents == cents, "\(text)")
            #expect(CellValue.cents(text)?.currency == currency, "\(text)")
        }
        for bad in ["45,50", "4.555", "forty", "1,20", "12,3456", "$", "4 5", "1.2.3"] {
            #expect(CellValue.cents(bad) == nil, "\(bad)")
        }
        #expect(CellValue.integer("8+") == 8)
        #expect(CellValue.integer("5 years") == 5)
        #expect(CellValue.integer("five") == nil)
        #expect(CellValue.integer("5.5") == nil)
    }

    @Test func headers_from_other_tools_get_a_suggested_mapping() {
        let headers = ["First Name", "Last Name", "E-mail", "Email Address", "Phone Number", "Mobile", "GitHub URL", "Location",
                       "TZ", "Hourly Rate (USD)", "Level", "Years of Experience", "Tech Stack", "About", "LinkedIn",
                       "Portfolio", "Available From", "English", "Industries", "Candidate Name", "Favourite Colour"]
        let mapping = ColumnMapping.suggested(for: headers)
        let expected: [String: String] = [
            "First Name": "first_name", "Last Name": "last_name", "E-mail": "email", "Email Address": "email",
            "Phone Number": "phone", "Mobile": "phone", "GitHub URL": "github", "Location": "country", "TZ": "time_zone",
            "Hourly Rate (USD)": "hourly_rate", "Level": "seniority", "Years of Experience": "years_experience",
            "Tech Stack": "skills", "About": "bio", "LinkedIn": "links", "Portfolio": "links",
            "Available From": "available_from", "English": "english_level", "Industries": "domains", "Candidate Name": "full_name",
        ]
        #expect(mapping.fields == expected)
        #expect(mapping.unmappedHeaders == ["Favourite Colour"])
        #expect(mapping.missingRequired().isEmpty)
        #expect(ColumnMapping.suggested(for: CandidateCSV.header) == ColumnMapping.documented)
        #expect(ColumnMapping.suggested(for: ["Email", "Rate"]).missingRequired() == ["full_name", "time_zone"])
        #expect(ColumnMapping.suggested(for: ["Name"]).missingRequired(defaultTimeZone: "UTC") == [])
    }

    @Test func another_tools_file_imports_through_the_suggested_mapping() throws {
        let batch = try readFixture("other-tool.csv", options: ImportOptions(defaultTimeZone: "Europe/Lisbon"))
        #expect(batch.issues.isEmpty)
        #expect(batch.notes.map(\.message) == ["columns not imported (no matching field): 'Favourite Colour'"])
        let grace = try #require(batch.records.first)
        #expect(grace.line == 2)
        #expect(grace.input.fullName == "Grace Hopper")
        #expect(grace.input.email == "grace@example.com")
        #expect(grace.input.timeZone == "America/New_York")
        #expect(grace.input.hourlyRateCents == 8_550)
        #expect(grace.input.currency == "USD")
        #expect(grace.input.skills?.map(\.skillId) == ["python", "pytorch", "kubernetes"])
        let linus = try #require(batch.records.last)
        #expect(linus.line == 3)
        #expect(linus.input.timeZone == "Europe/Lisbon")
        #expect(linus.input.skills?.map(\.skillId) == ["pandas", "numpy"])
        // Issues name the documented field and the column as the file calls it.
        let bad = CandidateFileReader.read(data: Data("Name,Rate\nAda,forty\n".utf8), fileName: "x.csv")
        #expect(bad.issues.map(\.field) == ["hourly_rate"])
        #expect(bad.issues.map(\.message) == ["line 2: hourly_rate (column 'Rate') must be an amount such as 45, 45.50 or 1,200.00; got 'forty'"])
    }

    @Test func a_file_with_no_name_column_is_one_issue_listing_the_headers() throws {
        let csv = "Candidate ID,Contact,Rate\n17,ada@example.com,40\n"
        let batch = CandidateFileReader.read(data: Data(csv.utf8), fileName: "ats.csv")
        #expect(batch.records.isEmpty)
        #expect(batch.issues.count == 1)
        let issue = try #require(batch.issues.first)
        #expect(issue.source == "ats.csv")
        #expect(issue.line == 1)
        #expect(issue.field == nil)
        #expect(issue.message.contains("'Candidate ID', 'Contact', 'Rate'"))
        #expect(issue.message.contains("mapping"))
    }

    @Test func an_explicit_mapping_joins_first_and_last_names_and_extracts_github_handles() throws {
        let csv = "Vorname,Nachname,GH,Zone,Notiz\nAda,Lovelace,https://github.com/ada-l/,Europe/London,x\n"
        let mapping = ColumnMapping(["Vorname": "first_name", "Nachname": "last_name", "gh": "github", "Zone": "time_zone", "Notiz": "ignore"])
        let batch = CandidateFileReader.read(data: Data(csv.utf8), fileName: "de.csv", options: ImportOptions(mapping: mapping))
        let ada = try #require(batch.records.first).input
        #expect(ada.fullName == "Ada Lovelace")
        #expect(ada.githubHandle == "ada-l")
        #expect(ada.timeZone == "Europe/London")
        #expect(batch.notes.isEmpty)
        let decoded = try JSONDecoder().decode(ColumnMapping.self, from: JSONEncoder().encode(mapping))
        #expect(decoded == mapping)
        // Saved mappings are the plain [header: field] object a user writes.
        let written = try JSONDecoder().decode(ColumnMapping.self, from: Data(#"{"Candidate": "full_name", "Zone": "time_zone"}"#.utf8))
        #expect(written.fields == ["Candidate": "full_name", "Zone": "time_zone"])
    }

    @Test func formats_are_detected_from_the_name_and_then_the_first_bytes() {
        #expect(ImportFormat.detect(fileName: "pool.CSV", data: Data("a,b".utf8)) == .csv)
        #expect(ImportFormat.detect(fileName: "cv.json", data: Data("{}".utf8)) == .jsonResume)
        #expect(ImportFormat.detect(fileName: "cv.md", data: Data("# Jane".utf8)) == .resumeText)
        #expect(ImportFormat.detect(fileName: "cv.pdf", data: Data("%PDF-1.4".utf8)) == .resumePDF)
        #expect(ImportFormat.detect(fileName: "upload", data: Data("%PDF-1.7\n".utf8)) == .resumePDF)
        #expect(ImportFormat.detect(fileName: "upload", data: Data("\u{FEFF}  [{\"basics\":{}}]".utf8)) == .jsonResume)
        #expect(ImportFormat.detect(fileName: "upload", data: Data("name,email".utf8)) == nil)
        let batch = CandidateFileReader.read(data: Data("x".utf8), fileName: "upload.bin")
        #expect(batch.issues.first?.message.contains("cannot tell") == true)
    }
}
