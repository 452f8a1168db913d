import Foundation
import Testing
import Vapor
import VettedTestSupport
import VettedWeb

@Suite struct SignInTests {
    @Test func sign_in_sets_an_http_only_session_and_shows_the_dashboard() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            let page = try await browser.get("/login")
            #expect(page.status == .ok)
            #expect(page.body.contains("Sign in to Vetted"))
            let reply = try await browser.signIn(Fixtures.adminAEmail, Fixtures.password)
            #expect(reply.status == .seeOther)
            let cookie = reply.headers[.setCookie].first { $0.hasPrefix("vetted_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let dashboard = try await browser.get("/")
            #expect(dashboard.status == .ok)
            #expect(dashboard.body.contains("Dashboard"))
        }
    }
}
