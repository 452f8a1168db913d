import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport

/// Generated from the route table, not a hand-written list: every route with an id in its
/// path is called by client B's admin with ids that belong to client A (and with ids that
/// exist nowhere). Each must answer 404. A new route with a new kind of id fails this
/// test until the fixture below knows that id.
@Suite struct TenantIsolationTests {
    @Test func every_route_answers_404_for_another_organizations_ids() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let tokenOfA = try await Fixtures.token(app, Fixtures.adminAEmail)
            let tokenModel = try #require(try await APITokenModel.query(on: app.db).filter(\.$user.$id == f.adminA.userID.rawValue).first())
            // A job of client A's (clients do not queue analyses today, but the route must still scope them).
            let job = JobModel()
            job.id = UUID()
            job.organizationID = f.clientA.rawValue
            job.kind = "portfolio-analysis"
            job.payload = "{}"
            job.status = "done"
            job.progress = 100
            job.progressNote = "done"
            job.attempts = 1
            job.maxAttempts = 1
            job.requestedBy = Fixtures.adminAEmail
            job.createdAt = Date()
            try await job.create(on: app.db)
            // An assessment link of client A's.
            let invitation = AssessmentInvitationModel()
            invitation.id = UUID()
            invitation.organizationID = f.clientA.rawValue
            invitation.candidateID = f.candidateInA.rawValue
            invitation.taskID = "fund-merge-intervals"
            invitation.tokenHash = "hash-\(UUID().uuidString)"
            invitation.status = "invited"
            invitation.expiresAt = Date().addingTimeInterval(86400)
            invitation.sampleRuns = 0
            invitation.createdBy = Fixtures.adminAEmail
            invitation.createdAt = Date()
            try await invitation.create(on: app.db)
            let offer = OfferModel()
            offer.id = UUID()
            offer.$application.id = f.applicationA.rawValue
            offer.organizationID = f.clientA.rawValue
            offer.status = OfferModel.Status.awaitingApproval.rawValue
            offer.termsJSON = #"{"pricing":"hourly","amountCents":5000,"currency":"USD","hoursPerWeek":40,"workingHours":"09:00-17:00 Europe/Berlin","overlapHours":4,"channels":["Slack"],"reportsTo":"CTO","startsOn":"2027-01-04"}"#
            offer.monthlyCents = 866_667
            offer.createdByID = f.adminA.userID.rawValue
            offer.createdByLabel = Fixtures.adminAEmail
            offer.createdAt = Date()
            try await offer.create(on: app.db)
            let interview = InterviewModel()
            interview.id = UUID()
            interview.$application.id = f.applicationA.rawValue
            interview.organizationID = f.clientA.rawValue
            interview.stage = "screen"
            interview.interviewerID = f.adminA.userID.rawValue
            interview.interviewerLabel = Fixtures.adminAEmail
            interview.startAt = Date().addingTimeInterval(86_400)
            interview.endAt = Date().addingTimeInterval(90_000)
            interview.location = ""
            interview.uid = "tenant-test@vetted"
            interview.sequence = 0
            interview.status = "scheduled"
            interview.createdByLabel = Fixtures.adminAEmail
            interview.createdAt = Date()
            try await interview.create(on: app.db)
            let trial = TrialModel()
            trial.id = UUID()
            trial.$application.id = f.applicationA.rawValue
            trial.organizationID = f.clientA.rawValue
            trial.termsJSON = #"{"task":"t","weeks":1,"hourlyCents":5000,"hoursPerWeek":10,"criteria":["c"],"startsOn":"2027-01-04"}"#
            trial.currency = "USD"
            trial.status = "running"
            trial.createdBy = Fixtures.adminAEmail
            trial.createdAt = Date()
            try await trial.create(on: app.db)
            let message = try #require(try await OutboxWrites.enqueue(template: "offer", values: ["name": "n", "organization": "o", "role": "r", "terms": "t", "expires": "e", "link": "l"],
                                                                      to: "x@example.net", name: "X", organizationID: f.clientA.rawValue, on: app.db))
            let foreign: [String: String] = [
                "trialID": trial.id!.uuidString.lowercased(),
                "messageID": message.id!.uuidString.lowercased(),
                "offerID": offer.id!.uuidString.lowercased(),
                "interviewID": interview.id!.uuidString.lowercased(),
                "assessmentID": invitation.id!.uuidString.lowercased(),
                "submissionID": UUID().uuidString.lowercased(),
                // The candidate's portal is reached by its token alone (the token is the
                // capability, stored hashed); a token that is not one answers 404.
                "token": "not-a-real-token-\(UUID().uuidString)",
                "jobID": job.id!.uuidString.lowercased(),
                "roleID": f.roleA.description, "candidateID": f.candidateInA.description,
                "applicationID": f.applicationA.description, "organizationID": f.clientA.description,
                "userID": f.adminA.userID.description, "tokenID": tokenModel.typedID.description,
                // Not an id: a pipeline stage key. The application id before it is what the scope checks.
                "stage": "screen",
            ]

            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminBEmail))
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.adminBEmail, Fixtures.password)
            try await browser.get("/")
            let ownerAPI = TestClient(app, bearer: tokenOfA)

            var checked = 0
            for route in app.routes.all {
                let parameters = route.path.compactMap { component -> String? in
                    if case .parameter(let name) = component { return name }
                    return nil
                }
                guard !parameters.isEmpty else { continue }
                for name in parameters {
                    #expect(foreign[name] != nil, "route \(route.method) /\(route.path.string) has a parameter :\(name) this test does not know; add it to the fixture")
                }
                for ids in [foreign, foreign.mapValues { _ in UUID().uuidString.lowercased() }] {
                    let path = "/" + route.path.map { component -> String in
                        if case .parameter(let name) = component { return ids[name] ?? "unknown" }
                        return component.description
                    }.joined(separator: "/")
                    let reply: TestClient.Reply
                    if path.hasPrefix("/api/") {
                        reply = route.method == .GET || route.method == .DELETE
                            ? try await api.send(route.method, path)
                            : try await api.json(route.method, path, [String: String]())
                    } else {
                        reply = route.method == .GET ? try await browser.get(path) : try await browser.post(path, form: [])
                    }
                    #expect(reply.status == .notFound, "\(route.method) \(path) answered \(reply.status.code) to another organization")
                    if path.hasPrefix("/api/") { #expect(reply.errorCode == "not-found") }
                }
                // The owner of the same ids does reach them (so the 404 above is the scope's doing).
                if route.method == .GET, route.path.first?.description == "api" {
                    let path = "/" + route.path.map { component -> String in
                        if case .parameter(let name) = component { return foreign[name]! }
                        return component.description
                    }.joined(separator: "/")
                    let own = try await ownerAPI.get(path)
                    #expect(own.status == .ok || own.status == .forbidden, "\(path) as its owner answered \(own.status.code)")
                }
                checked += 1
            }
            #expect(checked >= 15, "expected the route table to hold at least 15 routes with ids; found \(checked)")
        }
    }

    @Test func a_client_never_lists_another_clients_rows() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminBEmail))
            for (path, own) in [("/api/v1/roles", f.roleB.description), ("/api/v1/candidates", f.candidateInB.description),
                                ("/api/v1/applications", f.applicationB.description), ("/api/v1/organizations", f.clientB.description)] {
                let reply = try await api.get(path)
                #expect(reply.status == .ok)
                let items = try #require(try reply.json()["items"] as? [[String: Any]])
                #expect(items.compactMap { $0["id"] as? String } == [own], "\(path) listed \(items.count) rows")
            }
            let audit = try await api.get("/api/v1/audit-events")
            for event in try #require(try audit.json()["items"] as? [[String: Any]]) {
                #expect((event["summary"] as? String)?.contains("Role of A") != true)
            }
        }
    }
}
