import Evaluation
import FluentKit
import Foundation
import VettedDomain

/// Submitting scorecards and deciding who may read them.
///
/// Independence: a member sees the panel's scores for a stage only after submitting their
/// own for it. Deciders (members who manage applications) may reveal a stage's scores
/// without scoring; that is recorded, and from then on they cannot submit a scorecard for
/// that stage, because it would no longer be independent.
public enum ScorecardWrites {
    public static func submit(_ application: ApplicationModel, kit: InterviewKit, raw: ScorecardValidator.Raw,
                              scope: TenantScope, on db: any Database) async throws -> ScorecardModel {
        let stage = kit.stage
        let visited = Set(try await ApplicationWrites.history(application, on: db).map(\.toStage)).union([application.stage])
        guard visited.contains(stage) else {
            throw DomainError.invalid(field: "stage", message: "the candidate has not reached \(kit.stageName) yet; score a stage they have been in")
        }
        let entry = try ScorecardValidator.validate(raw, kit: kit, reviewer: scope.userEmail, candidate: application.typedID.description)
        let role = try await application.$role.get(on: db)
        let json = String(decoding: try JSONEncoder().encode(entry.scores), as: UTF8.self)
        return try await db.transaction { tx in
            if try await own(application, stage: stage, scope: scope, on: tx) != nil {
                throw DomainError.duplicate(field: "stage", message: "you already submitted a scorecard for \(kit.stageName); scorecards are not edited, add a note to the panel instead")
            }
            if try await revealed(application, stage: stage, scope: scope, on: tx) {
                throw DomainError.conflict(entity: "scorecard", message: "you saw the panel's scores for \(kit.stageName) before scoring, so your scorecard would not be independent")
            }
            let card = ScorecardModel()
            card.id = UUID()
            card.$application.id = application.id!
            card.organizationID = application.$organization.id
            card.stage = stage
            card.reviewerID = scope.userID.rawValue
            card.reviewerLabel = scope.userEmail
            card.recommendation = entry.recommendation.rawValue
            card.scores = json
            card.notes = entry.notes
            card.blind = role.blindReview
            card.submittedAt = Date()
            try await card.create(on: tx)
            var after: AuditSnapshot = ["stage": stage, "recommendation": entry.recommendation.rawValue, "applicationId": application.typedID.description]
            for score in entry.scores { after["rating.\(score.competency)"] = String(score.rating.rawValue) }
            try await AuditLog.record(.create, entityType: "scorecard", entityID: card.id!, organizationID: card.organizationID,
                                      before: nil, after: after,
                                      summary: "submitted a \(kit.stageName) scorecard: \(entry.recommendation.rawValue)\(card.blind ? " (blind)" : "")",
                                      actor: scope.actor, on: tx)
            return card
        }
    }

    /// Records that a decider looked at a stage's scores without scoring it.
    public static func reveal(_ application: ApplicationModel, stage: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        if try await revealed(application, stage: stage, scope: scope, on: db) { return }
        try await db.transaction { tx in
            let reveal = ScorecardRevealModel()
            reveal.id = UUID()
            reveal.applicationID = application.id!
            reveal.stage = stage
            reveal.userID = scope.userID.rawValue
            reveal.revealedAt = Date()
            try await reveal.create(on: tx)
            try await AuditLog.record(.update, entityType: "application", entityID: application.id!, organizationID: application.$organization.id,
                                      before: nil, after: ["revealedStage": stage],
                                      summary: "revealed the \(stage) scores without scoring", actor: scope.actor, on: tx)
        }
    }

    /// Every scorecard of an application, oldest first. Callers filter with `visibleStages`.
    public static func all(of application: ApplicationModel, scope: TenantScope, on db: any Database) async throws -> [ScorecardModel] {
        try await scope.scorecards(on: db).filter(\.$application.$id == application.id!).sort(\.$submittedAt).all()
    }

    /// The stages whose scores this caller may read: those they scored or revealed.
    public static func visibleStages(of application: ApplicationModel, scope: TenantScope, on db: any Database) async throws -> Set<String> {
        let scored = try await ScorecardModel.query(on: db).filter(\.$application.$id == application.id!)
            .filter(\.$reviewerID == scope.userID.rawValue).all(\.$stage)
        return Set(scored).union(try await revealedStages(of: application, scope: scope, on: db))
    }

    public static func revealedStages(of application: ApplicationModel, scope: TenantScope, on db: any Database) async throws -> Set<String> {
        Set(try await ScorecardRevealModel.query(on: db).filter(\.$applicationID == application.id!)
            .filter(\.$userID == scope.userID.rawValue).all(\.$stage))
    }

    /// Each reviewer's leniency in one organization, for correcting a panel's ratings.
    /// Read by everyone who sees a decision; the calibration page itself is for admins.
    public static func leniency(organizationID: UUID, on db: any Database) async throws -> [String: Double] {
        let cards = try await ScorecardModel.query(on: db).filter(\.$organizationID == organizationID).all()
        var result: [String: Double] = [:]
        for reviewer in Calibration.reviewers(try cards.map { try $0.entry() }) { result[reviewer.reviewer] = reviewer.leniency }
        return result
    }

    /// Reviewer leniency and agreement over every scorecard of the caller's organization.
    public static func calibration(scope: TenantScope, on db: any Database) async throws -> [Calibration.Reviewer] {
        try scope.require(.viewAudit)
        let cards = try await ScorecardModel.query(on: db).filter(\.$organizationID == scope.organizationID.rawValue).all()
        return Calibration.reviewers(try cards.map { try $0.entry() })
    }

    static func own(_ application: ApplicationModel, stage: String, scope: TenantScope, on db: any Database) async throws -> ScorecardModel? {
        try await ScorecardModel.query(on: db).filter(\.$application.$id == application.id!).filter(\.$stage == stage)
            .filter(\.$reviewerID == scope.userID.rawValue).first()
    }

    static func revealed(_ application: ApplicationModel, stage: String, scope: TenantScope, on db: any Database) async throws -> Bool {
        try await ScorecardRevealModel.query(on: db).filter(\.$applicationID == application.id!).filter(\.$stage == stage)
            .filter(\.$userID == scope.userID.rawValue).first() != nil
    }
}

extension ScorecardModel {
    /// The engines' view: the reviewer by e-mail, the candidate by application.
    public func entry() throws -> ScorecardEntry {
        let scores = try JSONDecoder().decode([ScorecardEntry.Score].self, from: Data(scores.utf8))
        return ScorecardEntry(reviewer: reviewerLabel, candidate: $application.id.uuidString.lowercased(), stage: stage,
                              recommendation: Recommendation(rawValue: recommendation) ?? .no, scores: scores, notes: notes)
    }
}

extension ScorecardWrites {
    /// Turns blind review on or off for a role's scorecards.
    public static func setBlindReview(_ role: RoleModel, _ on: Bool, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.editRoles)
        guard role.blindReview != on else { return }
        try await db.transaction { tx in
            role.blindReview = on
            try await role.update(on: tx)
            try await AuditLog.record(.update, entityType: "role", entityID: role.id!, organizationID: role.$organization.id,
                                      before: ["blindReview": String(!on)], after: ["blindReview": String(on)],
                                      summary: on ? "turned blind review on" : "turned blind review off", actor: scope.actor, on: tx)
        }
    }

    /// What reviewers call a candidate in blind review: stable per application, says nothing.
    public static func alias(_ application: ApplicationModel) -> String {
        "Candidate \(application.id!.uuidString.prefix(6).uppercased())"
    }
}
