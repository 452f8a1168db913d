import Foundation
import VettedDomain

/// A profile's stored columns as plain values. `CandidateModel.apply` copies them into the
/// model and its audit snapshot is taken from them; a bulk import writes them straight into
/// rows, because setting and reading some thirty Fluent property wrappers per profile costs
/// more than SQLite takes to store it.
struct CandidateColumnValues: Equatable, Sendable {
    var kind: String
    var fullName: String
    var headline: String?
    var email: String?
    var phone: String?
    var githubHandle: String?
    var country: String?
    var timeZone: String
    var workStart: String
    var workEnd: String
    var seniority: String
    var yearsExperience: Int
    var hourlyRateCents: Int?
    var currency: String
    var availableFrom: String?
    var hoursPerWeek: Int?
    var engagementPreferences: [String]
    var englishLevel: String?
    var links: [String]
    var bio: String
    var vettingStatus: String
    var domains: [String]
    /// The case studies as stored (sorted-key JSON) and their titles, which the audit log shows.
    var caseStudies: String?
    var caseStudyTitles: [String]
    var repositories: [String]
    var teamSize: Int?
    var processes: String?
    var communication: String?
    var phoneKey: String?

    init(_ draft: CandidateDraft) {
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
        domains = draft.domains
        caseStudies = CandidateModel.encodeCaseStudies(draft.caseStudies)
        caseStudyTitles = draft.caseStudies.map(\.title)
        repositories = draft.repositories
        teamSize = draft.teamSize
        processes = draft.processes
        communication = draft.communication
        phoneKey = PhoneKey.make(draft.phone)
    }

    init(_ m: CandidateModel) {
        kind = m.kind
        fullName = m.fullName
        headline = m.headline
        email = m.email
        phone = m.phone
        githubHandle = m.githubHandle
        country = m.country
        timeZone = m.timeZone
        workStart = m.workStart
        workEnd = m.workEnd
        seniority = m.seniority
        yearsExperience = m.yearsExperience
        hourlyRateCents = m.hourlyRateCents
        currency = m.currency
        availableFrom = m.availableFrom
        hoursPerWeek = m.hoursPerWeek
        engagementPreferences = m.engagementPreferences
        englishLevel = m.englishLevel
        links = m.links
        bio = m.bio
        vettingStatus = m.vettingStatus
        domains = m.domains
        caseStudies = m.storedCaseStudies
        caseStudyTitles = m.caseStudies.map(\.title)
        repositories = m.repositories
        teamSize = m.teamSize
        processes = m.processes
        communication = m.communication
        phoneKey = m.phoneKey
    }

    /// What the audit log compares between two versions of a profile.
    var auditSnapshot: AuditSnapshot {
        Dictionary(uniqueKeysWithValues: auditFields())
    }

    /// The audited fields and `extra` ones, sorted by name, the empty optional ones left
    /// out: what `auditSnapshot` holds, as pairs, so a bulk writer need not hash and sort
    /// a dictionary per row.
    func auditFields(adding extra: [(String, String)] = []) -> [(String, String)] {
        var f: [(String, String)] = [
            ("kind", kind), ("fullName", fullName), ("timeZone", timeZone), ("workStart", workStart), ("workEnd", workEnd),
            ("seniority", seniority), ("yearsExperience", String(yearsExperience)), ("currency", currency),
            ("engagementPreferences", engagementPreferences.joined(separator: ", ")),
            ("links", links.joined(separator: " ")), ("bio", bio), ("vettingStatus", vettingStatus),
        ]
        f.reserveCapacity(f.count + 14 + extra.count)
        func add(_ key: String, _ value: String?) { if let value { f.append((key, value)) } }
        add("headline", headline)
        add("email", email)
        add("phone", phone)
        add("githubHandle", githubHandle)
        add("country", country)
        add("hourlyRateCents", hourlyRateCents.map(String.init))
        add("availableFrom", availableFrom)
        add("hoursPerWeek", hoursPerWeek.map(String.init))
        add("englishLevel", englishLevel)
        add("domains", domains.isEmpty ? nil : domains.joined(separator: ", "))
        add("caseStudies", caseStudyTitles.isEmpty ? nil : caseStudyTitles.joined(separator: "; "))
        add("repositories", repositories.isEmpty ? nil : repositories.joined(separator: " "))
        add("teamSize", teamSize.map(String.init))
        add("processes", processes)
        add("communication", communication)
        f.append(contentsOf: extra)
        f.sort { $0.0 < $1.0 }
        return f
    }
}
