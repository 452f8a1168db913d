import Fluent
import Foundation
import PoolImport
import Vapor
import VettedDomain
import VettedStore

/// `vetted import`, `vetted export` and `vetted candidates …`: the pool from the command
/// line, through the same code as the page and the API, acting as an operator user.
public enum PoolOperations {
    /// The operator-side scope the command acts in: the named user's, or the first
    /// operator admin's. Audit entries name that user.
    static func scope(_ app: Application, user email: String?) async throws -> TenantScope {
        let operatorOrg = try await OrganizationModel.query(on: app.db).filter(\.$kind == OrganizationKind.operator.rawValue).first()
        guard let operatorOrg else {
            throw DomainError.invalid(field: "organization", message: "there is no operator organization yet; run `vetted serve` once or `vetted demo`")
        }
        let memberships = MembershipModel.query(on: app.db).filter(\.$organization.$id == operatorOrg.id!).with(\.$user)
        if let email {
            let address = try EmailAddress(email, field: "user")
            guard let m = try await memberships.all().first(where: { $0.user.email == address.value }) else {
                throw DomainError.invalid(field: "user", message: "\(address.value) is not a member of the operator organization")
            }
            return try scopeFor(m, operatorOrg)
        }
        guard let m = try await memberships.filter(\.$memberRole == MemberRole.admin.rawValue).sort(\.$createdAt).first() else {
            throw DomainError.invalid(field: "user", message: "the operator organization has no admin; pass --user EMAIL")
        }
        return try scopeFor(m, operatorOrg)
    }

    private static func scopeFor(_ m: MembershipModel, _ org: OrganizationModel) throws -> TenantScope {
        TenantScope(userID: m.user.typedID, userEmail: m.user.email, organizationID: org.typedID, organizationKind: .operator,
                    memberRole: try MemberRole.parse(m.memberRole, field: "memberRole"))
    }

    public struct ImportFile: Sendable {
        public var path: String
        public init(path: String) { self.path = path }
    }

    /// Reads the files, imports them in one transaction, reports per row.
    public static func importFiles(_ app: Application, paths: [String], options: [String: String], user: String?,
                                   progress: (@Sendable (String, Int, Int) -> Void)? = nil) async throws -> ImportReport {
        let settings = try ImportSettings(values: options.mapValues { Optional($0) })
        var files: [PoolImporter.File] = []
        for path in paths {
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DomainError.invalid(field: "file", message: "cannot read \(path): no such file, or not readable")
            }
            files.append(.init(name: url.lastPathComponent, data: data, format: settings.format))
        }
        let scope = try await scope(app, user: user)
        return try await PoolImporter.run(files, options: settings.options, mode: settings.mode, scope: scope, on: app.db) { p in
            progress?(p.phase, p.done, p.total)
        }
    }

    /// The pool, a search of it, or a role's shortlist, as CSV or JSON text.
    public static func export(_ app: Application, format: String, roleID: String?, filters: [String: String], user: String?) async throws -> Data {
        try PoolExport.validate(format: format)
        let scope = try await scope(app, user: user)
        let candidates = try await PoolExport.candidates(roleID: roleID, filters: filters, scope: scope, on: app.db)
        return try await PoolExport.data(candidates, format: format, on: app.db)
    }

    public struct SearchResult: Codable, Sendable {
        public var total: Int
        public var candidates: [Row]
        public struct Row: Codable, Sendable {
            public var id: String
            public var fullName: String
            public var seniority: String
            public var timeZone: String
            public var hourlyRateCents: Int?
        }
    }

    /// `vetted candidates search`: the list page's filters.
    public static func search(_ app: Application, filters: [String: String], limit: Int, user: String?) async throws -> SearchResult {
        let scope = try await scope(app, user: user)
        let query = try await PoolQuery(filters).search(scope: scope, on: app.db).apply(to: try await scope.candidates(on: app.db))
        let total = try await query.count()
        let rows = try await query.sort(\.$fullName).sort(\.$id).limit(limit).all()
        return SearchResult(total: total, candidates: rows.map {
            .init(id: $0.typedID.description, fullName: $0.fullName, seniority: $0.seniority, timeZone: $0.timeZone, hourlyRateCents: $0.hourlyRateCents)
        })
    }

    public struct DuplicateRow: Codable, Sendable {
        public var key: String
        public var value: String
        public var candidateIds: [String]
        public var names: [String]
    }

    public static func duplicates(_ app: Application, user: String?) async throws -> [DuplicateRow] {
        let scope = try await scope(app, user: user)
        return try await DuplicateFinder.groups(scope: scope, on: app.db).map {
            DuplicateRow(key: $0.key.rawValue, value: $0.value, candidateIds: $0.candidates.map(\.typedID.description), names: $0.candidates.map(\.fullName))
        }
    }

    public static func merge(_ app: Application, keep: String, absorb: String, user: String?) async throws -> String {
        let scope = try await scope(app, user: user)
        guard let keepID = CandidateID(string: keep) else { throw DomainError.invalid(field: "keep", message: "--keep must be a candidate id; got '\(keep)'") }
        guard let absorbID = CandidateID(string: absorb) else { throw DomainError.invalid(field: "absorb", message: "--absorb must be a candidate id; got '\(absorb)'") }
        let kept = try await scope.candidate(keepID, on: app.db)
        return try await CandidateMerge.merge(keep: keepID, absorb: absorbID, expectedVersion: kept.version, scope: scope, on: app.db).fullName
    }
}

/// `vetted match --role ID`: the shortlist the page and the API show, as JSON.
public enum MatchOperations {
    public static func match(_ app: Application, role: String, values: [String: String], user: String?) async throws -> Data {
        let scope = try await PoolOperations.scope(app, user: user)
        guard let roleID = RoleID(string: role) else { throw DomainError.invalid(field: "role", message: "--role must be a role id; got '\(role)'") }
        let options = try RoleMatching.Options(values)
        let shortlist = try await RoleMatching.shortlist(roleID, options: options, scope: scope, service: app.vetted.matching, on: app.db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(ShortlistAPI.dto(shortlist))
    }

    /// Builds the index now (at `vetted serve` start) and keeps it current from the change log.
    public static func startFollowing(_ app: Application) async throws -> Task<Void, Never> {
        _ = try await app.vetted.matching.current(on: app.db)
        let service = app.vetted.matching
        let db = app.db
        return Task { await service.follow(db) }
    }
}
