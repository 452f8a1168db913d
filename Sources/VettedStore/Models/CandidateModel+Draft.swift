import Foundation
import VettedDomain

extension CandidateModel {
    func apply(_ draft: CandidateDraft) {
        assign(CandidateColumnValues(draft))
    }

    func assign(_ v: CandidateColumnValues) {
        kind = v.kind
        fullName = v.fullName
        headline = v.headline
        email = v.email
        phone = v.phone
        githubHandle = v.githubHandle
        country = v.country
        timeZone = v.timeZone
        workStart = v.workStart
        workEnd = v.workEnd
        seniority = v.seniority
        yearsExperience = v.yearsExperience
        hourlyRateCents = v.hourlyRateCents
        currency = v.currency
        availableFrom = v.availableFrom
        hoursPerWeek = v.hoursPerWeek
        engagementPreferences = v.engagementPreferences
        englishLevel = v.englishLevel
        links = v.links
        bio = v.bio
        vettingStatus = v.vettingStatus
        storedDomains = v.domains
        storedCaseStudies = v.caseStudies
        storedRepositories = v.repositories
        teamSize = v.teamSize
        processes = v.processes
        communication = v.communication
        phoneKey = v.phoneKey
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

    var auditSnapshot: AuditSnapshot { CandidateColumnValues(self).auditSnapshot }
}
