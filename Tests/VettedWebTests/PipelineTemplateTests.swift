import Fluent
import Foundation
import Testing
import Vapor
import VettedDomain
import VettedStore
import VettedTestSupport
@testable import VettedWeb

/// Organizations edit pipeline templates and a role's stages; moves, the board and the
/// scorecard kits follow the role's own stages.
@Suite struct PipelineTemplateTests {
    nonisolated(unsafe) static let lean: [[String: Any]] = [
        ["key": "sourced", "name": "Sourced", "required": true], ["key": "screen", "name": "Screen", "required": false],
        ["key": "tech", "name": "Technical interview", "required": true], ["key": "offer", "name": "Offer", "required": true],
        ["key": "engaged", "name": "Engaged", "required": true],
    ]

    @Test func a_role_runs_on_its_own_stages() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let admin = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminAEmail))
            let noEngaged = try await admin.json(.POST, "/api/v1/pipeline-templates", ["name": "Broken", "stages": Array(Self.lean.prefix(4))])
            #expect(noEngaged.status == .badRequest)
            #expect(noEngaged.errorMessage == "a pipeline needs the 'engaged' stage: offers and engagements hang off it")
            let saved = try await admin.json(.POST, "/api/v1/pipeline-templates", ["name": "Lean", "stages": Self.lean])
            #expect(saved.status == .created, "\(saved.body)")
            #expect(try await admin.get("/api/v1/pipeline-templates").body.contains("Technical interview"))
            // Another organization does not see it.
            let other = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.adminBEmail))
            #expect(try await other.get("/api/v1/pipeline-templates").body == "[]")

            let role = "/api/v1/roles/\(f.roleA)/pipeline"
            #expect(try await admin.json(.PUT, role, ["stages": Self.lean]).status == .ok)
            #expect((try await admin.get(role).json()["stages"] as? [[String: Any]])?.map { $0["key"] as? String } == ["sourced", "screen", "tech", "offer", "engaged"])

            let path = "/api/v1/applications/\(f.applicationA)"
            let gone = try await admin.json(.PATCH, path, ["stage": "fundamentals", "version": 1])
            #expect(gone.errorField == "stage")
            #expect(gone.errorMessage?.contains("sourced, screen, tech, offer, engaged, closed") == true)
            // Screen is optional here: skipping it needs no override.
            #expect(try await admin.json(.PATCH, path, ["stage": "tech", "version": 1]).status == .ok)
            #expect(try await admin.json(.PATCH, path, ["stage": "engaged", "version": 2]).errorMessage == "a candidate becomes engaged only by accepting an offer")
            let kit = try await admin.get("/api/v1/applications/\(f.applicationA)/kits/tech")
            #expect(kit.status == .ok && kit.body.contains("Technical interview"))

            // Dropping the stage a candidate is in is refused.
            let drop = try await admin.json(.PUT, role, ["stages": Self.lean.filter { $0["key"] as? String != "tech" }])
            #expect(drop.status == .badRequest)
            #expect(drop.errorMessage == "1 candidate is at 'tech', which these stages drop; move them first")
            #expect(try await RoleModel.find(f.roleA.rawValue, on: app.db)?.pipeline.stage("tech") != nil)

            let interviewer = TestClient(app, bearer: try await Fixtures.token(app, Fixtures.interviewerAEmail))
            #expect(try await interviewer.json(.PUT, role, ["stages": Self.lean]).status == .forbidden)
            #expect(try await AuditEventModel.query(on: app.db).filter(\.$summary == "changed the role's stages to Sourced → Screen → Technical interview → Offer → Engaged").count() == 1)
        }
    }

    @Test func the_board_takes_a_template_and_the_editor_names_a_bad_line() async throws {
        try await TestDatabase.withApp { app in
            let f = try await Fixtures.make(app)
            let browser = TestClient(app)
            try await browser.signIn(Fixtures.managerAEmail, Fixtures.password)
            try await browser.get("/pipelines")
            let bad = try await browser.post("/pipelines", form: [("name", "Lean"), ("stages", "sourced | Sourced\nthis line has no bar\noffer | Offer\nengaged | Engaged")])
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("line 2: write") && bad.body.contains("this line has no bar"))
            let good = try await browser.post("/pipelines", form: [("name", "Lean"), ("stages", "sourced | Sourced\ntech | Technical interview\noffer | Offer\nengaged | Engaged")])
            #expect(good.status == .seeOther)
            let template = try #require(try await PipelineTemplateModel.query(on: app.db).first())
            let board = try await browser.get("/roles/\(f.roleA)/board")
            #expect(board.body.contains("Stages of this role") && board.body.contains(">Lean</option>"))
            let applied = try await browser.post("/roles/\(f.roleA)/pipeline", form: [("stages", ""), ("templateId", template.id!.uuidString)])
            #expect(applied.status == .seeOther)
            let after = try await browser.get("/roles/\(f.roleA)/board")
            #expect(after.body.contains("id=\"column-tech\"") && !after.body.contains("id=\"column-fundamentals\""))
        }
    }
}
