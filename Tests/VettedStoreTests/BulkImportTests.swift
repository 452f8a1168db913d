import Fluent
import Foundation
import SQLKit
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
        let fast = AuditLog.created(id: id, entityType: "candidate", entityID: id, organizationID: nil,
                                    fields: after.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                    summary: "s", actor: .cli, at: Date(timeIntervalSince1970: 0))
        let slow = AuditLog.event(.create, entityType: "candidate", entityID: id, organizationID: nil, before: nil, after: after,
                                  summary: "s", actor: .cli, at: Date(timeIntervalSince1970: 0))
        #expect(fast.changes == slow.changes)
        #expect(fast.action == slow.action)
        // Null sides are left out and read back as null.
        #expect(!fast.changes.contains("null"))
        #expect(AuditLog.decodeChanges(fast.changes).first { $0.field == "email" }! == ("email", nil, "z@example.org"))
        let cleared = AuditLog.encode(AuditLog.diff(before: ["phone": "+48 600", "bio": "a"], after: ["bio": "b"]))
        #expect(AuditLog.decodeChanges(cleared).map { "\($0.field):\($0.before ?? "nil")→\($0.after ?? "nil")" } == ["bio:a→b", "phone:+48 600→nil"])
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

        // Made part by part, in each part's own range: one ascending order across the parts.
        let parts = (0..<7).map { RandomIDs.sorted(300, part: $0, of: 7) }
        let joined = parts.flatMap { $0 }.map(\.uuidString)
        #expect(joined == joined.sorted() && Set(joined).count == 2_100)
        #expect(parts.allSatisfy { part in part.allSatisfy { $0.uuid.6 >> 4 == 4 && $0.uuid.8 >> 6 == 0b10 } })
        #expect(parts[0].first!.uuidString < "25" && parts[6].last!.uuidString > "DB")
    }

    /// The phases an import reported, in order.
    final class Phases: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []
        func note(_ phase: String) { lock.withLock { if seen.last != phase { seen.append(phase) } } }
        var all: [String] { lock.withLock { seen } }
    }

    @Test func a_bulk_load_rebuilds_its_indexes_and_gives_the_connection_back_as_it_was() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let rows = (0..<40).map { i in
                ImportRecord(source: "pool.csv", line: i + 2,
                             input: Self.fullInput(email: "bulk\(i)@example.org", github: "bulk-\(i)", phone: "+48 600 200 \(100 + i)"))
            }
            let sqlite = !DialectSQL.isPostgres(app.db.sql)
            func indexes() async throws -> [String] {
                try await app.db.sql.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all()
                    .map { try $0.decode(column: "sql", as: String.self) }
            }
            let before = sqlite ? try await indexes() : []
            let phases = Phases()
            let report = try await app.db.withConnection { connection in
                let report = try await CandidateImport.run(rows, mode: .validRows, scope: f.operatorAdmin, on: connection,
                                                           bulkLoadFrom: 10) { phases.note($0.phase) }
                if sqlite {
                    // The same connection, back in the pool's usual state: foreign keys
                    // enforced again, automatic checkpoints and spilling back on.
                    func pragma(_ name: String) async throws -> Int? {
                        try await connection.sql.raw(SQLQueryString("PRAGMA " + name)).first()?.decode(column: name, as: Int.self)
                    }
                    #expect(try await pragma("foreign_keys") == 1)
                    #expect(try await pragma("cache_spill") != 0)
                    #expect(try await pragma("wal_autocheckpoint") == 1000)
                    #expect(try await pragma("threads") == 0)
                    #expect(try await pragma("cache_size") == -2000)
                    await #expect(throws: (any Error).self) {
                        try await connection.sql.raw("""
                            INSERT INTO candidate_skills (id, candidate_id, skill_id, level, evidence_source) VALUES ('x', 'no-such-candidate', 'python', 3, 'claimed')
                            """).run()
                    }
                }
                return report
            }
            await DeferredCheckpoint.drain()
            #expect(report.created == 40, "\(report.rows.filter { $0.outcome != .created })")
            if sqlite {
                #expect(phases.all.contains("rebuilding indexes"), "\(phases.all)")
                #expect(try await indexes() == before)
            }
            #expect(try await CandidateModel.query(on: app.db).filter(\.$email == "bulk7@example.org").count() == 1)
            #expect(try await CandidateSkillModel.query(on: app.db).filter(\.$skillID == "pandas")
                .join(CandidateModel.self, on: \CandidateSkillModel.$candidate.$id == \CandidateModel.$id)
                .filter(CandidateModel.self, \.$githubHandle ~~ rows.map { $0.input.githubHandle! }).count() == 40)
        }
    }

    @Test func ids_are_written_as_the_text_foundation_gives_them() {
        var ids = (0..<2_000).map { _ in UUID() }
        ids.append(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        ids.append(UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255)))
        for id in ids { #expect(UUIDText.string(id) == id.uuidString) }
    }

    @Test func an_ascii_phone_gets_the_key_the_character_rules_give() {
        let phones = ["+49 (30) 1234-567", "0049 30 1234567", "  0049301234567", "\t00 49 30", "123456", "1234567", "00123456",
                      "0012345678", "+1 555 0100 ext 12", "", "   ", "0", "00", "phone: 0049-30-1234567", " 0 0 49 30 1234567", "++00491234567"]
        for phone in phones {
            #expect(PhoneKey.ascii(phone) == PhoneKey.fromCharacters(phone), "\(phone)")
        }
        #expect(PhoneKey.ascii("+49 ３０ 1234567") == nil)
        #expect(PhoneKey.make("+49 ３０ 1234567") == "491234567")
        #expect(PhoneKey.make("0049 30 1234567") == PhoneKey.make("+49 30 1234567"))
        #expect(PhoneKey.make("12 34") == nil)
    }

    @Test func a_batch_larger_or_smaller_than_the_pool_finds_the_same_profiles_to_update() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            var existing: [UUID] = []
            for i in 0..<3 {
                existing.append(try await CandidateWrites.create(Self.fullInput(email: "pool\(i)@example.org", github: "pool-\(i)", phone: "+48 600 300 \(100 + i)"),
                                                                 scope: f.operatorAdmin, on: app.db).id!)
            }
            func row(_ line: Int, email: String, github: String, phone: String) -> ImportRecord {
                var input = Self.fullInput(email: email, github: github, phone: phone)
                input.headline = "Updated on line \(line)"
                return ImportRecord(source: "pool.csv", line: line, input: input)
            }
            // Ten rows against a pool of six: the pool's keys are read in one scan.
            var large = [row(2, email: "POOL0@example.org", github: "new-a", phone: "+1 555 000 0001"),
                         row(3, email: "new-b@example.org", github: "Pool-1", phone: "+1 555 000 0002"),
                         row(4, email: "new-c@example.org", github: "new-c", phone: "0048 600 300 102")]
            for i in 5..<12 { large.append(row(i, email: "fresh\(i)@example.org", github: "fresh-\(i)", phone: "+1 555 100 00\(10 + i)")) }
            let first = try await CandidateImport.run(large, mode: .validRows, scope: f.operatorAdmin, on: app.db)
            #expect(first.updated == 3 && first.created == 7, "\(first.rows)")
            #expect(first.rows.prefix(3).map(\.candidateId) == existing.map(Optional.some))
            #expect(first.rows.prefix(3).map { $0.message ?? "" } == ["matched an existing profile by e-mail pool0@example.org",
                                                                       "matched an existing profile by GitHub handle pool-1",
                                                                       "matched an existing profile by phone"])
            // One row against the larger pool: looked up by its keys.
            let second = try await CandidateImport.run([row(2, email: "other@example.org", github: "other", phone: "+48 600 300 102")],
                                                       mode: .validRows, scope: f.operatorAdmin, on: app.db)
            #expect(second.updated == 1 && second.rows.first?.candidateId == existing[2], "\(second.rows)")
            let updated = try #require(try await CandidateModel.find(existing[2], on: app.db))
            #expect(updated.headline == "Updated on line 2")
        }
    }

    /// Rows planned and written a few at a time decide exactly as one batch would: a key
    /// seen in an earlier part still makes a row a duplicate, a profile updated in an
    /// earlier part is not updated twice, and an all-or-nothing import whose failure comes
    /// in its last part takes back the parts it had already written.
    @Test func an_import_in_several_parts_decides_and_rolls_back_as_one_batch() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let pooled = try await CandidateWrites.create(Self.fullInput(email: "pool@example.org", github: "pool", phone: "+48 600 400 100"),
                                                          scope: f.operatorAdmin, on: app.db).id!
            func row(_ line: Int, _ email: String, _ github: String, _ phone: String) -> ImportRecord {
                var input = Self.fullInput(email: email, github: github, phone: phone)
                input.headline = "From line \(line)"
                return ImportRecord(source: "pool.csv", line: line, input: input)
            }
            let rows = [row(2, "a@example.org", "a", "+1 555 000 0002"),
                        row(3, "b@example.org", "b", "+1 555 000 0003"),
                        row(4, "pool@example.org", "pool-new", "+1 555 000 0004"),
                        row(5, "c@example.org", "c", "+1 555 000 0005"),
                        row(6, "A@example.org", "a-again", "+1 555 000 0006"),
                        row(7, "other@example.org", "pool", "+1 555 000 0007"),
                        row(8, "d@example.org", "d", "+1 555 000 0008")]
            func counts() async throws -> [Int] {
                [try await CandidateModel.query(on: app.db).count(), try await CandidateSkillModel.query(on: app.db).count(),
                 try await AuditEventModel.query(on: app.db).count()]
            }
            let empty = try await counts()
            let sqlite = !DialectSQL.isPostgres(app.db.sql)
            func indexes() async throws -> [String] {
                try await app.db.sql.raw("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all()
                    .map { try $0.decode(column: "sql", as: String.self) }
            }
            let indexesBefore = sqlite ? try await indexes() : []

            // All or nothing, the last part failing: nothing of the first parts stays.
            var failing = rows
            failing[6].input.email = "not an address"
            let refused = try await CandidateImport.run(failing, mode: .allOrNothing, scope: f.operatorAdmin, on: app.db,
                                                        bulkLoadFrom: 2, partSize: 3)
            #expect(!refused.committed)
            #expect(refused.rows.map(\.outcome) == [.skipped, .skipped, .skipped, .skipped, .skipped, .skipped, .failed], "\(refused.rows)")
            #expect(refused.rows.last?.line == 8 && refused.rows.last?.field == "email")
            #expect(try await counts() == empty)
            // The indexes the bulk load had dropped came back with the rollback.
            if sqlite { #expect(try await indexes() == indexesBefore) }
            // Inside the caller's own transaction, which commits: still nothing written.
            let failingRows = failing
            let nested = try await app.db.transaction { tx in
                try await CandidateImport.run(failingRows, mode: .allOrNothing, scope: f.operatorAdmin, on: tx, partSize: 3)
            }
            #expect(!nested.committed && nested.failed == 1)
            #expect(try await counts() == empty)
            #expect(try #require(try await CandidateModel.find(pooled, on: app.db)).headline == "Data engineer")

            let phases = Phases()
            let report = try await CandidateImport.run(rows, mode: .validRows, scope: f.operatorAdmin, on: app.db,
                                                       bulkLoadFrom: 2, partSize: 3) { phases.note($0.phase) }
            await DeferredCheckpoint.drain()
            // A bulk load (six new rows against a pool of four): the indexes were dropped.
            if sqlite {
                #expect(phases.all.contains("rebuilding indexes"), "\(phases.all)")
                #expect(try await indexes() == indexesBefore)
            }
            #expect(report.committed && report.created == 4 && report.updated == 1 && report.skipped == 2, "\(report.rows)")
            #expect(report.rows.map { $0.message ?? "" }[4...5] == ["same e-mail as line 2 of this import",
                                                                   "an earlier row of this import already updated the same profile (Zoë \"Quote\" Backslash\\)"])
            #expect(try #require(try await CandidateModel.find(pooled, on: app.db)).headline == "From line 4")
            // Four new profiles with two skills each, and an audit event for each change.
            #expect(try await counts() == [empty[0] + 4, empty[1] + 8, empty[2] + 5])
            let created = report.rows.filter { $0.outcome == .created }.compactMap(\.candidateId)
            #expect(created == created.sorted { $0.uuidString < $1.uuidString })
            #expect(try await CandidateSkillModel.query(on: app.db).filter(\.$candidate.$id ~~ created).count() == 8)
        }
    }
}
