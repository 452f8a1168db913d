import Fluent
import Foundation
import Matching
import Vapor
import VettedDomain
import VettedStore

/// `GET /api/v1/roles/{roleID}/shortlist`: the ranked, explained shortlist, the same as
/// the page and `vetted match`.
struct ShortlistAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let shortlist = routes.grouped("roles", ":roleID", "shortlist")
        shortlist.get(use: show)
        shortlist.post("exclusions", use: exclude)
    }

    struct ShortlistDTO: Content {
        let roleId: String
        let asOf: String
        let poolSize: Int
        let weights: [String: Int]
        let results: [Entry]
        let excluded: [ExcludedDTO]
        /// Why the list is empty, when it is.
        let reason: String?
    }

    struct Entry: Content {
        let candidateId: String
        let fullName: String
        let rank: Int
        let score: Int
        let mustHavesCovered: Int
        let factors: [String: MatchResult.Factor]
        let missingMustHaves: [String]
        let overlapHours: Double
        let expectedCostCents: Int?
        let flags: [String]
    }

    struct ExcludedDTO: Content {
        let candidateId: String
        let reason: String
        let excludedBy: String
    }

    static func dto(_ s: RoleMatching.Shortlist) -> ShortlistDTO {
        ShortlistDTO(
            roleId: s.role.typedID.description, asOf: s.query.asOf.description, poolSize: s.poolSize,
            weights: Dictionary(uniqueKeysWithValues: zip(MatchWeights.names, s.query.weights.values)),
            results: s.results.map { r in
                Entry(candidateId: r.candidateId.uuidString.lowercased(), fullName: s.names[r.candidateId]?.name ?? "", rank: r.rank, score: r.score,
                      mustHavesCovered: r.mustHavesCovered, factors: r.factors, missingMustHaves: r.missingMustHaves, overlapHours: r.overlapHours,
                      expectedCostCents: r.expectedCostCents, flags: r.flags)
            },
            excluded: s.excluded.map { ExcludedDTO(candidateId: $0.candidateID.uuidString.lowercased(), reason: $0.reason, excludedBy: $0.excludedBy) },
            reason: s.emptyReason)
    }

    func show(req: Request) async throws -> ShortlistDTO {
        let scope = try req.scope
        let roleID = try req.id(RoleID.self, "roleID")
        _ = try await scope.role(roleID, on: req.db)
        var values: [String: String] = [:]
        for name in ShortlistPages.parameterNames + ["weights"] { values[name] = req.query[String.self, at: name] }
        let options = try RoleMatching.Options(values)
        return Self.dto(try await RoleMatching.shortlist(roleID, options: options, scope: scope, service: req.application.vetted.matching, on: req.db))
    }

    struct ExclusionInput: Content {
        let candidateId: String
        let reason: String
    }

    func exclude(req: Request) async throws -> HTTPStatus {
        let scope = try req.scope
        let roleID = try req.id(RoleID.self, "roleID")
        _ = try await scope.role(roleID, on: req.db)
        let input = try req.content.decode(ExclusionInput.self)
        guard let candidateID = CandidateID(string: input.candidateId) else {
            throw DomainError.invalid(field: "candidateId", message: "candidateId must be a candidate id; got '\(input.candidateId)'")
        }
        try await ShortlistExclusions.exclude(role: roleID, candidate: candidateID, reason: input.reason, scope: scope, on: req.db)
        return .created
    }
}
