import Foundation
import VettedDomain

extension CandidateModel {
    func apply(_ draft: CandidateDraft) {
        kind = draft.kind.rawValue
        fullName = draft.fullName
        headline = draft.headline
        email = draft.email?.value
        phone = draft.phone
        githubHandle = draft.githubHandle
        country = draft.country
        timeZone = draft.timeZone.identifier
        workStart = draft.workStart.description
        workEnd = draft.workEnd.description
        seniority = draft.seniority.rawValue
        yearsExperience = draft.yearsExperience
        hourlyRateCents = draft.hourlyRateCents
        currency = draft.currency.code
        availableFrom = draft.availableFrom?.description
        hoursPerWeek = draft.hoursPerWeek
        engagementPreferences = draft.engagementPreferences.map(\.rawValue)
        englishLevel = draft.englishLevel?.rawValue
        links = draft.links
        bio = draft.bio
        vettingStatus = draft.vettingStatus.rawValue
        storedDomains = draft.domains
        storedCaseStudies = Self.encodeCaseStudies(draft.caseStudies)
        storedRepositories = draft.repositories
        teamSize = draft.teamSize
        processes = draft.processes
        communication = draft.communication
        phoneKey = PhoneKey.make(draft.phone)
    }

    /// The stored profile as input (skills not included), as an edit or an export starts from it.
    public var input: CandidateInput {
        var input = CandidateInput()
        input.kind = kind
        input.fullName = fullName
        input.headline = headline
        input.email = email
        input.phone = phone
        input.githubHandle = githubHandle
        input.country = country
        input.timeZone = timeZone
        input.workStart = workStart
        input.workEnd = workEnd
        input.seniority = seniority
        input.yearsExperience = yearsExperience
        input.hourlyRateCents = hourlyRateCents
        input.currency = currency
        input.availableFrom = availableFrom
        input.hoursPerWeek = hoursPerWeek
        input.engagementPreferences = engagementPreferences
        input.englishLevel = englishLevel
        input.links = links
        input.bio = bio
        input.vettingStatus = vettingStatus
        input.domains = domains
        input.caseStudies = caseStudies
        input.repositories = repositories
        input.teamSize = teamSize
        input.processes = processes
        input.communication = communication
        return input
    }

    /// The stored profile as a draft (skills not included: `nil` keeps them).
    public var draft: CandidateDraft { try! CandidateDraft.validate(input) }

    var auditSnapshot: AuditSnapshot {
        var s: AuditSnapshot = [
            "kind": kind, "fullName": fullName, "timeZone": timeZone, "workStart": workStart, "workEnd": workEnd,
            "seniority": seniority, "yearsExperience": String(yearsExperience), "currency": currency,
            "engagementPreferences": engagementPreferences.joined(separator: ", "),
            "links": links.joined(separator: " "), "bio": bio, "vettingStatus": vettingStatus,
        ]
        s["headline"] = headline
        s["email"] = email
        s["phone"] = phone
        s["githubHandle"] = githubHandle
        s["country"] = country
        s["hourlyRateCents"] = hourlyRateCents.map(String.init)
        s["availableFrom"] = availableFrom
        s["hoursPerWeek"] = hoursPerWeek.map(String.init)
        s["englishLevel"] = englishLevel
        s["domains"] = domains.isEmpty ? nil : domains.joined(separator: ", ")
        s["caseStudies"] = caseStudies.isEmpty ? nil : caseStudies.map(\.title).joined(separator: "; ")
        s["repositories"] = repositories.isEmpty ? nil : repositories.joined(separator: " ")
        s["teamSize"] = teamSize.map(String.init)
        s["processes"] = processes
        s["communication"] = communication
        return s
    }
}
