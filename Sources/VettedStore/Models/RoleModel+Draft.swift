import Foundation
import VettedDomain

extension RoleModel {
    func apply(_ draft: RoleDraft) {
        title = draft.title
        category = draft.category.rawValue
        specialties = draft.specialties
        summary = draft.summary
        features = draft.features
        integrations = draft.integrations
        deliverables = draft.deliverables
        ipOwnership = draft.ipOwnership?.rawValue
        startDate = draft.startDate?.description
        durationWeeks = draft.durationWeeks
        hoursPerWeek = draft.hoursPerWeek
        workStart = draft.workStart.description
        workEnd = draft.workEnd.description
        timeZone = draft.timeZone.identifier
        overlapHours = draft.overlapHours
        budgetHourlyCents = draft.budgetHourlyCents
        budgetTotalCents = draft.budgetTotalCents
        currency = draft.currency.code
        seniority = draft.seniority.rawValue
        status = draft.status.rawValue
    }

    /// The stored brief as a draft, to lay an update over. Stored values were validated
    /// on the way in, so re-validating them cannot fail.
    public var draft: RoleDraft {
        var input = RoleInput()
        input.title = title
        input.category = category
        input.specialties = specialties
        input.summary = summary
        input.features = features
        input.integrations = integrations
        input.deliverables = deliverables
        input.ipOwnership = ipOwnership
        input.startDate = startDate
        input.durationWeeks = durationWeeks
        input.hoursPerWeek = hoursPerWeek
        input.workStart = workStart
        input.workEnd = workEnd
        input.timeZone = timeZone
        input.overlapHours = overlapHours
        input.budgetHourlyCents = budgetHourlyCents
        input.budgetTotalCents = budgetTotalCents
        input.currency = currency
        input.seniority = seniority
        input.status = status
        return try! RoleDraft.validate(input)
    }

    var auditSnapshot: AuditSnapshot {
        var s: AuditSnapshot = [
            "title": title, "category": category, "specialties": specialties.joined(separator: ", "),
            "summary": summary, "features": features.joined(separator: ", "),
            "integrations": integrations.joined(separator: ", "), "deliverables": deliverables,
            "workStart": workStart, "workEnd": workEnd, "timeZone": timeZone, "currency": currency,
            "seniority": seniority, "status": status, "organizationId": $organization.id.uuidString.lowercased(),
        ]
        s["ipOwnership"] = ipOwnership
        s["startDate"] = startDate
        s["durationWeeks"] = durationWeeks.map(String.init)
        s["hoursPerWeek"] = hoursPerWeek.map(String.init)
        s["overlapHours"] = overlapHours.map(String.init)
        s["budgetHourlyCents"] = budgetHourlyCents.map(String.init)
        s["budgetTotalCents"] = budgetTotalCents.map(String.init)
        return s
    }
}
