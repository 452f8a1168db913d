import FluentKit
import Foundation
import SQLKit
import VettedDomain

/// Who is behind a session cookie or an API token, in one query: every authenticated
/// request runs this, so it joins credential, user, membership and organization at once
/// instead of four round trips.
public enum CallerLookup {
    public struct Row: Sendable {
        public let credentialID: UUID
        public let scope: TenantScope
        public let userName: String
        public let organizationName: String
        /// Token scope (tokens) or CSRF token (sessions).
        public let detail: String
        public let expiresAt: Date?
        public let lastUsedAt: Date?
    }

    public static func session(tokenHash: String, on db: any Database) async throws -> Row? {
        try await lookup(table: SessionModel.schema, extra: "c.csrf_token AS detail, c.expires_at AS expires_at, NULL AS last_used_at",
                         condition: "", hash: tokenHash, on: db)
    }

    /// Revoked tokens are not found.
    public static func token(tokenHash: String, on db: any Database) async throws -> Row? {
        try await lookup(table: APITokenModel.schema, extra: "c.scope AS detail, NULL AS expires_at, c.last_used_at AS last_used_at",
                         condition: " AND c.revoked_at IS NULL", hash: tokenHash, on: db)
    }

    private static func lookup(table: String, extra: String, condition: String, hash: String, on db: any Database) async throws -> Row? {
        let row = try await db.sql.raw("""
            SELECT c.id AS credential_id, u.id AS user_id, u.email AS email, u.name AS user_name,
                   o.id AS organization_id, o.name AS organization_name, o.kind AS kind, m.member_role AS member_role,
                   \(unsafeRaw: extra)
            FROM \(ident: table) c
            JOIN users u ON u.id = c.user_id
            JOIN organizations o ON o.id = c.organization_id
            JOIN memberships m ON m.user_id = c.user_id AND m.organization_id = c.organization_id
            WHERE c.token_hash = \(bind: hash) AND u.is_active = \(bind: true)\(unsafeRaw: condition)
            """).first()
        guard let row else { return nil }
        let scope = TenantScope(
            userID: UserID(try row.decode(column: "user_id", as: UUID.self)),
            userEmail: try row.decode(column: "email", as: String.self),
            organizationID: OrganizationID(try row.decode(column: "organization_id", as: UUID.self)),
            organizationKind: OrganizationKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .client,
            memberRole: MemberRole(rawValue: try row.decode(column: "member_role", as: String.self)) ?? .interviewer)
        return Row(credentialID: try row.decode(column: "credential_id", as: UUID.self), scope: scope,
                   userName: try row.decode(column: "user_name", as: String.self),
                   organizationName: try row.decode(column: "organization_name", as: String.self),
                   detail: try row.decode(column: "detail", as: String.self),
                   expiresAt: try row.decode(column: "expires_at", as: Date?.self),
                   lastUsedAt: try row.decode(column: "last_used_at", as: Date?.self))
    }
}
