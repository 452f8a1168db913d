import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// Profiles that share an e-mail, GitHub handle or phone, and the screen that merges two.
struct DuplicatePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let candidates = routes.grouped("candidates")
        candidates.get("duplicates", use: list)
        candidates.get("merge", use: compare)
        candidates.post("merge", use: merge)
    }

    struct Group: Encodable {
        let key: String
        let value: String
        let members: [Member]
        let keepId: String
        let absorbId: String
    }

    struct Member: Encodable {
        let id: String
        let fullName: String
        let email: String
        let createdAt: String
    }

    struct ListContext: Encodable {
        let layout: Layout
        let groups: [Group]
    }

    func list(req: Request) async throws -> Response {
        let scope = try req.scope
        try scope.require(.editCandidates)
        let groups = try await DuplicateFinder.groups(scope: scope, on: req.db)
        return try await req.page("duplicates", ListContext(layout: Layout(title: "Duplicate profiles", request: req), groups: groups.map { g in
            Group(key: ["email": "e-mail", "github": "GitHub handle", "phone": "phone"][g.key.rawValue] ?? g.key.rawValue, value: g.value,
                  members: g.candidates.map { Member(id: $0.typedID.description, fullName: $0.fullName, email: $0.email ?? "—",
                                                     createdAt: $0.createdAt.map { ISO8601DateFormatter().string(from: $0) } ?? "") },
                  keepId: g.candidates[0].typedID.description, absorbId: g.candidates[1].typedID.description)
        }))
    }

    struct CompareContext: Encodable {
        let layout: Layout
        let keep: CandidateView
        let absorb: CandidateView
        let keepSkills: String
        let absorbSkills: String
        let keepVersion: Int
        let rows: [Row]
        let error: String?

        struct Row: Encodable {
            let field: String
            let keep: String
            let absorb: String
            let result: String
        }
    }

    /// Side by side, with what the merged profile will hold.
    func compare(req: Request) async throws -> Response {
        let scope = try req.scope
        try scope.require(.editCandidates)
        guard let keepText = req.query[String.self, at: "keep"], let keepID = CandidateID(string: keepText),
              let absorbText = req.query[String.self, at: "absorb"], let absorbID = CandidateID(string: absorbText)
        else { throw DomainError.invalid(field: "keep", message: "choose two profiles to merge (keep and absorb)") }
        return try await renderCompare(req, keepID: keepID, absorbID: absorbID, error: nil, status: .ok)
    }

    private func renderCompare(_ req: Request, keepID: CandidateID, absorbID: CandidateID, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let keep = try await scope.candidate(keepID, on: req.db)
        let absorb = try await scope.candidate(absorbID, on: req.db)
        let summary = { (skills: [SkillClaim]) in skills.map { "\($0.skillID) (\($0.evidence.rawValue))" }.joined(separator: ", ") }
        let k = CandidateView(keep), a = CandidateView(absorb)
        func row(_ field: String, _ kv: String, _ av: String, fill: Bool = true) -> CompareContext.Row {
            let empty = kv.isEmpty || kv == "—"
            return .init(field: field, keep: kv, absorb: av, result: fill && empty ? av : kv)
        }
        return try await req.page("merge", CompareContext(
            layout: Layout(title: "Merge profiles", request: req), keep: k, absorb: a,
            keepSkills: summary(try await CandidateWrites.currentSkills(of: keep.id!, on: req.db)),
            absorbSkills: summary(try await CandidateWrites.currentSkills(of: absorb.id!, on: req.db)),
            keepVersion: keep.version,
            rows: [
                row("Name", k.fullName, a.fullName, fill: false), row("E-mail", k.email, a.email), row("Phone", k.phone, a.phone),
                row("GitHub", k.githubHandle, a.githubHandle), row("Country", k.country, a.country),
                row("Working hours", k.workingHours, a.workingHours, fill: false), row("Rate", k.rate, a.rate),
                row("Available from", k.availableFrom, a.availableFrom), row("English", k.englishLevel, a.englishLevel),
            ], error: error), status: status)
    }

    struct MergeForm: Content {
        var keep: String
        var absorb: String
        var version: Int?
    }

    func merge(req: Request) async throws -> Response {
        let scope = try req.scope
        let form = try req.content.decode(MergeForm.self)
        guard let keepID = CandidateID(string: form.keep), let absorbID = CandidateID(string: form.absorb) else {
            throw DomainError.invalid(field: "keep", message: "choose two profiles to merge")
        }
        do {
            _ = try await CandidateMerge.merge(keep: keepID, absorb: absorbID, expectedVersion: form.version, scope: scope, on: req.db)
        } catch let problem as DomainError {
            switch problem {
            case .conflict, .invalid:
                return try await renderCompare(req, keepID: keepID, absorbID: absorbID, error: problem.description, status: .conflict)
            default: throw problem
            }
        }
        return req.redirect(to: "/candidates/\(keepID)?notice=merged")
    }
}
