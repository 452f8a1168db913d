import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

/// Imports through the API and the pages: per-row reports, the two modes, updates of
/// existing profiles, and nothing half-written.
@Suite struct PoolImportWebTests {
    static let header = "kind,full_name,headline,email,phone,github,country,time_zone,work_start,work_end,seniority,years_experience,hourly_rate,currency,available_from,hours_per_week,engagement,english_level,domains,repositories,links,team_size,processes,communication,vetting_status,skills,bio"

    static func row(_ name: String, email: String, zone: String = "Europe/Warsaw", rate: String = "45.50", skills: String = "python:5:assessment; django:4") -> String {
        "individual,\(name),Backend developer,\(email),,,PL,\(zone),09:00,17:00,senior,8,\(rate),USD,,40,freelancer;dedicated,professional,fintech,,,,,,unvetted,\"\(skills)\",\"Builds APIs,\nand tests them\""
    }

    func importCSV(_ client: TestClient, _ csv: String, mode: String = "valid-rows") async throws -> TestClient.Reply {
        try await client.send(.POST, "/api/v1/candidates/import?fileName=pool.csv&mode=\(mode)", body: ByteBuffer(string: csv),
                              contentType: HTTPMediaType(type: "text", subType: "csv"))
    }

    @Test func valid_rows_are_written_and_each_bad_row_is_reported_with_its_line_and_field() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let before = try await CandidateModel.query(on: app.db).count()
            let csv = [Self.header,
                       Self.row("Wanda Nowak", email: "wanda@example.org"),            // line 2-3 (bio has a newline)
                       Self.row("Ada Updated", email: "ada.alpha@example.net", rate: "60"), // line 4-5: matches a fixture profile
                       Self.row("Zed Zone", email: "zed@example.org", zone: "Mars/Base"),  // line 6-7: bad zone
                       Self.row("Wanda Again", email: "WANDA@example.org"),            // line 8-9: same e-mail as line 2
            ].joined(separator: "\n")
            let reply = try await importCSV(client, csv)
            #expect(reply.status == .ok, "\(reply.body)")
            let report = try reply.json()
            #expect(report["committed"] as? Bool == true)
            #expect(report["created"] as? Int == 1)
            #expect(report["updated"] as? Int == 1)
            #expect(report["failed"] as? Int == 1)
            #expect(report["skipped"] as? Int == 1)
            let rows = try #require(report["rows"] as? [[String: Any]])
            let failed = try #require(rows.first { $0["outcome"] as? String == "failed" })
            #expect(failed["line"] as? Int == 6)
            #expect(failed["field"] as? String == "timeZone")
            #expect((failed["message"] as? String)?.contains("Mars/Base") == true)
            let skipped = try #require(rows.first { $0["outcome"] as? String == "skipped" })
            #expect(skipped["line"] as? Int == 8)
            #expect((skipped["message"] as? String)?.contains("line 2") == true)
            #expect(try await CandidateModel.query(on: app.db).count() == before + 1)

            let wanda = try #require(try await CandidateModel.query(on: app.db).filter(\.$email == "wanda@example.org").first())
            #expect(wanda.hourlyRateCents == 4550)
            #expect(wanda.bio == "Builds APIs,\nand tests them")
            #expect(wanda.domains == ["fintech"])
            let skills = try await CandidateWrites.currentSkills(of: wanda.id!, on: app.db)
            #expect(skills.contains(SkillClaim(skillID: "python", level: 5, evidence: .assessment)))
            #expect(skills.contains { $0.skillID == "django" && $0.evidence == .claimed })

            // The matched profile was updated in place, its pytorch assessment kept.
            let ada = try #require(try await CandidateModel.query(on: app.db).filter(\.$email == "ada.alpha@example.net").first())
            #expect(ada.fullName == "Ada Updated")
            #expect(ada.hourlyRateCents == 6000)
            #expect(ada.version == 2)
            let adaSkills = try await CandidateWrites.currentSkills(of: ada.id!, on: app.db)
            #expect(adaSkills.contains { $0.skillID == "pytorch" && $0.evidence == .assessment })
            #expect(adaSkills.contains { $0.skillID == "django" })
            // Both writes are in the audit log.
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$entityID == wanda.id!).filter(\.$action == "create").count() == 1)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$entityID == ada.id!).filter(\.$action == "update").count() == 1)
        }
    }

    @Test func all_or_nothing_writes_nothing_when_a_row_fails() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let candidates = try await CandidateModel.query(on: app.db).count()
            let events = try await AuditEventModel.query(on: app.db).count()
            let csv = [Self.header, Self.row("Good Row", email: "good@example.org"), Self.row("Bad Rate", email: "bad@example.org", rate: "lots")].joined(separator: "\n")
            let reply = try await importCSV(client, csv, mode: "all-or-nothing")
            let report = try reply.json()
            #expect(report["committed"] as? Bool == false)
            let rows = try #require(report["rows"] as? [[String: Any]])
            let failed = try #require(rows.first { $0["outcome"] as? String == "failed" })
            #expect(failed["line"] as? Int == 4)
            #expect(failed["field"] as? String == "hourly_rate")
            #expect(try await CandidateModel.query(on: app.db).count() == candidates)
            #expect(try await AuditEventModel.query(on: app.db).count() == events)
        }
    }

    @Test func an_unreadable_file_is_a_clear_error_and_a_client_cannot_import() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let unterminated = Self.header + "\nindividual,\"Never closed,x@example.org"
            let report = try await importCSV(client, unterminated).json()
            let rows = try #require(report["rows"] as? [[String: Any]])
            #expect(rows.first?["outcome"] as? String == "failed")
            #expect((rows.first?["message"] as? String)?.contains("line 2") == true)
            let broken = try await client.send(.POST, "/api/v1/candidates/import?fileName=cv.pdf", body: ByteBuffer(string: "%PDF-1.4 garbage"),
                                               contentType: HTTPMediaType(type: "application", subType: "pdf"))
            let pdfRows = try #require(try broken.json()["rows"] as? [[String: Any]])
            #expect(pdfRows.first?["outcome"] as? String == "failed")
            #expect((pdfRows.first?["message"] as? String)?.isEmpty == false)

            let clientAdmin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let refused = try await importCSV(clientAdmin, Self.header + "\n" + Self.row("Sneaky", email: "s@example.org"))
            #expect(refused.status == .forbidden)
            #expect(try await CandidateModel.query(on: app.db).filter(\.$email == "s@example.org").count() == 0)
        }
    }

    @Test func an_export_reads_back_as_the_same_profiles() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            _ = try await importCSV(client, [Self.header, Self.row("Wanda Nowak", email: "wanda@example.org")].joined(separator: "\n"))
            let export = try await client.get("/api/v1/candidates/export?format=csv")
            #expect(export.status == .ok)
            #expect(export.headers.contentType?.subType == "csv")
            #expect(export.body.hasPrefix(Self.header))
            let events = try await AuditEventModel.query(on: app.db).count()
            let report = try await importCSV(client, export.body).json()
            #expect(report["created"] as? Int == 0)
            #expect(report["failed"] as? Int == 0, "\(report["rows"] ?? "")")
            #expect(report["updated"] as? Int == 4)
            // Nothing changed, so nothing new in the audit log.
            #expect(try await AuditEventModel.query(on: app.db).count() == events)

            let json = try await client.get("/api/v1/candidates/export?format=json&skill=django")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]])
            #expect(list.map { $0["fullName"] as? String } == ["Wanda Nowak"])
        }
    }

    @Test func the_import_page_maps_other_headers_before_writing() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app)
            try await client.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await client.get("/candidates/import")
            #expect(page.status == .ok)
            let csv = "First Name,Last Name,E-mail,Timezone,Hourly Rate (USD),Tech Stack\nLena,Kowal,lena@example.org,Europe/Kyiv,38,\"Python, FastAPI\"\n"
            let multipart = Multipart(fields: [("_csrf", client.lastCSRF ?? ""), ("mode", "valid-rows"), ("evidence", "claimed")],
                                      files: [("files[]", "export.csv", "text/csv", csv)])
            let mapping = try await client.send(.POST, "/candidates/import", body: ByteBuffer(string: multipart.body), contentType: multipart.contentType)
            #expect(mapping.status == .ok, "\(mapping.body.prefix(400))")
            #expect(mapping.body.contains("Map the columns"))
            #expect(mapping.body.contains("Lena"))
            #expect(try await CandidateModel.query(on: app.db).filter(\.$email == "lena@example.org").count() == 0)
            let confirmed = try await client.post("/candidates/import", form: [
                ("pendingName", "export.csv"), ("pendingText", csv), ("mode", "valid-rows"), ("evidence", "claimed"), ("timeZone", ""),
                ("mapping[]", "first_name"), ("mapping[]", "last_name"), ("mapping[]", "email"), ("mapping[]", "time_zone"),
                ("mapping[]", "hourly_rate"), ("mapping[]", "skills"),
            ])
            #expect(confirmed.status == .ok, "\(confirmed.body.prefix(600))")
            #expect(confirmed.body.contains("1 created"))
            let lena = try #require(try await CandidateModel.query(on: app.db).filter(\.$email == "lena@example.org").first())
            #expect(lena.fullName == "Lena Kowal")
            #expect(lena.hourlyRateCents == 3800)
            #expect(try await CandidateWrites.currentSkills(of: lena.id!, on: app.db).map(\.skillID).contains("fastapi"))
        }
    }
}

/// A multipart/form-data body, as a browser sends a file upload.
struct Multipart {
    let boundary = "----vetted-test-\(UUID().uuidString)"
    let body: String

    init(fields: [(String, String)], files: [(field: String, name: String, type: String, content: String)]) {
        var text = ""
        for (name, value) in fields {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n\(file.content)\r\n"
        }
        body = text + "--\(boundary)--\r\n"
    }

    var contentType: HTTPMediaType { HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]) }
}
