import Fluent
import Foundation
import Matching
import Vapor
import VettedDomain
import VettedStore

/// A role's ranked, explained shortlist: re-rank with other weights and filters, add a
/// candidate to the pipeline, exclude one with a reason.
struct ShortlistPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let shortlist = routes.grouped("roles", ":roleID", "shortlist")
        shortlist.get(use: show)
        shortlist.post("exclusions", use: exclude)
    }

    struct Context: Encodable {
        let layout: Layout
        let roleId: String
        let roleTitle: String
        let mustHave: String
        let niceToHave: String
        let requirement: String
        let weights: [Weight]
        let filters: [String: String]
        let rows: [Row]
        let excluded: [Excluded]
        let emptyReason: String?
        let error: String?
        let poolSize: Int

        struct Weight: Encodable {
            let name: String
            let value: Int
        }

        struct Row: Encodable {
            let rank: Int
            let candidateId: String
            let name: String
            let headline: String
            let rate: String
            let score: Int
            let covered: String
            let missing: String
            let overlap: String
            let cost: String
            let flags: String
            let factors: [Factor]
        }

        struct Factor: Encodable {
            let name: String
            let value: Int
            let points: Int
            let note: String
        }

        struct Excluded: Encodable {
            let name: String
            let reason: String
            let by: String
        }
    }

    static let parameterNames = ["limit", "asOf", "requireAll", "minOverlap", "maxRate", "availableBy", "minEvidence"]

    func show(req: Request) async throws -> Response {
        try await render(req, error: nil, status: .ok)
    }

    private func render(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let roleID = try req.id(RoleID.self, "roleID")
        var values: [String: String] = [:]
        for name in Self.parameterNames { values[name] = req.query[String.self, at: name] }
        // Weights come from one field each on the page; the API takes "coverage=50,…".
        let weightPairs = MatchWeights.names.compactMap { name in req.query[String.self, at: "w_" + name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" } }
        if !weightPairs.isEmpty { values["weights"] = weightPairs.joined(separator: ",") }
        var problem = error
        var shortlist: RoleMatching.Shortlist?
        var options = RoleMatching.Options()
        do {
            options = try RoleMatching.Options(values)
            shortlist = try await RoleMatching.shortlist(roleID, options: options, scope: scope, service: req.application.vetted.matching, on: req.db)
        } catch let failure as ValidationFailure {
            problem = failure.description
        } catch let failure as DomainError {
            guard case .invalid = failure else { throw failure }
            problem = failure.description
        }
        // The shortlist read the role and its checklist; only a refused one needs them read here.
        let role: RoleModel, lines: [ChecklistWrites.Line]
        if let shortlist {
            (role, lines) = (shortlist.role, shortlist.checklist)
        } else {
            (role, lines) = (try await scope.role(roleID, on: req.db), try await ChecklistWrites.current(of: roleID, on: req.db))
        }
        let money = { (cents: Int) in Money.usd(cents).formatted }
        let rows: [Context.Row] = (shortlist?.results ?? []).map { r in
            let who = shortlist?.names[r.candidateId]
            return .init(rank: r.rank, candidateId: r.candidateId.uuidString.lowercased(), name: who?.name ?? "?", headline: who?.headline ?? "",
                         rate: who?.rate ?? "—", score: r.score, covered: "\(r.mustHavesCovered)/\(lines.filter(\.mustHave).count)",
                         missing: r.missingMustHaves.joined(separator: ", "), overlap: String(format: "%.1f h", r.overlapHours),
                         cost: r.expectedCostCents.map(money) ?? "—", flags: r.flags.joined(separator: "; "),
                         factors: MatchWeights.names.compactMap { name in r.factors[name].map { .init(name: name, value: $0.value, points: $0.points, note: $0.note) } })
        }
        let q = shortlist?.query
        return try await req.page("shortlist", Context(
            layout: Layout(title: "Shortlist: \(role.title)", request: req), roleId: role.typedID.description, roleTitle: role.title,
            mustHave: lines.filter(\.mustHave).map(\.skillId).joined(separator: ", "),
            niceToHave: lines.filter { !$0.mustHave }.map(\.skillId).joined(separator: ", "),
            requirement: q.map { "\($0.requiredOverlapHours) h overlap with \($0.window.start)–\($0.window.end) \($0.window.zone); budget \(money($0.budgetCents))/h; judged on \($0.asOf)\($0.engagement.map { "; advised engagement: \($0.rawValue)" } ?? "")" } ?? "",
            weights: zip(MatchWeights.names, options.weights.values).map { .init(name: $0, value: $1) },
            filters: values, rows: rows,
            excluded: (shortlist?.excluded ?? []).map { e in .init(name: shortlist?.names[e.candidateID]?.name ?? "a removed profile", reason: e.reason, by: e.excludedBy) },
            emptyReason: shortlist?.emptyReason, error: problem, poolSize: shortlist?.poolSize ?? 0), status: problem == nil ? status : .badRequest)
    }

    struct ExcludeForm: Content {
        var candidateId: String?
        var reason: String?
    }

    func exclude(req: Request) async throws -> Response {
        let scope = try req.scope
        let roleID = try req.id(RoleID.self, "roleID")
        _ = try await scope.role(roleID, on: req.db)
        let form = try req.content.decode(ExcludeForm.self)
        guard let candidateID = form.candidateId.flatMap(CandidateID.init(string:)) else {
            throw DomainError.invalid(field: "candidateId", message: "choose a candidate to exclude")
        }
        do {
            try await ShortlistExclusions.exclude(role: roleID, candidate: candidateID, reason: form.reason ?? "", scope: scope, on: req.db)
        } catch let problem as DomainError {
            guard case .invalid = problem else { throw problem }
            return try await render(req, error: problem.description, status: .badRequest)
        }
        return req.redirect(to: "/roles/\(roleID)/shortlist?notice=excluded")
    }
}
