import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
@testable import VettedStore
import VettedTestSupport

/// The import writes new profiles as plain rows, not through Fluent models: what it stores
/// must read back exactly as a profile saved one by one, and be audited the same way.
@Suite struct BulkImportTests {
    static func fullInput(email: String, github: String, phone: String) -> CandidateInput {
        var input = CandidateInput()
        input.kind = "individual"
        input.fullName = "Zoë \"Quote\" Backslash\\"
        input.headline = "Data engineer"
        input.email = email
        input.phone = phone
        input.githubHandle = github
        input.country = "PL"
        input.timeZone = "Europe/Warsaw"
        input.workStart = "08:30"
        input.workEnd = "16:30"
        input.seniority = "senior"
        input.yearsExperience = 9
        input.hourlyRateCents = 6_550
        input.currency = "EUR"
        input.availableFrom = "2027-01-04"
        input.hoursPerWeek = 30
        input.engagementPreferences = ["freelancer", "dedicated"]
        input.englishLevel = "professional"
        input.links = ["https://example.org/zoe"]
        input.bio = "Pipelines,\nwarehouses\tand tests"
        input.vettingStatus = "unvetted"
        input.domains = ["fintech", "health"]
        input.caseStudies = [CaseStudy(title: "Ledger rebuild", summary: "Moved to dbt", url: "https://example.org/ledger")]
        input.repositories = ["https://github.com/example/ledger"]
        input.processes = "Scrum"
        input.communication = "Daily notes"
        input.skills = [SkillInput(skillId: "python", level: 5, evidence: "assessment", detail: "task 12: 94%"),
                        SkillInput(skillId: "pandas", level: 4)]
        return input
    }

    @Test func an_imported_profile_reads_back_and_is_audited_like_one_saved_alone() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let imported = Self.fullInput(email: "zoe@example.org", github: "zoe-data", phone: "+48 600 100 200")
            let report = try await CandidateImport.run([ImportRecord(source: "pool.csv", line: 2, input: imported)], mode: .validRows,
                                                       scope: f.operatorAdmin, on: app.db)
            #expect(report.created == 1, "\(report.rows)")
            let importedID = try #require(report.rows.first?.candidateId)
            let saved = try await CandidateWrites.create(Self.fullInput(email: "zoe2@example.org", github: "zoe-2", phone: "+48 600 100 201"),
                                                         scope: f.operatorAdmin, on: app.db)

            let a = try #require(try await CandidateModel.find(importedID, on: app.db))
            let b = try #require(try await CandidateModel.find(saved.id, on: app.db))
            var aValues = CandidateColumnValues(a)
            let bValues = CandidateColumnValues(b)
            #expect(aValues.phoneKey != nil)
            aValues.email = bValues.email
            aValues.githubHandle = bValues.githubHandle
            aValues.phone = bValues.phone
            aValues.phoneKey = bValues.phoneKey
            #expect(aValues == bValues)
            #expect(a.caseStudies == b.caseStudies)
            #expect(a.version == 1 && b.version == 1)
            #expect(a.vettedAt == nil && a.vettedByID == nil && a.mergedFrom.isEmpty)
            #expect(a.createdAt != nil && a.updatedAt != nil)
            #expect(a.$organization.id == b.$organization.id)
            let aSkills = try await CandidateWrites.currentSkills(of: a.id!, on: app.db)
            #expect(aSkills == (try await CandidateWrites.currentSkills(of: b.id!, on: app.db)))
            #expect(aSkills.contains(SkillClaim(skillID: "python", level: 5, evidence: .assessment, detail: "task 12: 94%")))

            func changes(_ id: UUID) async throws -> [String: String?] {
                let event = try #require(try await AuditEventModel.query(on: app.db).filter(\.$entityID == id).first())
                #expect(event.action == "create")
                var byField: [String: String?] = [:]
                for change in AuditLog.decodeChanges(event.changes) where change.before == nil {
                    byField[change.field] = change.after
                }
                return byField
            }
            var aChanges = try await changes(a.id!)
            let bChanges = try await changes(b.id!)
            #expect(aChanges["fullName"] == "Zoë \"Quote\" Backslash\\")
            #expect(aChanges["bio"] == "Pipelines,\nwarehouses\tand tests")
            for field in ["email", "githubHandle", "phone"] { aChanges[field] = bChanges[field] }
            #expect(aChanges == bChanges)
        }
    }

    @Test func a_create_event_written_without_a_diff_is_the_same_text_as_with_one() {
        let after: AuditSnapshot = ["fullName": "Zoë \"Q\"", "bio": "a\nb\u{1}", "skills": "", "email": "z@example.org"]
        let id = UUID()
        let fast = AuditLog.created(id: id, entityType: "candidate", entityID: id, organizationID: nil, after: after,
                                    summary: "s", actor: .cli, at: Date(timeIntervalSince1970: 0))
        let slow = AuditLog.event(.create, entityType: "candidate", entityID: id, organizationID: nil, before: nil, after: after,
                                  summary: "s", actor: .cli, at: Date(timeIntervalSince1970: 0))
        #expect(fast.changes == slow.changes)
        #expect(fast.action == slow.action)
    }

    @Test func batch_ids_are_distinct_version_4_uuids_in_the_order_sqlite_compares_them() {
        let ids = RandomIDs.sorted(5_000)
        #expect(ids.count == 5_000)
        #expect(Set(ids).count == 5_000)
        let texts = ids.map(\.uuidString)
        #expect(texts == texts.sorted())
        for id in ids {
            #expect(id.uuid.6 >> 4 == 4)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
        // Random, not a counter: the first hex digit spreads over all sixteen values.
        #expect(Set(texts.map(\.first)).count == 16)
        #expect(RandomIDs.sorted(0).isEmpty)
    }
}
