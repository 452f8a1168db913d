import Evaluation
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// A trial as the page and the API show it, with its cost: hours logged at the trial's
/// rate against the planned hours, and against the role's budget for the same hours.
struct TrialDTO: Content {
    struct Entry: Content {
        let kind: String
        let hours: Int
        let title: String
        let note: String
        let link: String?
        let author: String
        let createdAt: Date
    }

    let id: String
    let applicationId: String
    let status: String
    let terms: TrialTerms
    let currency: String
    let loggedHours: Int
    let loggedCents: Int
    let plannedCents: Int
    /// The role's hourly budget over the planned hours; nil when the role has none.
    let budgetCents: Int?
    let overPlan: Bool
    let decisionReason: String?
    let decidedBy: String?
    let checkins: [Entry]
    let deliverables: [Entry]

    static func make(_ trial: TrialModel, on db: any Database) async throws -> TrialDTO {
        let terms = try trial.terms
        let role = try await trial.$application.get(on: db).$role.get(on: db)
        let entries = try await TrialWrites.entries(trial, on: db).map {
            Entry(kind: $0.kind, hours: $0.hours, title: $0.title, note: $0.note, link: $0.link, author: $0.author, createdAt: $0.createdAt)
        }
        let logged = entries.filter { $0.kind == "checkin" }.reduce(0) { $0 + $1.hours }
        return TrialDTO(id: trial.id!.uuidString.lowercased(), applicationId: trial.$application.id.uuidString.lowercased(), status: trial.status,
                        terms: terms, currency: trial.currency, loggedHours: logged, loggedCents: terms.cost(loggedHours: logged),
                        plannedCents: terms.plannedCents, budgetCents: role.budgetHourlyCents.map { $0 * terms.plannedHours },
                        overPlan: logged > terms.plannedHours, decisionReason: trial.decisionReason, decidedBy: trial.decidedBy,
                        checkins: entries.filter { $0.kind == "checkin" }, deliverables: entries.filter { $0.kind == "deliverable" })
    }
}

/// The trial form's fields as text, so a refused form comes back as typed.
struct TrialForm: Content {
    var task: String?
    var weeks: String?
    var hourlyCents: String?
    var hoursPerWeek: String?
    var criteria: String?
    var startsOn: String?

    /// A first draft from the role: its summary as the task, its deliverables as criteria.
    static func prefilled(role: RoleModel, candidate: CandidateModel) -> TrialForm {
        TrialForm(task: role.summary.isEmpty ? "" : "A one-week slice of: \(role.summary)", weeks: "1",
                  hourlyCents: candidate.hourlyRateCents.map(String.init), hoursPerWeek: String(min(role.hoursPerWeek ?? 20, 20)),
                  criteria: role.deliverables, startsOn: "")
    }

    func terms() throws(DomainError) -> TrialTerms {
        try TrialTerms(task: task, weeks: weeks, hourlyCents: hourlyCents, hoursPerWeek: hoursPerWeek, criteria: criteria, startsOn: startsOn)
    }
}
