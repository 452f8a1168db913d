import FluentKit
import Foundation
import VettedDomain

/// An organization's rate card versions. The settings are opaque JSON here (the store does
/// not know the planning engine); the caller validates them.
public enum RateCardWrites {
    public static func latest(_ organizationID: OrganizationID, on db: any Database) async throws -> RateCardModel? {
        try await RateCardModel.query(on: db).filter(\.$organization.$id == organizationID.rawValue).sort(\.$version, .descending).first()
    }

    public static func history(_ organizationID: OrganizationID, on db: any Database) async throws -> [RateCardModel] {
        try await RateCardModel.query(on: db).filter(\.$organization.$id == organizationID.rawValue).sort(\.$version, .descending).all()
    }

    /// Saves a new version for the caller's organization. `expectedVersion` is the version
    /// the editor read (0 when there was none): a stale one is a conflict, as everywhere.
    public static func save(settings json: String, expectedVersion: Int?, before: AuditSnapshot, after: AuditSnapshot,
                            scope: TenantScope, on db: any Database) async throws -> RateCardModel {
        guard scope.isAdmin else { throw DomainError.forbidden(message: "only admins change the rate card") }
        return try await db.transaction { tx in
            let current = try await latest(scope.organizationID, on: tx)?.version ?? 0
            guard let expectedVersion else {
                throw DomainError.invalid(field: "version", message: "version is required: send the version you read (0 for the first save)")
            }
            guard expectedVersion == current else {
                throw DomainError.conflict(entity: "rate card", message: "the rate card was changed by someone else (you edited version \(expectedVersion), it is now version \(current)); reload it and apply your change again")
            }
            let model = RateCardModel()
            model.id = UUID()
            model.$organization.id = scope.organizationID.rawValue
            model.version = current + 1
            model.settings = json
            model.savedBy = scope.userEmail
            // The unique (organization, version) index makes a concurrent save fail here.
            try await model.create(on: tx)
            try await AuditLog.record(.update, entityType: "rate-card", entityID: model.id!, organizationID: scope.organizationID.rawValue,
                                      before: before, after: after, summary: "saved rate card version \(model.version)", actor: scope.actor, on: tx)
            return model
        }
    }
}
