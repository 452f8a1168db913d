import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

@Suite struct PageSafetyTests {
    @Test func user_text_is_escaped_on_every_page_that_shows_it() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let attack = #"<script>alert("x")</script>"#
            var input = CandidateInput()
            input.fullName = attack
            input.timeZone = "UTC"
            input.bio = attack
            input.links = ["javascript:alert(1)", "https://example.org/ok"]
            let candidate = try await CandidateWrites.create(input, scope: f.operatorAdmin, on: app.db)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            for path in ["/candidates/\(candidate.typedID)", "/candidates?q=script", "/admin/audit"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok)
                #expect(!page.body.contains(attack), "\(path) echoed raw HTML")
                #expect(page.body.contains("&lt;script&gt;"), "\(path) did not show the escaped text")
            }
            let profile = try await browser.get("/candidates/\(candidate.typedID)")
            #expect(!profile.body.contains(#"href="javascript:"#))
            #expect(profile.body.contains(#"href="https://example.org/ok""#))
            #expect(profile.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
        }
    }

    @Test func sign_in_redirects_only_to_paths_on_this_site() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.get("/login")
            let reply = try await browser.post("/login", form: [("email", Fixtures.adminAEmail), ("password", Fixtures.password), ("next", "//evil.example/")])
            #expect(reply.location == "/")
        }
    }

    @Test func the_navigation_links_only_to_pages_that_exist() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await browser.get("/")
            let links = page.body.components(separatedBy: #"href=""#).dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasPrefix("/") }
            #expect(links.count >= 6)
            for link in Set(links) {
                #expect(try await browser.get(link).status == .ok, "\(link) is linked but does not answer 200")
            }
        }
    }
}
