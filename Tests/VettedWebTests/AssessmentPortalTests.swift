import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// A candidate takes a task from a link and the hiring team sees a graded, plagiarism-
/// checked result: through the API, the portal's forms and the grading queue.
@Suite struct AssessmentPortalTests {
    static let reference = (try? String(contentsOfFile: "tasks/fund-merge-intervals/reference/solution.py", encoding: .utf8)) ?? ""

    /// Creates a link through the API and returns its path (/assess/TOKEN).
    static func link(_ api: TestClient, _ candidate: CandidateID, task: String = "fund-merge-intervals") async throws -> String {
        let created = try await api.json(.POST, "/api/v1/candidates/\(candidate)/assessments", ["taskId": task])
        let link = try #require(try created.json()["link"] as? String, "\(created.status): \(created.body)")
        return String(link[link.range(of: "/assess/")!.lowerBound...])
    }

    /// A candidate's browser that opened the link and started the clock.
    static func started(_ app: Application, _ path: String, overNetwork: Bool = false) async throws -> TestClient {
        let candidate = TestClient(app, overNetwork: overNetwork)
        _ = try await candidate.get(path)
        _ = try await candidate.post(path + "/start", form: [])  // over the network the redirect is followed
        _ = try await candidate.get(path)
        return candidate
    }

    @Test func a_candidate_takes_a_task_from_a_link_and_the_team_sees_the_graded_result() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let created = try await api.json(.POST, "/api/v1/candidates/\(f.candidateInA)/assessments", ["taskId": "fund-merge-intervals", "validDays": 3])
            #expect(created.status == .created, "\(created.body)")
            let link = try #require(try created.json()["link"] as? String)
            let path = String(link[link.range(of: "/assess/")!.lowerBound...])
            // The token itself is nowhere in the database.
            let token = String(path.dropFirst("/assess/".count))
            #expect(try await AssessmentInvitationModel.query(on: app.db).filter(\.$tokenHash == token).count() == 0)

            let candidate = TestClient(app)
            let intro = try await candidate.get(path)
            #expect(intro.status == .ok)
            #expect(intro.body.contains("30 minutes"))
            #expect(try await candidate.post(path + "/start", form: []).status == .seeOther)
            let editor = try await candidate.get(path)
            #expect(editor.body.contains("def merge_bookings"))  // the starter code
            #expect(editor.body.contains("Time left"))

            let samples = try await candidate.post(path + "/run", form: [("source", Self.reference)])
            #expect(samples.status == .ok, "\(samples.body)")
            #expect(samples.body.contains("of") && samples.body.contains("sample tests passed"))
            #expect(!samples.body.contains("class=\"error\">failed"))

            let submitted = try await candidate.post(path + "/submit", form: [("source", Self.reference)])
            #expect(submitted.body.contains("was submitted"))
            // Single use: a second submit changes nothing.
            _ = try await candidate.post(path + "/submit", form: [("source", "print('other')")])
            #expect(try await AssessmentSubmissionModel.query(on: app.db).count() == 1)

            // The grading queue: the in-process worker takes the job and records one result.
            #expect(try await JobRunner(app).runOnce())
            let submission = try #require(try await AssessmentSubmissionModel.query(on: app.db).first())
            #expect(submission.status == "graded")
            #expect(submission.score == 100)
            let skills = try await CandidateWrites.currentSkills(of: f.candidateInA.rawValue, on: app.db)
            #expect(skills.contains { $0.skillID == "python" && $0.evidence == .assessment })

            let list = try await api.get("/api/v1/candidates/\(f.candidateInA)/assessments")
            let id = try #require((try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])?.first?["id"] as? String)
            let result = try await api.get("/api/v1/candidates/\(f.candidateInA)/assessments/\(id)")
            let report = try #require(try result.json()["report"] as? [String: Any])
            #expect(report["score"] as? Double == 100)
            #expect((report["cases"] as? [[String: Any]])?.count ?? 0 >= 10)

            let team = TestClient(app)
            try await team.signIn(Fixtures.adminAEmail, Fixtures.password)
            let page = try await team.get("/candidates/\(f.candidateInA)/assessments/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("Score: 100.0%"))
            #expect(page.body.contains("merge_bookings"))
            let profile = try await team.get("/candidates/\(f.candidateInA)")
            #expect(profile.body.contains("Merge room bookings"))
        }
    }

    @Test func a_copied_submission_is_flagged_for_a_person_and_graded_anyway() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            for (candidateID, source) in [(f.candidateInA, Self.reference), (f.poolOnly, Self.reference.replacingOccurrences(of: "bookings", with: "reservations_list"))] {
                let path = try await Self.link(api, candidateID)
                let candidate = try await Self.started(app, path)
                _ = try await candidate.post(path + "/submit", form: [("source", source)])
                #expect(try await JobRunner(app).runOnce())
            }
            let second = try #require(try await AssessmentSubmissionModel.query(on: app.db).filter(\.$candidateID == f.poolOnly.rawValue).first())
            let similar = try #require(second.plagiarism.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [[String: Any]] })
            #expect(similar.count == 1)
            #expect((similar.first?["similarity"] as? Double ?? 0) >= 0.9)
            #expect(second.status == "graded")

            // The team reads both side by side, the matching lines marked.
            let team = TestClient(app)
            try await team.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let invitation = try #require(try await AssessmentInvitationModel.query(on: app.db).filter(\.$candidateID == f.poolOnly.rawValue).first())
            let other = try #require(similar.first?["submissionId"] as? String)
            let page = try await team.get("/candidates/\(f.poolOnly)/assessments/\(invitation.id!.uuidString.lowercased())/compare/\(other)")
            #expect(page.status == .ok)
            #expect(page.body.contains("class=\"matched\""))
            #expect(page.body.contains("reservations_list"))

            // A grading that runs again (a worker killed after writing) changes nothing.
            #expect(try await AssessmentWrites.recordResult(second.id!, status: .graded, score: 42, report: "{}", plagiarism: nil,
                                                            evidence: [], summary: "again", on: app.db) == false)
            let after = try await AssessmentSubmissionModel.find(second.id!, on: app.db)
            #expect(after?.score == second.score)
            #expect(after?.report == second.report)
        }
    }

    @Test func unknown_expired_and_used_links_say_so() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app)
            #expect(try await client.get("/assess/no-such-token-0123456789abcdef").status == .notFound)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let created = try await api.json(.POST, "/api/v1/candidates/\(f.candidateInA)/assessments", ["taskId": "fund-merge-intervals", "validDays": 1])
            let link = try #require(try created.json()["link"] as? String)
            let path = String(link[link.range(of: "/assess/")!.lowerBound...])
            let invitation = try #require(try await AssessmentInvitationModel.query(on: app.db).first())
            invitation.expiresAt = Date().addingTimeInterval(-60)
            try await invitation.save(on: app.db)
            let expired = try await client.get(path)
            #expect(expired.status == .gone)
            #expect(expired.body.contains("expired"))
            _ = try await client.post(path + "/start", form: [])
            #expect(try await AssessmentInvitationModel.query(on: app.db).first()?.startedAt == nil)

            let bad = try await api.json(.POST, "/api/v1/candidates/\(f.candidateInA)/assessments", ["taskId": "no-such-task"])
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "taskId")
        }
    }

    @Test func an_empty_answer_is_refused_and_the_link_stays_open() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let path = try await Self.link(api, f.candidateInA)
            let candidate = try await Self.started(app, path)
            let empty = try await candidate.post(path + "/submit", form: [("source", "   \n")])
            #expect(empty.status == .badRequest)
            #expect(empty.body.contains("Your answer is empty"))
            #expect(try await AssessmentSubmissionModel.query(on: app.db).count() == 0)
        }
    }

    /// Over a real socket a large form arrives after the request head; the CSRF check must
    /// still read its token (it refused every pasted answer longer than ~1.5 KB before).
    @Test func a_long_answer_over_the_network_passes_the_form_check() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let path = try await Self.link(api, f.candidateInA)
            let candidate = try await Self.started(app, path, overNetwork: true)
            #expect(try await candidate.get(path).body.contains("Time left"))
            let long = Self.reference + String(repeating: "# a long comment line to make the form body large\n", count: 400)
            let reply = try await candidate.post(path + "/run", form: [("source", long)])
            #expect(reply.status == .ok, "\(reply.status): \(reply.body.prefix(300))")
            #expect(reply.body.contains("sample tests passed"))
        }
    }

    @Test func a_person_scores_the_written_rationale() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let api = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let created = try await api.json(.POST, "/api/v1/candidates/\(f.candidateInA)/assessments", ["taskId": "data-clean-messy"])
            let link = try #require(try created.json()["link"] as? String)
            let id = try #require(try created.json()["id"] as? String)
            let path = String(link[link.range(of: "/assess/")!.lowerBound...])
            let candidate = TestClient(app)
            _ = try await candidate.get(path)
            _ = try await candidate.post(path + "/start", form: [])
            let editor = try await candidate.get(path)
            #expect(editor.body.contains("name=\"rationale\""))
            _ = try await candidate.post(path + "/submit", form: [("source", "def clean(path):\n    return []\n"), ("rationale", "I dropped duplicate rows first.")])

            let team = TestClient(app)
            try await team.signIn(Fixtures.adminAEmail, Fixtures.password)
            let result = "/candidates/\(f.candidateInA)/assessments/\(id)"
            #expect(try await team.get(result).body.contains("I dropped duplicate rows first."))
            #expect(try await team.post(result + "/rationale", form: [("score", "3"), ("note", "clear")]).status == .seeOther)
            let saved = try #require(try await AssessmentSubmissionModel.query(on: app.db).first())
            #expect(saved.rationaleScore == 3)
            #expect(saved.rationaleReviewer == Fixtures.adminAEmail)
            #expect(try await team.post(result + "/rationale", form: [("score", "7")]).status == .badRequest)
            #expect(try await AssessmentSubmissionModel.query(on: app.db).first()?.rationaleScore == 3)
        }
    }

    @Test func a_prompt_is_rendered_escaped() {
        let html = MarkdownLite.html("# Title\nText with <script>alert(1)</script> and `code` **bold**\n\n- item <b>\n\n```\n<img src=x onerror=alert(1)>\n```")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("<code>code</code>"))
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<li>item &lt;b&gt;</li>"))
    }
}
