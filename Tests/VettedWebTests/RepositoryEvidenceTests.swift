import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Repository analysis as a background job: queued from the API or the page, run by a
/// worker, its findings recorded as repository evidence with file and line.
@Suite(.serialized) struct RepositoryEvidenceTests {
    /// A scratch repository root with one small project in it.
    static func makeRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-repos-\(UUID().uuidString)")
        let project = root.appendingPathComponent("ada/service")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("app"), withIntermediateDirectories: true)
        try "fastapi==0.110\ntorch>=2.1\n".write(to: project.appendingPathComponent("requirements.txt"), atomically: true, encoding: .utf8)
        try "import pandas as pd\nfrom fastapi import FastAPI\n\napp = FastAPI()\n".write(to: project.appendingPathComponent("app/main.py"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func an_analysis_job_turns_a_repository_into_evidence_with_file_and_line() async throws {
        let root = try Self.makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await TestDatabase.withApp({ $0.repositoryRootSetting = root.path }) { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            let queued = try await client.json(.POST, "/api/v1/candidates/\(f.poolOnly)/analyses", ["repository": "ada/service"])
            #expect(queued.status == .accepted, "\(queued.body)")
            let jobID = try #require(try queued.json()["id"] as? String)
            #expect(try queued.json()["status"] as? String == "queued")

            #expect(try await JobRunner(app, worker: "test").runOnce())
            #expect(try await JobRunner(app, worker: "test").runOnce() == false)

            let job = try await client.get("/api/v1/jobs/\(jobID)").json()
            #expect(job["status"] as? String == "done", "\(job)")
            #expect(job["progress"] as? Int == 100)
            let result = try #require(job["result"] as? [String: Any])
            #expect(["ai-ml", "data-science", "backend"].contains(result["category"] as? String ?? ""))
            #expect((result["scores"] as? [String: Any])?.count == 3)

            let skills = try await CandidateWrites.currentSkills(of: f.poolOnly.rawValue, on: app.db).filter { $0.evidence == .repository }
            let byID = Dictionary(uniqueKeysWithValues: skills.map { ($0.skillID, $0) })
            // The first place it was seen, and how many more.
            #expect(byID["fastapi"]?.detail?.hasPrefix("ada/service: app/main.py:2 (import) and 1 more") == true, "\(skills)")
            #expect(byID["pytorch"] != nil)
            #expect(byID["pandas"]?.detail?.contains("app/main.py:1") == true)
            // The claimed python skill from the fixture is untouched.
            #expect(try await CandidateWrites.currentSkills(of: f.poolOnly.rawValue, on: app.db).contains { $0.skillID == "python" && $0.evidence == .claimed })
            let candidate = try #require(try await CandidateModel.find(f.poolOnly.rawValue, on: app.db))
            #expect(candidate.repositories.contains { $0.hasSuffix("ada/service") })

            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            let page = try await browser.get("/candidates/\(f.poolOnly)")
            #expect(page.body.contains("seen in code"))
            #expect(page.body.contains("app/main.py:2"))
            #expect(!page.body.contains("http-equiv=\"refresh\""))
        }
    }

    @Test func paths_outside_the_repository_root_are_refused_and_nothing_is_queued() async throws {
        let root = try Self.makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await TestDatabase.withApp({ $0.repositoryRootSetting = root.path }) { app in
            let f = try await Fixtures.make(app)
            let client = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.operatorAdminEmail))
            for bad in ["/etc", "../../etc", "ada/missing", "ftp://example.com/x"] {
                let reply = try await client.json(.POST, "/api/v1/candidates/\(f.poolOnly)/analyses", ["repository": bad])
                #expect(reply.status == .badRequest, "\(bad): \(reply.body)")
                #expect(reply.errorField == "repository")
            }
            #expect(try await JobModel.query(on: app.db).count() == 0)

            // The page queues one and shows its progress, reloading while it waits.
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.operatorAdminEmail, Fixtures.password)
            _ = try await browser.get("/candidates/\(f.poolOnly)")
            let refused = try await browser.post("/candidates/\(f.poolOnly)/analyses", form: [("repository", "/etc")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("outside"))
            let posted = try await browser.post("/candidates/\(f.poolOnly)/analyses", form: [("repository", "ada/service")])
            #expect(posted.status == .seeOther)
            let page = try await browser.get("/candidates/\(f.poolOnly)")
            #expect(page.body.contains("http-equiv=\"refresh\""))
            #expect(page.body.contains("waiting for a worker"))
        }
    }

    @Test func a_job_is_claimed_once_and_requeued_when_its_worker_dies() async throws {
        let root = try Self.makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try await TestDatabase.withApp({ $0.repositoryRootSetting = root.path }) { app in
            let f = try await Fixtures.make(app)
            let candidate = try #require(try await CandidateModel.find(f.poolOnly.rawValue, on: app.db))
            let job = try await PortfolioJob.enqueue(candidate: candidate, repository: "ada/service", root: root.path, scope: f.operatorAdmin, on: app.db)
            let first = try await JobQueue.claim(worker: "a", kinds: [PortfolioJob.kind], on: app.db)
            #expect(first?.id == job.id)
            #expect(try await JobQueue.claim(worker: "b", kinds: [PortfolioJob.kind], on: app.db) == nil)
            // Worker a is killed; after its lease, b takes the job over.
            let later = Date().addingTimeInterval(JobQueue.lease + 1)
            let second = try await JobQueue.claim(worker: "b", kinds: [PortfolioJob.kind], now: later, on: app.db)
            #expect(second?.id == job.id)
            #expect(second?.attempts == 2)
            // a's late report cannot overwrite b's job.
            try await JobQueue.finish(job.id!, worker: "a", result: "{}", on: app.db)
            #expect(try await JobModel.find(job.id, on: app.db)?.status == "running")
        }
    }
}
