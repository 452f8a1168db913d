import Evaluation
import FluentKit
import Foundation
import VettedDomain

/// Putting candidates into a role's pipeline and moving them between stages.
public enum ApplicationWrites {
    public struct Input: Codable, Sendable {
        public var candidateId: String?
        public var roleId: String?
        public var stage: String?
        public var closedReason: String?
        /// Why a required stage is skipped or a closed candidate reopened.
        public var override: String?
        public var version: Int?
        public init(candidateId: String? = nil, roleId: String? = nil, stage: String? = nil, closedReason: String? = nil, override: String? = nil, version: Int? = nil) {
            self.candidateId = candidateId
            self.roleId = roleId
            self.stage = stage
            self.closedReason = closedReason
            self.override = override
            self.version = version
        }
    }

    public static func create(_ input: Input, scope: TenantScope, on db: any Database) async throws -> ApplicationModel {
        try scope.require(.manageApplications)
        guard let roleText = input.roleId, let roleID = RoleID(string: roleText) else {
            throw DomainError.invalid(field: "roleId", message: "roleId must be the UUID of a role; got '\(input.roleId ?? "")'")
        }
        guard let candidateText = input.candidateId, let candidateID = CandidateID(string: candidateText) else {
            throw DomainError.invalid(field: "candidateId", message: "candidateId must be the UUID of a candidate; got '\(input.candidateId ?? "")'")
        }
        // Ids the caller cannot see are reported as bad input naming the field, not as a
        // missing route: the route exists, the reference in the body does not.
        guard let role = try? await scope.role(roleID, on: db) else {
            throw DomainError.invalid(field: "roleId", message: "roleId names no role you can see")
        }
        guard let candidate = try? await scope.candidate(candidateID, on: db) else {
            throw DomainError.invalid(field: "candidateId", message: "candidateId names no candidate you can see")
        }
        let pipeline = role.pipeline
        let stage = input.stage?.trimmed.lowercased() ?? pipeline.stages[0].key
        guard pipeline.stage(stage) != nil, stage != Pipeline.engaged else {
            throw DomainError.invalid(field: "stage", message: "stage must be one of this role's stages (\(pipeline.stages.map(\.key).filter { $0 != Pipeline.engaged }.joined(separator: ", "))); got '\(stage)'")
        }
        return try await db.transaction { tx in
            let existing = try await ApplicationModel.query(on: tx)
                .filter(\.$role.$id == role.id!).filter(\.$candidate.$id == candidate.id!).first()
            if existing != nil {
                throw DomainError.duplicate(field: "candidateId", message: "\(candidate.fullName) is already in the pipeline of \(role.title)")
            }
            let application = ApplicationModel()
            application.id = ApplicationID().rawValue
            application.$role.id = role.id!
            application.$candidate.id = candidate.id!
            application.$organization.id = role.$organization.id
            application.stage = stage
            application.stageEnteredAt = Date()
            application.version = 1
            try await application.create(on: tx)
            try await recordEvent(application, from: nil, reason: nil, override: nil, skipped: [], actor: scope.actor, on: tx)
            try await AuditLog.record(.create, entityType: "application", entityID: application.id!, organizationID: role.$organization.id,
                                      before: nil, after: application.auditSnapshot,
                                      summary: "added \(candidate.fullName) to \(role.title) at \(pipeline.name(of: stage))",
                                      actor: scope.actor, on: tx)
            return application
        }
    }

    /// Moves one application, checked against the pipeline's rules (see `StageMove`):
    /// a skipped required stage needs an override, a closed candidate gets no offer.
    public static func update(_ id: ApplicationID, with input: Input, scope: TenantScope, on db: any Database) async throws -> ApplicationModel {
        let application = try await scope.application(id, on: db)
        try scope.require(.manageApplications)
        return try await db.transaction { tx in
            try await move(application, input: input, actor: scope.actor, on: tx)
        }
    }

    /// Moves several applications of one role to one stage: every move obeys the rules,
    /// and if one does not, none is saved and the error names the candidate.
    public static func bulkMove(_ ids: [ApplicationID], to stage: String, closedReason: String?, override: String?,
                                scope: TenantScope, on db: any Database) async throws -> [ApplicationModel] {
        try scope.require(.manageApplications)
        guard !ids.isEmpty else { throw DomainError.invalid(field: "applicationIds", message: "choose at least one candidate to move") }
        var found: [ApplicationModel] = []
        for id in ids { found.append(try await scope.application(id, on: db)) }
        let applications = found
        return try await db.transaction { tx in
            var moved: [ApplicationModel] = []
            for application in applications {
                do {
                    moved.append(try await move(application, input: .init(stage: stage, closedReason: closedReason, override: override, version: application.version), actor: scope.actor, on: tx))
                } catch let error as DomainError {
                    let name = try await CandidateModel.find(application.$candidate.id, on: tx)?.fullName ?? "a candidate"
                    throw DomainError.invalid(field: error.field ?? "stage", message: "\(name): \(error.description); nobody was moved")
                }
            }
            return moved
        }
    }

    /// The stage keys an application has been in, oldest first.
    public static func history(_ application: ApplicationModel, on db: any Database) async throws -> [StageEventModel] {
        try await StageEventModel.query(on: db).filter(\.$application.$id == application.id!).sort(\.$occurredAt).all()
    }

    static func move(_ application: ApplicationModel, input: Input, actor: AuditActor, on tx: any Database) async throws -> ApplicationModel {
        let pipeline = try await application.$role.get(on: tx).pipeline
        let from = application.stage
        let to = input.stage?.trimmed.lowercased() ?? from
        let reason = input.closedReason?.trimmed
        let override = input.override?.trimmed
        let visited = Set(try await history(application, on: tx).map(\.toStage)).union([from])
        let outcome = try StageMove.check(.init(from: from, to: to, reason: reason ?? application.closedReason, override: override),
                                          in: pipeline, facts: .init(visited: visited, hasAcceptedOffer: try await OfferWrites.hasAccepted(application, on: tx)))
        let before = application.auditSnapshot
        application.version = try await VersionGuard.claimNextVersion(table: ApplicationModel.schema, id: application.id!, expected: input.version, entity: "application", on: tx)
        let changed = from != to
        if changed {
            application.stage = to
            application.stageEnteredAt = Date()
        }
        if to == Pipeline.closed, let reason, !reason.isEmpty { application.closedReason = reason }
        if to != Pipeline.closed { application.closedReason = nil }
        try await application.update(on: tx)
        if changed {
            try await recordEvent(application, from: from, reason: to == Pipeline.closed ? application.closedReason : nil,
                                  override: override?.isEmpty == false ? override : nil, skipped: outcome.skipped, actor: actor, on: tx)
        }
        var summary = "moved application from \(pipeline.name(of: from)) to \(pipeline.name(of: to))"
        if !outcome.skipped.isEmpty { summary += ", skipping \(outcome.skipped.map { pipeline.name(of: $0) }.joined(separator: ", ")) (override: \(override ?? ""))" }
        if outcome.reopened { summary += " (reopened: \(override ?? ""))" }
        var after = application.auditSnapshot
        if let override, !override.isEmpty { after["override"] = override }
        try await AuditLog.record(.update, entityType: "application", entityID: application.id!, organizationID: application.$organization.id,
                                  before: before, after: after, summary: summary, actor: actor, on: tx)
        return application
    }

    static func recordEvent(_ application: ApplicationModel, from: String?, reason: String?, override: String?, skipped: [String],
                            actor: AuditActor, on tx: any Database) async throws {
        let event = StageEventModel()
        event.id = UUID()
        event.$application.id = application.id!
        event.organizationID = application.$organization.id
        event.fromStage = from
        event.toStage = application.stage
        event.reason = reason
        event.overrideReason = override
        event.skipped = skipped.joined(separator: ",")
        event.actorLabel = actor.label
        event.occurredAt = application.stageEnteredAt
        try await event.create(on: tx)
    }
}

extension ApplicationModel {
    var auditSnapshot: AuditSnapshot {
        var s: AuditSnapshot = ["stage": stage, "roleId": $role.id.uuidString.lowercased(), "candidateId": $candidate.id.uuidString.lowercased()]
        s["closedReason"] = closedReason
        return s
    }
}
