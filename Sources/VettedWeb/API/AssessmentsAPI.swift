import Assessments
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// Assessments over the API: the task library, links for a candidate, and their results.
struct AssessmentsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("assessment-tasks", use: tasks)
        let candidate = routes.grouped("candidates", ":candidateID", "assessments")
        candidate.get(use: list)
        candidate.post(use: create)
        candidate.get(":assessmentID", use: show)
    }

    struct TaskDTO: Content {
        let id: String
        let title: String
        let category: String
        let level: String
        let timeMinutes: Int
        let competencies: [String]
        let skills: [String]
        let sampleCases: Int
        let rationale: String?
    }

    func tasks(req: Request) async throws -> [TaskDTO] {
        _ = try req.scope
        return req.application.vetted.assessments.library.tasks.map {
            TaskDTO(id: $0.id, title: $0.manifest.title, category: $0.manifest.category.rawValue, level: $0.manifest.level,
                    timeMinutes: $0.manifest.timeMinutes, competencies: $0.manifest.competencies, skills: $0.manifest.skills,
                    sampleCases: $0.publicCases.count, rationale: $0.manifest.rationale)
        }
    }

    func list(req: Request) async throws -> [AssessmentLinks.Summary] {
        let candidate = try await req.scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        return try await AssessmentLinks.summaries(req, candidateID: candidate.id!)
    }

    struct CreateInput: Content {
        var taskId: String
        var validDays: Int?
    }

    struct CreatedDTO: Content {
        let id: String
        let taskId: String
        /// The private link; shown in this response only.
        let link: String
        let expiresAt: Date
    }

    func create(req: Request) async throws -> Response {
        let candidate = try await req.scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        let input = try req.content.decode(CreateInput.self)
        let (invitation, link) = try await AssessmentLinks.create(req, candidateID: candidate.id!, taskID: input.taskId, validDays: input.validDays)
        let dto = CreatedDTO(id: invitation.id!.uuidString.lowercased(), taskId: invitation.taskID, link: link, expiresAt: invitation.expiresAt)
        return try await dto.encodeResponse(status: .created, for: req)
    }

    struct ResultDTO: Content {
        let assessment: AssessmentLinks.Summary
        let report: GradeReport?
        let source: String?
        let rationale: String?
        let similar: [PlagiarismCheck.Similar]
    }

    func show(req: Request) async throws -> ResultDTO {
        let detail = try await AssessmentLinks.detail(req)
        return ResultDTO(assessment: detail.summary, report: detail.report, source: detail.submission?.source,
                         rationale: detail.submission?.rationale, similar: detail.similar)
    }
}
