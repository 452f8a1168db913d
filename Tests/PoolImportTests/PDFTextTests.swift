import Foundation
import Testing
@testable import PoolImport

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: PDFText.toolPath), "needs pdftotext (poppler-utils)"))
struct PDFTextTests {
    @Test func a_pdf_resume_is_read_through_pdftotext() throws {
        let batch = try readFixture("resume.pdf")
        #expect(batch.issues.isEmpty)
        let input = try #require(batch.records.first).input
        #expect(input.fullName == "Maria Garcia")
        #expect(input.headline == "Data Engineer")
        #expect(input.email == "maria.garcia@example.org")
        #expect(input.phone == "+34 600 123 456")
        #expect(input.githubHandle == "mgarcia")
        #expect(input.country == "ES")
        #expect(input.timeZone == "Europe/Madrid")
        #expect(input.yearsExperience == 6)
        let ids = input.skills?.map(\.skillId) ?? []
        #expect(ids == ["python", "airflow", "dbt", "postgresql", "docker", "pandas", "apache-spark"])
        #expect(input.skills?.first?.detail == "resume line 6: Skills: Python, Apache Airflow, dbt, PostgreSQL, Docker")
    }

    @Test func a_damaged_pdf_is_a_file_issue_quoting_pdftotext() throws {
        let batch = try readFixture("broken.pdf")
        #expect(batch.records.isEmpty)
        let issue = try #require(batch.issues.first)
        #expect(issue.line == nil)
        #expect(issue.message.hasPrefix("not a readable PDF (pdftotext exit status 1: "))
        #expect(issue.message.contains("Syntax Error"))
    }

    @Test func a_pdf_without_text_says_so() throws {
        let batch = try readFixture("scanned.pdf")
        #expect(batch.issues.first?.message.hasPrefix("the PDF has no text layer (a scanned image?)") == true)
    }

    @Test func an_encrypted_pdf_asks_for_an_export_without_password() throws {
        let batch = try readFixture("encrypted.pdf")
        #expect(batch.issues.map(\.message) == ["the PDF is encrypted; export it without a password"])
    }
}
