import Fluent
import Foundation
import Planning
import Taxonomy
import VettedDomain
import VettedStore

/// The bridge between a role and its checklist: generate one from the brief, check an
/// edited one against the taxonomy, and read the saved one.
enum RoleChecklist {
    static func request(for draft: RoleDraft) -> ChecklistRequest {
        var request = ChecklistRequest(category: draft.category)
        request.specialties = draft.specialties.filter { ChecklistBuilder.specialties[$0.lowercased()] != nil }
        request.integrations = draft.integrations
        request.features = draft.features
        request.summary = draft.summary
        request.seniority = draft.seniority
        request.deliverables = draft.deliverables
        request.hasTimeline = draft.startDate != nil && draft.durationWeeks != nil
        request.hasIPOwnership = draft.ipOwnership != nil
        request.hasBudget = draft.budgetHourlyCents != nil || draft.budgetTotalCents != nil
        request.hasOverlapRequirement = draft.overlapHours != nil
        return request
    }

    /// The advisor's view of a role: a role without a duration is advised as 12 weeks, and
    /// days until start count in the role's own zone.
    static func advisorRequest(for draft: RoleDraft, today: Date = Date()) -> AdvisorRequest {
        var daysUntilStart = 0
        if let start = draft.startDate {
            let startDay = RolePlan.noon(start, zone: draft.timeZone)
            let todayNoon = RolePlan.noon(RolePlan.localDate(today, zone: draft.timeZone), zone: draft.timeZone)
            daysUntilStart = max(0, Int((startDay.timeIntervalSince(todayNoon) / 86_400).rounded()))
        }
        var request = AdvisorRequest(category: draft.category, level: draft.seniority, durationWeeks: draft.durationWeeks ?? 12,
                                     hoursPerWeek: draft.hoursPerWeek ?? 40, daysUntilStart: daysUntilStart,
                                     clientOwnsIP: draft.ipOwnership == .client, fixedScope: !draft.deliverables.isEmpty,
                                     overlapHours: draft.overlapHours ?? 0, budgetHourlyCents: draft.budgetHourlyCents)
        request.region = ClientRegion(zone: draft.timeZone)
        return request
    }

    static func generate(for draft: RoleDraft) -> Checklist? {
        try? ChecklistBuilder().build(request(for: draft))
    }

    static func lines(_ checklist: Checklist) -> [ChecklistWrites.Line] {
        checklist.mustHave.map { .init(skillId: $0.id, mustHave: true, reason: $0.reason) }
            + checklist.niceToHave.map { .init(skillId: $0.id, mustHave: false, reason: $0.reason) }
    }

    /// Saves the generated checklist of a new role.
    static func saveGenerated(for role: RoleModel, scope: TenantScope, on db: any Database) async throws {
        guard let checklist = generate(for: role.draft) else { return }
        try await ChecklistWrites.replace(role.typedID, with: lines(checklist), scope: scope, on: db)
    }

    /// Items as a person edits them; skills may be written by id, name or alias.
    struct EditedItem: Codable, Sendable {
        var skillId: String
        var reason: String?
    }

    static func validate(mustHave: [EditedItem], niceToHave: [EditedItem]) throws(ValidationFailure) -> [ChecklistWrites.Line] {
        var failure = ValidationFailure()
        var lines: [ChecklistWrites.Line] = []
        for (list, items, must) in [("mustHave", mustHave, true), ("niceToHave", niceToHave, false)] {
            for (index, item) in items.enumerated() {
                guard let skill = Taxonomy.standard.resolve(item.skillId) else {
                    failure.add(field: "\(list)[\(index)].skillId", "'\(item.skillId)' is not a skill in the taxonomy")
                    continue
                }
                let reason = item.reason?.trimmingCharacters(in: .whitespaces) ?? ""
                lines.append(.init(skillId: skill.id, mustHave: must, reason: reason.isEmpty ? "added by hand" : reason))
            }
        }
        if lines.filter(\.mustHave).isEmpty && failure.isEmpty {
            failure.add(field: "mustHave", "a checklist needs at least one must-have skill")
        }
        try failure.throwIfAny()
        return lines
    }

    /// "skill: reason" per line, as the edit form writes them.
    static func parse(_ text: String) -> [EditedItem] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            let parts = trimmed.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return EditedItem(skillId: parts[0], reason: parts.count > 1 ? parts[1] : nil)
        }
    }

    static func text(_ lines: [ChecklistWrites.Line], mustHave: Bool) -> String {
        lines.filter { $0.mustHave == mustHave }.map { "\($0.skillId): \($0.reason)" }.joined(separator: "\n")
    }
}
