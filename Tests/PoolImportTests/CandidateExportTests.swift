import Foundation
import Testing
import VettedDomain
@testable import PoolImport

@Suite struct CandidateExportTests {
    static func sample() -> [CandidateInput] {
        var ada = CandidateInput()
        ada.kind = "individual"
        ada.fullName = "Ada Lovelace"
        ada.headline = "=SUM(A1:A2)"
        ada.email = "ada@example.com"
        ada.phone = "+44 20 7946 0018"
        ada.githubHandle = "ada-l"
        ada.country = "GB"
        ada.timeZone = "Europe/London"
        ada.workStart = "09:00"
        ada.workEnd = "17:30"
        ada.seniority = "senior"
        ada.yearsExperience = 0
        ada.hourlyRateCents = 4_550
        ada.currency = "EUR"
        ada.availableFrom = "2026-03-01"
        ada.hoursPerWeek = 40
        ada.engagementPreferences = ["freelancer", "in-house"]
        ada.englishLevel = "native"
        ada.domains = ["fintech", "ad-tech"]
        ada.repositories = ["https://github.com/ada-l/engine"]
        ada.links = ["https://ada.dev", "https://example.com/a,b"]
        ada.vettingStatus = "in-review"
        ada.skills = [SkillInput(skillId: "python", level: 5, evidence: "assessment"), SkillInput(skillId: "scikit-learn", level: 3, evidence: "claimed")]
        ada.bio = "Line one, with a comma\n\"Quoted\" line two\r\n- a dash line"
        var chen = CandidateInput()
        chen.kind = "partner"
        chen.fullName = "Chen Works"
        chen.timeZone = "Asia/Ho_Chi_Minh"
        chen.hourlyRateCents = 1_000_000
        chen.teamSize = 12
        chen.processes = "'@team reviews"
        chen.communication = "@channel daily"
        return [ada, chen]
    }

    @Test func export_writes_the_documented_header_and_quotes_what_needs_it() {
        let csv = CandidateCSV.encode(rows: Self.sample().map(CandidateCSV.row))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == CandidateCSV.header.joined(separator: ","))
        #expect(csv.contains(",'=SUM(A1:A2),"))
        #expect(csv.contains(",'+44 20 7946 0018,"))
        #expect(csv.contains(",45.50,EUR,"))
        #expect(csv.contains(",\"https://ada.dev; https://example.com/a,b\","))
        #expect(csv.contains("python:5:assessment; scikit-learn:3:claimed"))
        #expect(csv.contains(",''@team reviews,'@channel daily,"))
        #expect(csv.contains("\"Line one, with a comma\n\"\"Quoted\"\" line two\r\n- a dash line\""))
    }

    @Test func exported_csv_reads_back_to_the_same_inputs() {
        let inputs = Self.sample()
        let csv = CandidateCSV.encode(rows: inputs.map(CandidateCSV.row))
        let batch = CandidateFileReader.read(data: Data(csv.utf8), fileName: "export.csv")
        #expect(batch.issues.isEmpty)
        #expect(batch.notes.isEmpty)
        #expect(batch.records.map(\.input) == inputs)
        #expect(batch.records.map(\.line) == [2, 5])
    }
}
