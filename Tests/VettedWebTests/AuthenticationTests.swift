import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
import VettedWeb

@Suite struct AuthenticationTests {
    @Test func a_wrong_password_is_refused_without_saying_which_part_was_wrong() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            let wrong = try await browser.signIn(Fixtures.adminAEmail, "not-the-password")
            let unknown = try await browser.signIn("nobody@a.test", "not-the-password")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.body.contains("The e-mail or password is not right."))
            #expect(unknown.body.contains("The e-mail or password is not right."))
            #expect(browser.cookies["vetted_session"] == nil)
            #expect(try await browser.get("/roles").status == .seeOther)
        }
    }

    @Test func sign_out_ends_the_session_on_the_server() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            let stolen = try #require(browser.cookies["vetted_session"])
            try await browser.get("/")
            let out = try await browser.post("/logout", form: [])
            #expect(out.status == .seeOther)
            let replay = TestClient(app)
            replay.cookies["vetted_session"] = stolen
            #expect(try await replay.get("/").status == .seeOther)
        }
    }

    @Test func sessions_and_tokens_are_stored_only_as_hashes() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            let cookie = try #require(browser.cookies["vetted_session"])
            let token = try await Fixtures.token(app, Fixtures.adminAEmail)
            #expect(try await SessionModel.query(on: app.db).filter(\.$tokenHash == cookie).count() == 0)
            #expect(try await APITokenModel.query(on: app.db).filter(\.$tokenHash == token).count() == 0)
            let hashes = try await UserModel.query(on: app.db).all().map(\.passwordHash)
            #expect(hashes.allSatisfy { $0.hasPrefix("$2") && !$0.contains(Fixtures.password) })
        }
    }

    @Test func forms_without_the_csrf_token_are_refused() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            // Sign-in form: the token must match the cookie set with the page.
            try await browser.get("/login")
            let forged = try await browser.post("/login", form: [("email", Fixtures.adminAEmail), ("password", Fixtures.password)], csrf: "forged")
            #expect(forged.status == .forbidden)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            try await browser.get("/roles/new")
            let before = try await RoleModel.query(on: app.db).count()
            let noToken = try await browser.post("/roles", form: [("title", "CSRF role"), ("category", "backend"), ("timeZone", "UTC")], csrf: "")
            #expect(noToken.status == .forbidden)
            #expect(try await RoleModel.query(on: app.db).count() == before)
            let withToken = try await browser.post("/roles", form: [("title", "CSRF role"), ("category", "backend"), ("timeZone", "UTC")])
            #expect(withToken.status == .seeOther)
            #expect(try await RoleModel.query(on: app.db).count() == before + 1)
        }
    }

    @Test func repeated_failures_lock_the_account_even_across_a_restart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-throttle-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let useFile: (inout VettedConfig) -> Void = { config in
            config.inMemoryDatabase = false
            config.databaseURL = nil
            config.dataDirectory = folder
        }
        try await TestDatabase.withApp(useFile) { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            for _ in 0..<5 { try await browser.signIn(Fixtures.adminAEmail, "wrong-password-1") }
            let locked = try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("Too many failed attempts"))
            // Another account is not affected.
            #expect(try await TestClient(app).signIn(Fixtures.adminBEmail, Fixtures.password).status == .seeOther)
        }
        // A new process on the same database: still locked.
        try await TestDatabase.withApp(useFile) { app in
            let locked = try await TestClient(app).signIn(Fixtures.adminAEmail, Fixtures.password)
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test func api_tokens_authenticate_and_read_tokens_cannot_write() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let anonymous = try await TestClient(app).get("/api/v1/roles")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "unauthorized")
            #expect(anonymous.errorMessage?.isEmpty == false)
            let bogus = try await TestClient(app, bearer: "vt_not-a-token").get("/api/v1/roles")
            #expect(bogus.status == .unauthorized)

            let reader = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail, scope: .read))
            #expect(try await reader.get("/api/v1/roles").status == .ok)
            let write = try await reader.json(.POST, "/api/v1/roles", ["title": "Nope", "category": "backend", "timeZone": "UTC"])
            #expect(write.status == .forbidden)
            #expect(write.errorCode == "forbidden")

            let writer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail, scope: .write))
            let created = try await writer.json(.POST, "/api/v1/roles", ["title": "Yes", "category": "backend", "timeZone": "UTC"])
            #expect(created.status == .created)
            #expect((try created.json()["version"] as? Int) == 1)
        }
    }

    @Test func a_revoked_token_stops_working() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            try await browser.get("/admin/tokens")
            let page = try await browser.post("/admin/tokens", form: [("name", "ci"), ("scope", "read")])
            let token = try #require(page.body.range(of: #"<code id="new-token">"#).map { range in
                String(page.body[range.upperBound...].prefix { $0 != "<" })
            })
            let client = TestClient(app, bearer: token)
            #expect(try await client.get("/api/v1/me").status == .ok)
            let model = try #require(try await APITokenModel.query(on: app.db).filter(\.$name == "ci").first())
            try await browser.post("/admin/tokens/\(model.typedID)/revoke", form: [])
            #expect(try await client.get("/api/v1/me").status == .unauthorized)
            // Shown once: the tokens page never shows it again.
            #expect(!(try await browser.get("/admin/tokens")).body.contains(token))
        }
    }

    @Test func member_roles_limit_what_a_user_may_change() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let interviewer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            #expect(try await interviewer.get("/api/v1/roles/\(f.roleA)").status == .ok)
            let edit = try await interviewer.json(.PATCH, "/api/v1/roles/\(f.roleA)", ["title": "x", "version": 1])
            #expect(edit.status == .forbidden)
            #expect(try await interviewer.get("/api/v1/users").status == .forbidden)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            let candidate = try await manager.json(.POST, "/api/v1/candidates", ["fullName": "Not mine", "timeZone": "UTC"])
            #expect(candidate.status == .forbidden)
        }
    }

    @Test func changing_the_password_needs_the_current_one_and_ends_other_sessions() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let laptop = TestClient(app), phone = TestClient(app)
            try await laptop.signIn(Fixtures.adminAEmail, Fixtures.password)
            try await phone.signIn(Fixtures.adminAEmail, Fixtures.password)
            try await laptop.get("/account")
            let wrong = try await laptop.post("/account/password", form: [("currentPassword", "nope-nope-nope"), ("newPassword", "a-brand-new-secret")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.contains("the current password is not right"))
            let changed = try await laptop.post("/account/password", form: [("currentPassword", Fixtures.password), ("newPassword", "a-brand-new-secret")])
            #expect(changed.status == .seeOther)
            #expect(try await laptop.get("/").status == .ok)
            #expect(try await phone.get("/").status == .seeOther)
            #expect(try await TestClient(app).signIn(Fixtures.adminAEmail, "a-brand-new-secret").status == .seeOther)
        }
    }
}
