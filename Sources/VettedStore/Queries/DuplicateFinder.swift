import FluentKit
import FluentSQL
import Foundation
import SQLKit
import VettedDomain

/// Profiles in one pool that share a normalized e-mail, GitHub handle or phone.
public struct DuplicateGroup: Sendable {
    public enum Key: String, Sendable, Codable { case email, github, phone }
    public var key: Key
    public var value: String
    public var candidates: [CandidateModel]
}

public enum DuplicateFinder {
    /// Groups with two or more profiles, e-mail first; one GROUP BY per key over indexed
    /// columns, then one query for the members.
    public static func groups(scope: TenantScope, limit: Int = 200, on db: any Database) async throws -> [DuplicateGroup] {
        try scope.require(.editCandidates)
        let organizationID = scope.organizationID.rawValue
        var found: [(DuplicateGroup.Key, String)] = []
        for (key, column) in [(DuplicateGroup.Key.email, "email"), (.github, "github_handle"), (.phone, "phone_key")] {
            let rows = try await db.sql.raw("""
                SELECT \(ident: column) AS value FROM candidates
                WHERE organization_id = \(bind: organizationID) AND \(ident: column) IS NOT NULL
                GROUP BY \(ident: column) HAVING COUNT(*) > 1 ORDER BY \(ident: column) LIMIT \(unsafeRaw: String(limit))
                """).all()
            for row in rows { found.append((key, try row.decode(column: "value", as: String.self))) }
        }
        guard !found.isEmpty else { return [] }
        var groups: [DuplicateGroup] = []
        for (key, value) in found.prefix(limit) {
            let query = try await scope.candidates(on: db).sort(\.$createdAt).sort(\.$id)
            switch key {
            case .email: query.filter(\.$email == value)
            case .github: query.filter(\.$githubHandle == value)
            case .phone: query.filter(\.$phoneKey == value)
            }
            let members = try await query.all()
            if members.count > 1 { groups.append(DuplicateGroup(key: key, value: value, candidates: members)) }
        }
        return groups
    }

    /// Other profiles sharing a key with this one (for the profile page's warning).
    public static func matches(of candidate: CandidateModel, scope: TenantScope, on db: any Database) async throws -> [CandidateModel] {
        var filters: [ModelValueFilter<CandidateModel>] = []
        if let e = candidate.email { filters.append(\.$email == e) }
        if let g = candidate.githubHandle { filters.append(\.$githubHandle == g) }
        if let p = candidate.phoneKey { filters.append(\.$phoneKey == p) }
        guard !filters.isEmpty else { return [] }
        return try await scope.candidates(on: db)
            .filter(\.$id != candidate.id!)
            .group(.or) { group in for f in filters { group.filter(f) } }
            .sort(\.$fullName).all()
    }
}
