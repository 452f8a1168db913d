import Fluent
import Vapor
import VettedDomain
import VettedStore

struct CandidatesAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let candidates = routes.grouped("candidates")
        candidates.get(use: list)
        candidates.post(use: create)
        candidates.get(":candidateID", use: show)
        candidates.patch(":candidateID", use: update)
        candidates.delete(":candidateID", use: delete)
    }

    func list(req: Request) async throws -> ListResponse<CandidateDTO> {
        let scope = try req.scope
        let pagination = try Pagination(req)
        var values: [String: String] = [:]
        for name in PoolQuery.parameterNames { values[name] = req.query[String.self, at: name] }
        var search = try await PoolQuery(values).search(scope: scope, on: req.db)
        if let text = req.query[String.self, at: "maxRateCents"], !text.isEmpty {
            guard let n = Int(text), n >= 0 else { throw DomainError.invalid(field: "maxRateCents", message: "maxRateCents must be a whole number of cents; got '\(text)'") }
            search.maxRateCents = n
        }
        let query = search.apply(to: try await scope.candidates(on: req.db))
        let total = try await query.count()
        let rows = try await query.sort(\.$fullName).sort(\.$id).offset(pagination.offset).limit(pagination.perPage).all()
        return ListResponse(items: rows.map { CandidateDTO($0, skills: nil) }, page: pagination.page, perPage: pagination.perPage, total: total)
    }

    func create(req: Request) async throws -> Response {
        let candidate = try await CandidateWrites.create(try req.content.decode(CandidateInput.self), scope: try req.scope, on: req.db)
        return try await dto(candidate, req).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> CandidateDTO {
        try await dto(try await req.scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db), req)
    }

    func update(req: Request) async throws -> CandidateDTO {
        let scope = try req.scope
        let id = try req.id(CandidateID.self, "candidateID")
        _ = try await scope.candidate(id, on: req.db)
        return try await dto(try await CandidateWrites.update(id, with: try req.content.decode(CandidateInput.self), scope: scope, on: req.db), req)
    }

    func delete(req: Request) async throws -> HTTPStatus {
        try await CandidateWrites.delete(try req.id(CandidateID.self, "candidateID"), scope: try req.scope, on: req.db)
        return .noContent
    }

    private func dto(_ candidate: CandidateModel, _ req: Request) async throws -> CandidateDTO {
        CandidateDTO(candidate, skills: try await CandidateWrites.currentSkills(of: candidate.id!, on: req.db))
    }
}
