import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

/// Bad input answers 4xx with a body that names the field; nothing is written.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let method: HTTPMethod
        let path: String
        let body: String
        let status: HTTPStatus
        let field: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "malformed JSON", method: .POST, path: "/api/v1/roles", body: #"{"title": "x", "#, status: .badRequest, field: nil),
        .init(name: "wrong type", method: .POST, path: "/api/v1/roles", body: #"{"title": "x", "category": "backend", "timeZone": "UTC", "durationWeeks": "ten"}"#, status: .badRequest, field: "durationWeeks"),
        .init(name: "list of the wrong type", method: .POST, path: "/api/v1/roles", body: #"{"title": "x", "category": "backend", "timeZone": "UTC", "specialties": "nlp"}"#, status: .badRequest, field: "specialties"),
        .init(name: "unknown time zone", method: .POST, path: "/api/v1/roles", body: #"{"title": "x", "category": "backend", "timeZone": "Mars/Base"}"#, status: .badRequest, field: "timeZone"),
        .init(name: "unknown category", method: .POST, path: "/api/v1/roles", body: #"{"title": "x", "category": "frontend", "timeZone": "UTC"}"#, status: .badRequest, field: "category"),
        .init(name: "malformed date", method: .POST, path: "/api/v1/roles", body: #"{"title": "x", "category": "backend", "timeZone": "UTC", "startDate": "next monday"}"#, status: .badRequest, field: "startDate"),
        .init(name: "missing title", method: .POST, path: "/api/v1/roles", body: #"{"category": "backend", "timeZone": "UTC"}"#, status: .badRequest, field: "title"),
        .init(name: "negative rate", method: .POST, path: "/api/v1/candidates", body: #"{"fullName": "x", "timeZone": "UTC", "hourlyRateCents": -500}"#, status: .badRequest, field: "hourlyRateCents"),
        .init(name: "bad skill level", method: .POST, path: "/api/v1/candidates", body: #"{"fullName": "x", "timeZone": "UTC", "skills": [{"skillId": "python", "level": 11}]}"#, status: .badRequest, field: "skills[0].level"),
        .init(name: "skill of the wrong type", method: .POST, path: "/api/v1/candidates", body: #"{"fullName": "x", "timeZone": "UTC", "skills": [{"skillId": 7}]}"#, status: .badRequest, field: "skills[0].skillId"),
        .init(name: "bad e-mail", method: .POST, path: "/api/v1/candidates", body: #"{"fullName": "x", "timeZone": "UTC", "email": "not-an-email"}"#, status: .badRequest, field: "email"),
        .init(name: "invalid id in a path", method: .GET, path: "/api/v1/roles/not-a-uuid", body: "", status: .notFound, field: nil),
        .init(name: "invalid id in a body", method: .POST, path: "/api/v1/applications", body: #"{"roleId": "42", "candidateId": "x"}"#, status: .badRequest, field: "roleId"),
        .init(name: "page size over the maximum", method: .GET, path: "/api/v1/candidates?perPage=5000", body: "", status: .badRequest, field: "perPage"),
        .init(name: "page of the wrong type", method: .GET, path: "/api/v1/roles?page=first", body: "", status: .badRequest, field: "page"),
        .init(name: "unknown filter value", method: .GET, path: "/api/v1/roles?status=maybe", body: "", status: .badRequest, field: "status"),
    ]

    @Test(arguments: cases)
    func bad_input_gets_a_4xx_naming_the_field_and_writes_nothing(_ c: Case) async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let rolesBefore = try await RoleModel.query(on: app.db).count()
            let candidatesBefore = try await CandidateModel.query(on: app.db).count()
            let eventsBefore = try await AuditEventModel.query(on: app.db).count()
            let reply = c.method == .GET ? try await client.get(c.path) : try await client.raw(c.method, c.path, c.body)
            #expect(reply.status == c.status, "\(c.name): \(reply.status.code) \(reply.body)")
            #expect(reply.errorMessage?.isEmpty == false, "\(c.name): no error message in \(reply.body)")
            if let field = c.field { #expect(reply.errorField == field, "\(c.name): field was \(reply.errorField ?? "nil")") }
            #expect(try await RoleModel.query(on: app.db).count() == rolesBefore)
            #expect(try await CandidateModel.query(on: app.db).count() == candidatesBefore)
            #expect(try await AuditEventModel.query(on: app.db).count() == eventsBefore)
        }
    }

    @Test func an_oversized_body_is_refused_with_413() async throws {
        try await TestDatabase.withApp({ $0.maxBodySize = "16kb" }) { app in
            _ = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail), overNetwork: true)
            let huge = #"{"fullName": "x", "timeZone": "UTC", "bio": ""# + String(repeating: "a", count: 64 * 1024) + #""}"#
            let reply = try await client.raw(.POST, "/api/v1/candidates", huge)
            #expect(reply.status == .payloadTooLarge)
            #expect(reply.errorCode == "too-large")
        }
    }

    @Test func a_stale_version_over_the_api_is_a_409_conflict() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let first = try await client.json(.PATCH, "/api/v1/roles/\(f.roleA)", ["title": "One", "version": 1])
            #expect(first.status == .ok)
            #expect((try first.json()["version"] as? Int) == 2)
            let second = try await client.json(.PATCH, "/api/v1/roles/\(f.roleA)", ["title": "Two", "version": 1])
            #expect(second.status == .conflict)
            #expect(second.errorCode == "conflict")
            #expect(second.errorField == "version")
            #expect((try await client.get("/api/v1/roles/\(f.roleA)").json()["title"] as? String) == "One")
        }
    }

    @Test func a_form_with_errors_keeps_what_was_typed_and_shows_each_error_by_its_field() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            try await browser.get("/roles/new")
            let reply = try await browser.post("/roles", form: [("title", "Kept title"), ("category", "backend"), ("timeZone", "Nowhere/Land"),
                                                                 ("durationWeeks", "many"), ("budgetHourly", "-5")])
            #expect(reply.status == .badRequest)
            #expect(reply.body.contains(#"value="Kept title""#))
            #expect(reply.body.contains(#"value="Nowhere/Land""#))
            #expect(reply.body.contains("timeZone must be an IANA time zone"))
            #expect(reply.body.contains("durationWeeks must be a whole number"))
            #expect(reply.body.contains("budgetHourly must be an amount"))
            #expect(try await RoleModel.query(on: app.db).filter(\.$title == "Kept title").count() == 0)
        }
    }
}
