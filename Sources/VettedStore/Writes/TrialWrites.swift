import Evaluation
import FluentKit
import Foundation
import VettedDomain

/// The paid trial as a tracked stage: terms agreed when it starts, check-ins and
/// deliverables while it runs, and a decision (convert to an offer, or close) that needs
/// the end-of-trial review on the scorecard scale first.
public enum TrialWrites {
    public static func start(_ application: ApplicationModel, terms: TrialTerms, currency: String, scope: TenantScope, on db: any Database) async throws -> TrialModel {
        try scope.require(.manageApplications)
        guard application.stage == Pipeline.paidTrial else {
            throw DomainError.invalid(field: "stage", message: "move the candidate to Paid trial before starting one (they are at \(try await application.$role.get(on: db).pipeline.name(of: application.stage)))")
        }
        let json = String(decoding: try JSONEncoder().encode(terms), as: UTF8.self)
        return try await db.transaction { tx in
            if try await current(application, on: tx)?.status == TrialModel.Status.running.rawValue {
                throw DomainError.duplicate(field: "applicationId", message: "this candidate's trial is already running")
            }
            let trial = TrialModel()
            trial.id = TrialID().rawValue
            trial.$application.id = application.id!
            trial.organizationID = application.$organization.id
            trial.termsJSON = json
            trial.currency = currency
            trial.status = TrialModel.Status.running.rawValue
            trial.createdBy = scope.userEmail
            trial.createdAt = Date()
            try await trial.create(on: tx)
            try await AuditLog.record(.create, entityType: "trial", entityID: trial.id!, organizationID: trial.organizationID, before: nil,
                                      after: ["weeks": String(terms.weeks), "hourlyCents": String(terms.hourlyCents), "hoursPerWeek": String(terms.hoursPerWeek),
                                              "startsOn": terms.startsOn.description, "task": terms.task],
                                      summary: "started a \(terms.weeks)-week paid trial: \(terms.task)", actor: scope.actor, on: tx)
            return trial
        }
    }

    public static func checkIn(_ trial: TrialModel, hours: Int, note: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        try requireRunning(trial)
        guard (0...80).contains(hours) else { throw DomainError.invalid(field: "hours", message: "a check-in logs 0 to 80 hours; got \(hours)") }
        let text = note.trimmed
        guard !text.isEmpty else { throw DomainError.invalid(field: "note", message: "write how the trial is going: progress, blockers, communication") }
        try await add(trial, kind: "checkin", hours: hours, title: "", note: text, link: nil, scope: scope, on: db,
                      summary: "trial check-in: \(hours) h — \(text.prefix(80))")
    }

    public static func deliver(_ trial: TrialModel, title: String, link: String?, note: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        try requireRunning(trial)
        let name = title.trimmed
        guard !name.isEmpty else { throw DomainError.invalid(field: "title", message: "name the deliverable (e.g. 'pull request: ingestion pipeline')") }
        let url = link?.trimmed ?? ""
        if !url.isEmpty, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || url.contains(" ") {
            throw DomainError.invalid(field: "link", message: "the link must be an http(s) address; got '\(url)'")
        }
        try await add(trial, kind: "deliverable", hours: 0, title: name, note: note.trimmed, link: url.isEmpty ? nil : url, scope: scope, on: db,
                      summary: "trial deliverable handed in: \(name)")
    }

    /// Converts (the application moves to Offer) or closes (it moves to Closed with the
    /// reason). The trial must have been reviewed: a Paid trial scorecard exists.
    public static func decide(_ trial: TrialModel, _ decision: TrialDecision, reason: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        try requireRunning(trial)
        let why = reason.trimmed
        guard !why.isEmpty else { throw DomainError.invalid(field: "reason", message: "say why the trial ends this way") }
        let reviews = try await ScorecardModel.query(on: db).filter(\.$application.$id == trial.$application.id).filter(\.$stage == Pipeline.paidTrial).count()
        guard reviews > 0 else {
            throw DomainError.invalid(field: "decision", message: "review the trial first: submit a Paid trial scorecard, then decide")
        }
        try await db.transaction { tx in
            let application = try await trial.$application.get(on: tx)
            trial.status = decision == .convert ? TrialModel.Status.converted.rawValue : TrialModel.Status.closed.rawValue
            trial.decisionReason = why
            trial.decidedBy = scope.userEmail
            trial.decidedAt = Date()
            try await trial.update(on: tx)
            try await AuditLog.record(.update, entityType: "trial", entityID: trial.id!, organizationID: trial.organizationID,
                                      before: ["status": TrialModel.Status.running.rawValue], after: ["status": trial.status, "reason": why],
                                      summary: decision == .convert ? "converted the trial to an offer: \(why)" : "closed after the trial: \(why)", actor: scope.actor, on: tx)
            let input = decision == .convert
                ? ApplicationWrites.Input(stage: Pipeline.offer, version: application.version)
                : ApplicationWrites.Input(stage: Pipeline.closed, closedReason: "after the paid trial: \(why)", version: application.version)
            _ = try await ApplicationWrites.move(application, input: input, actor: scope.actor, on: tx)
        }
    }

    public static func current(_ application: ApplicationModel, on db: any Database) async throws -> TrialModel? {
        try await TrialModel.query(on: db).filter(\.$application.$id == application.id!).sort(\.$createdAt, .descending).first()
    }

    public static func entries(_ trial: TrialModel, on db: any Database) async throws -> [TrialEntryModel] {
        try await TrialEntryModel.query(on: db).filter(\.$trialID == trial.id!).sort(\.$createdAt).all()
    }

    static func requireRunning(_ trial: TrialModel) throws {
        guard trial.status == TrialModel.Status.running.rawValue else {
            throw DomainError.conflict(entity: "trial", message: "the trial has ended (\(trial.status)); nothing more can be added")
        }
    }

    static func add(_ trial: TrialModel, kind: String, hours: Int, title: String, note: String, link: String?, scope: TenantScope,
                    on db: any Database, summary: String) async throws {
        guard note.count <= 4000 else { throw DomainError.invalid(field: "note", message: "notes are limited to 4000 characters") }
        try await db.transaction { tx in
            let entry = TrialEntryModel()
            entry.id = UUID()
            entry.trialID = trial.id!
            entry.kind = kind
            entry.hours = hours
            entry.title = title
            entry.note = note
            entry.link = link
            entry.author = scope.userEmail
            entry.createdAt = Date()
            try await entry.create(on: tx)
            try await AuditLog.record(.create, entityType: "trial-entry", entityID: entry.id!, organizationID: trial.organizationID, before: nil,
                                      after: ["kind": kind, "hours": String(hours), "title": title], summary: summary, actor: scope.actor, on: tx)
        }
    }
}
