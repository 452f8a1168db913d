import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// The `vetted` evaluation commands go through the API's routes in-process as a named
/// member: the same rules, the same tenant checks, the same audit log, and the API's
/// error messages.
@Suite struct CommandLineAPITests {
    @Test func a_move_obeys_the_rules_and_is_audited_as_the_member() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let path = "applications/\(f.applicationA)"
            let skipped = try await CommandLineAPI.send(app, method: "PATCH", path: path, json: #"{"stage": "offer", "version": 1}"#, user: Fixtures.managerAEmail)
            #expect(skipped.status == 400)
            #expect(skipped.errorText.hasPrefix("override:"))
            #expect(try await ApplicationModel.find(f.applicationA.rawValue, on: app.db)?.version == 1)

            let moved = try await CommandLineAPI.send(app, method: "PATCH", path: "/api/v1/\(path)",
                                                      json: #"{"stage": "screen", "version": 1}"#, user: Fixtures.managerAEmail)
            #expect(moved.succeeded, "\(moved.body)")
            #expect(try await ApplicationModel.find(f.applicationA.rawValue, on: app.db)?.stage == "screen")
            let entry = try #require(try await AuditEventModel.query(on: app.db).filter(\.$entityID == f.applicationA.rawValue)
                .filter(\.$action == "update").first())
            #expect(entry.actorLabel == "\(Fixtures.managerAEmail) (vetted CLI)")
        }
    }

    @Test func a_member_sees_only_their_organization_and_bad_callers_are_named() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            // Client A's interviewer asking for client B's candidate: not found, as over HTTP.
            let other = try await CommandLineAPI.send(app, method: "GET", path: "applications/\(f.applicationB)/scorecards", user: Fixtures.interviewerAEmail)
            #expect(other.status == 404)
            // An interviewer cannot move candidates.
            let move = try await CommandLineAPI.send(app, method: "PATCH", path: "applications/\(f.applicationA)",
                                                     json: #"{"stage": "screen", "version": 1}"#, user: Fixtures.interviewerAEmail)
            #expect(move.status == 403)
            await #expect(throws: DomainError.self) {
                try await CommandLineAPI.send(app, method: "GET", path: "applications", user: "nobody@example.com")
            }
            let notJSON = await #expect(throws: DomainError.self) {
                try await CommandLineAPI.send(app, method: "POST", path: "applications/\(f.applicationA)/scorecards", json: "{stage: screen", user: Fixtures.interviewerAEmail)
            }
            #expect(notJSON?.field == "data")
        }
    }

    @Test func a_scorecard_missing_a_rating_is_refused_naming_it() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            #expect(try await CommandLineAPI.send(app, method: "PATCH", path: "applications/\(f.applicationA)", json: #"{"stage": "screen", "version": 1}"#,
                                                  user: Fixtures.managerAEmail).succeeded)
            let kit = try await CommandLineAPI.send(app, method: "GET", path: "applications/\(f.applicationA)/kits/screen", user: Fixtures.interviewerAEmail)
            #expect(kit.succeeded, "\(kit.body)")
            let competencies = try #require((try JSONSerialization.jsonObject(with: Data(kit.body.utf8)) as? [String: Any])?["competencies"] as? [[String: Any]])
            let keys = competencies.compactMap { $0["key"] as? String }
            #expect(keys.count >= 2)
            var ratings = Dictionary(uniqueKeysWithValues: keys.map { ($0, 3) })
            var evidence = Dictionary(uniqueKeysWithValues: keys.map { ($0, "explained the trade-off in detail") })
            ratings.removeValue(forKey: keys[0])
            evidence.removeValue(forKey: keys[0])
            let body = String(decoding: try JSONSerialization.data(withJSONObject: ["stage": "screen", "recommendation": "yes", "ratings": ratings, "evidence": evidence]), as: UTF8.self)
            let refused = try await CommandLineAPI.send(app, method: "POST", path: "applications/\(f.applicationA)/scorecards", json: body, user: Fixtures.interviewerAEmail)
            #expect(refused.status == 400)
            #expect(refused.errorText.contains(keys[0]), "\(refused.errorText)")
            #expect(try await ScorecardModel.query(on: app.db).count() == 0)
        }
    }

    @Test func every_problem_of_a_refused_form_is_shown_one_a_line() async throws {
        try await TestDatabase.withApp { app in
            _ = try await Fixtures.make(app)
            let refused = try await CommandLineAPI.send(app, method: "POST", path: "candidates", json: #"{"fullName": "", "timeZone": "Mars/Base", "hoursPerWeek": 500}"#,
                                                        user: Fixtures.operatorAdminEmail)
            #expect(refused.status == 400)
            let lines = refused.errorText.split(separator: "\n")
            #expect(lines.count >= 3, "\(refused.errorText)")
            #expect(lines.contains { $0.hasPrefix("fullName:") } && lines.contains { $0.hasPrefix("timeZone:") } && lines.contains { $0.hasPrefix("hoursPerWeek:") },
                    "\(refused.errorText)")
        }
    }

    @Test func an_offer_drafted_with_few_terms_takes_the_rest_from_the_role_and_candidate() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await OfferTests.toOffer(app, f)
            let path = "applications/\(f.applicationA)/offers"
            // This candidate has no rate on file, so the price cannot be proposed: refused, naming it.
            let bare = try await CommandLineAPI.send(app, method: "POST", path: path, json: "{}", user: Fixtures.managerAEmail)
            #expect(bare.status == 400 && bare.errorText.hasPrefix("amountCents:"), "\(bare.errorText)")
            #expect(try await OfferModel.query(on: app.db).count() == 0)
            let drafted = try await CommandLineAPI.send(app, method: "POST", path: path, json: #"{"amountCents": 6000, "reportsTo": "CTO", "hoursPerWeek": 25, "startsOn": "2027-02-01"}"#, user: Fixtures.managerAEmail)
            #expect(drafted.status == 201, "\(drafted.errorText)")
            let terms = try #require((try JSONSerialization.jsonObject(with: Data(drafted.body.utf8)) as? [String: Any])?["terms"] as? [String: Any])
            let role = try #require(try await RoleModel.find(f.roleA.rawValue, on: app.db))
            #expect(terms["hoursPerWeek"] as? Int == 25 && terms["reportsTo"] as? String == "CTO")
            #expect(terms["workingHours"] as? String == "\(role.workStart)-\(role.workEnd) \(role.timeZone)")
            #expect(terms["pricing"] as? String == "hourly")
        }
    }

    @Test func a_rate_on_file_prices_an_hourly_offer_but_never_a_monthly_one() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            try await OfferTests.toOffer(app, f)
            let candidate = try #require(try await CandidateModel.find(f.candidateInA.rawValue, on: app.db))
            candidate.hourlyRateCents = 5500
            try await candidate.update(on: app.db)
            let path = "applications/\(f.applicationA)/offers"
            let monthly = try await CommandLineAPI.send(app, method: "POST", path: path, json: #"{"pricing": "monthly", "reportsTo": "CTO", "startsOn": "2027-02-01"}"#, user: Fixtures.managerAEmail)
            #expect(monthly.status == 400 && monthly.errorText.hasPrefix("amountCents:"), "\(monthly.errorText)")
            let hourly = try await CommandLineAPI.send(app, method: "POST", path: path, json: #"{"reportsTo": "CTO", "startsOn": "2027-02-01"}"#, user: Fixtures.managerAEmail)
            #expect(hourly.status == 201, "\(hourly.errorText)")
            let terms = (try JSONSerialization.jsonObject(with: Data(hourly.body.utf8)) as? [String: Any])?["terms"] as? [String: Any]
            #expect(terms?["amountCents"] as? Int == 5500 && terms?["pricing"] as? String == "hourly")
        }
    }

    @Test func a_member_of_several_organizations_must_say_which() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let user = try #require(try await UserModel.query(on: app.db).filter(\.$email == Fixtures.interviewerAEmail).first())
            let second = MembershipModel()
            second.id = UUID()
            second.$user.id = user.id!
            second.$organization.id = f.clientB.rawValue
            second.memberRole = MemberRole.interviewer.rawValue
            second.createdAt = Date()
            try await second.create(on: app.db)
            let ambiguous = await #expect(throws: DomainError.self) {
                try await CommandLineAPI.send(app, method: "GET", path: "applications", user: Fixtures.interviewerAEmail)
            }
            #expect(ambiguous?.field == "organization")
            let clientB = try #require(try await OrganizationModel.find(f.clientB.rawValue, on: app.db))
            let listed = try await CommandLineAPI.send(app, method: "GET", path: "applications", user: Fixtures.interviewerAEmail, organization: clientB.name)
            let items = (try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [String: Any])?["items"] as? [[String: Any]]
            #expect(items?.compactMap { $0["id"] as? String } == [f.applicationB.description])
        }
    }
}
