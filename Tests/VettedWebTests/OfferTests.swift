import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Offers as the hiring side and the candidate meet them: a second member approves, the
/// candidate answers through a private link that expires, and accepting records the
/// engagement and moves the application to engaged in one step.
@Suite struct OfferTests {
    nonisolated(unsafe) static let terms: [String: Any] = [
        "pricing": "hourly", "amountCents": 6500, "currency": "USD", "hoursPerWeek": 30, "workingHours": "08:00-16:00 Asia/Kolkata",
        "overlapHours": 3.5, "channels": ["Slack", "weekly call"], "reportsTo": "Head of Data", "startsOn": "2027-01-11",
    ]

    static func toOffer(_ app: Application, _ f: Fixtures) async throws {
        _ = try await ApplicationWrites.update(f.applicationA, with: .init(stage: "offer", override: "hired them before", version: 1), scope: f.adminA, on: app.db)
    }

    /// The path of the candidate's link, from the approval's response.
    static func linkPath(_ link: String) throws -> String {
        try #require(URL(string: link)).path
    }

    @Test func a_second_member_approves_and_the_candidate_accepts_through_the_link() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let offers = "/api/v1/applications/\(f.applicationA)/offers"

            // Not at Offer yet: refused, nothing stored.
            let early = try await manager.json(.POST, offers, Self.terms)
            #expect(early.status == .badRequest)
            #expect(early.errorField == "stage")
            try await Self.toOffer(app, f)
            var noChannel = Self.terms
            noChannel["channels"] = [String]()
            #expect(try await manager.json(.POST, offers, noChannel).errorField == "channels")
            #expect(try await OfferModel.query(on: app.db).count() == 0)

            let drafted = try await manager.json(.POST, offers, Self.terms)
            #expect(drafted.status == .created, "\(drafted.body)")
            let offer = try drafted.json()
            let id = try #require(offer["id"] as? String)
            #expect(offer["status"] as? String == "awaiting-approval")
            // 65 USD × 30 h × 52 / 12.
            #expect(offer["monthlyCents"] as? Int == 845_000)
            #expect(try await manager.json(.POST, offers, Self.terms).status == .conflict)

            // The one who drafted cannot approve; the candidate has no link yet.
            let own = try await manager.json(.POST, "/api/v1/offers/\(id)/approve", [String: String]())
            #expect(own.status == .forbidden)
            #expect(own.errorMessage == "a second person must approve an offer; you drafted this one")
            let approved = try await admin.json(.POST, "/api/v1/offers/\(id)/approve", ["validDays": 5])
            #expect(approved.status == .ok, "\(approved.body)")
            let link = try #require(try approved.json()["link"] as? String)
            #expect(link.contains("/offer/"))
            // Only the hash is stored.
            let stored = try #require(try await OfferModel.find(UUID(uuidString: id), on: app.db))
            #expect(stored.tokenHash == Secrets.sha256(String(link.split(separator: "/").last!)))
            #expect(!(stored.tokenHash ?? "").contains(String(link.split(separator: "/").last!)))

            let candidate = TestClient(app)
            let page = try await candidate.get(try Self.linkPath(link))
            #expect(page.status == .ok)
            #expect(page.body.contains("Head of Data") && page.body.contains("08:00-16:00 Asia/Kolkata") && page.body.contains("Accept the offer"))
            let accepted = try await candidate.post(try Self.linkPath(link) + "/accept", form: [])
            #expect(accepted.status == .ok, "\(accepted.body)")
            #expect(accepted.body.contains("you accepted the offer"))

            let application = try #require(try await ApplicationModel.find(f.applicationA.rawValue, on: app.db))
            #expect(application.stage == "engaged")
            let engagement = try #require(try await EngagementModel.query(on: app.db).first())
            #expect(engagement.applicationID == f.applicationA.rawValue && engagement.startsOn == "2027-01-11")
            let history = try await ApplicationWrites.history(application, on: app.db)
            #expect(history.last?.toStage == "engaged" && history.last?.actorLabel == "candidate (offer link)")
            let audit = try await AuditEventModel.query(on: app.db).filter(\.$entityType ~~ ["offer", "engagement"]).sort(\.$occurredAt).all()
            #expect(audit.map(\.actorLabel).contains(Fixtures.managerAEmail) && audit.map(\.actorLabel).contains(Fixtures.adminAEmail))
            #expect(audit.contains { $0.entityType == "engagement" })

            // The link now says it was answered, and cannot be used again.
            #expect(try await candidate.get(try Self.linkPath(link)).body.contains("You accepted this offer."))
            #expect(try await candidate.post(try Self.linkPath(link) + "/accept", form: []).status == .conflict)
            #expect(try await EngagementModel.query(on: app.db).count() == 1)
            let listed = try await admin.get("/api/v1/engagements")
            #expect(listed.status == .ok && listed.body.contains(f.applicationA.description))
            #expect(try await TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminBEmail)).get("/api/v1/engagements").body == "[]")
            #expect(try await candidate.get("/offer/not-a-real-token-at-all-0000").status == .notFound)
        }
    }

    @Test func an_expired_or_withdrawn_link_says_so_and_a_decline_is_recorded() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await Self.toOffer(app, f)
            let manager = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.managerAEmail))
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let offers = "/api/v1/applications/\(f.applicationA)/offers"
            func sent() async throws -> (id: String, path: String) {
                let id = try #require(try await manager.json(.POST, offers, Self.terms).json()["id"] as? String)
                let link = try #require(try await admin.json(.POST, "/api/v1/offers/\(id)/approve", [String: String]()).json()["link"] as? String)
                return (id, try Self.linkPath(link))
            }

            let first = try await sent()
            let model = try #require(try await OfferModel.find(UUID(uuidString: first.id), on: app.db))
            model.expiresAt = Date().addingTimeInterval(-60)
            try await model.update(on: app.db)
            let candidate = TestClient(app)
            let expired = try await candidate.get(first.path)
            #expect(expired.body.contains("This offer expired on") && !expired.body.contains("Accept the offer"))
            // The expired page has no form; a post sent anyway (with the cookie's token) is refused.
            let late = try await candidate.post(first.path + "/accept", form: [], csrf: candidate.cookies["vetted_csrf"])
            #expect(late.status == .conflict)
            #expect(try await EngagementModel.query(on: app.db).count() == 0)
            #expect(try await ApplicationModel.find(f.applicationA.rawValue, on: app.db)?.stage == "offer")
            #expect((try await manager.get(offers).body).contains("\"expired\""))

            // An expired offer is not open: a new one can be drafted; withdrawn, its link is dead.
            let second = try await sent()
            #expect(try await admin.json(.POST, "/api/v1/offers/\(second.id)/withdraw", [String: String]()).status == .ok)
            #expect(try await candidate.get(second.path).status == .notFound)

            let third = try await sent()
            try await candidate.get(third.path)
            let declined = try await candidate.post(third.path + "/decline", form: [("reason", "took another job")])
            #expect(declined.status == .ok)
            let row = try #require(try await OfferModel.find(UUID(uuidString: third.id), on: app.db))
            #expect(row.status == "declined" && row.declineReason == "took another job")
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$summary == "the candidate declined the offer: took another job").count() == 1)
        }
    }

    @Test func the_offer_page_prefills_terms_and_keeps_a_refused_form() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await Self.toOffer(app, f)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.managerAEmail, Fixtures.password)
            let page = try await browser.get("/applications/\(f.applicationA)/offers")
            #expect(page.status == .ok)
            #expect(page.body.contains("Europe/Berlin") && page.body.contains("Draft offer"))
            let refused = try await browser.post("/applications/\(f.applicationA)/offers", form: [
                ("pricing", "hourly"), ("amountCents", "abc"), ("currency", "EUR"), ("hoursPerWeek", "20"), ("workingHours", "09:00-13:00 Europe/Berlin"),
                ("overlapHours", "4"), ("channels", "Slack"), ("reportsTo", "Product lead"), ("startsOn", "2027-02-01")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("the price must be a positive whole number of cents"))
            #expect(refused.body.contains("Product lead"))
            #expect(try await OfferModel.query(on: app.db).count() == 0)
            let sent = try await browser.post("/applications/\(f.applicationA)/offers", form: [
                ("pricing", "monthly"), ("amountCents", "600000"), ("currency", "EUR"), ("hoursPerWeek", "20"), ("workingHours", "09:00-13:00 Europe/Berlin"),
                ("overlapHours", "4"), ("channels", "Slack"), ("reportsTo", "Product lead"), ("startsOn", "2027-02-01")])
            #expect(sent.status == .seeOther)
            let listed = try await browser.get("/applications/\(f.applicationA)/offers")
            #expect(listed.body.contains("awaiting-approval") && listed.body.contains("Awaiting approval by a second member"))

            let admin = TestClient(app)
            try await admin.signIn(Fixtures.adminAEmail, Fixtures.password)
            try await admin.get("/applications/\(f.applicationA)/offers")
            let id = try #require(try await OfferModel.query(on: app.db).first()?.id?.uuidString.lowercased())
            let approved = try await admin.post("/offers/\(id)/approve", form: [("validDays", "3")])
            #expect(approved.status == .ok)
            #expect(approved.body.contains("id=\"offer-link\"") && approved.body.contains("/offer/"))
        }
    }
}
