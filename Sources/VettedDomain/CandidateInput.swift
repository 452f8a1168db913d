import Foundation

/// A developer profile as a user sends it (JSON or form); see `RoleInput` for the rules.
public struct CandidateInput: Codable, Sendable, Equatable {
    public var kind: String?
    public var fullName: String?
    public var headline: String?
    public var email: String?
    public var phone: String?
    public var githubHandle: String?
    public var country: String?
    public var timeZone: String?
    public var workStart: String?
    public var workEnd: String?
    public var seniority: String?
    public var yearsExperience: Int?
    public var hourlyRateCents: Int?
    public var currency: String?
    public var availableFrom: String?
    public var hoursPerWeek: Int?
    public var engagementPreferences: [String]?
    public var englishLevel: String?
    public var links: [String]?
    public var bio: String?
    public var vettingStatus: String?
    /// Industries or problem domains the developer knows (fintech, healthcare, ad-tech).
    public var domains: [String]?
    public var caseStudies: [CaseStudy]?
    /// Repository URLs or paths; analysed for evidence.
    public var repositories: [String]?
    /// Development partners only: people on the team.
    public var teamSize: Int?
    /// Development partners only: how they work (sprints, code review, QA, reporting).
    public var processes: String?
    /// Development partners only: channels, meeting cadence, response times.
    public var communication: String?
    /// Replaces the candidate's skills when present.
    public var skills: [SkillInput]?
    public var version: Int?

    public init() {}
}

/// A piece of past work the candidate points to.
public struct CaseStudy: Codable, Sendable, Equatable, Hashable {
    public var title: String
    public var summary: String
    public var url: String?
    public var domain: String?

    public init(title: String, summary: String = "", url: String? = nil, domain: String? = nil) {
        self.title = title
        self.summary = summary
        self.url = url
        self.domain = domain
    }
}

public struct SkillInput: Codable, Sendable, Equatable {
    public var skillId: String
    public var level: Int?
    public var evidence: String?
    public var detail: String?

    public init(skillId: String, level: Int? = nil, evidence: String? = nil, detail: String? = nil) {
        self.skillId = skillId
        self.level = level
        self.evidence = evidence
        self.detail = detail
    }
}

/// A validated skill claim.
public struct SkillClaim: Sendable, Equatable, Hashable {
    public var skillID: String
    public var level: Int
    public var evidence: EvidenceSource
    public var detail: String?

    public init(skillID: String, level: Int, evidence: EvidenceSource, detail: String? = nil) {
        self.skillID = skillID
        self.level = level
        self.evidence = evidence
        self.detail = detail
    }
}

/// A validated developer profile.
public struct CandidateDraft: Sendable, Equatable {
    public var kind: CandidateKind
    public var fullName: String
    public var headline: String?
    public var email: EmailAddress?
    public var phone: String?
    public var githubHandle: String?
    public var country: String?
    public var timeZone: ZoneName
    public var workStart: LocalTime
    public var workEnd: LocalTime
    public var seniority: Seniority
    public var yearsExperience: Int
    public var hourlyRateCents: Int?
    public var currency: CurrencyCode
    public var availableFrom: LocalDate?
    public var hoursPerWeek: Int?
    public var engagementPreferences: [EngagementModel]
    public var englishLevel: EnglishLevel?
    public var links: [String]
    public var bio: String
    public var vettingStatus: VettingStatus
    public var domains: [String]
    public var caseStudies: [CaseStudy]
    public var repositories: [String]
    public var teamSize: Int?
    public var processes: String?
    public var communication: String?
    /// nil: leave the skills as they are.
    public var skills: [SkillClaim]?

    public static func validate(_ input: CandidateInput, over existing: CandidateDraft? = nil) throws(ValidationFailure) -> CandidateDraft {
        var failure = ValidationFailure()
        let name = Text.required(input.fullName ?? existing?.fullName, field: "fullName", maxLength: 200, failure: &failure)
        let kind: CandidateKind? = Text.parsed(input.kind, existing: existing?.kind ?? .individual, field: "kind", failure: &failure) { t throws(DomainError) in try CandidateKind.parse(t, field: "kind") }
        let zone: ZoneName? = Text.parsed(input.timeZone, existing: existing?.timeZone, field: "timeZone", failure: &failure) { t throws(DomainError) in try ZoneName(t, field: "timeZone") }
        let workStart: LocalTime? = Text.parsed(input.workStart, existing: existing?.workStart ?? LocalTime(hour: 9, minute: 0), field: "workStart", failure: &failure) { t throws(DomainError) in try LocalTime(t, field: "workStart") }
        let workEnd: LocalTime? = Text.parsed(input.workEnd, existing: existing?.workEnd ?? LocalTime(hour: 17, minute: 0), field: "workEnd", failure: &failure) { t throws(DomainError) in try LocalTime(t, field: "workEnd") }
        let seniority: Seniority? = Text.parsed(input.seniority, existing: existing?.seniority ?? .mid, field: "seniority", failure: &failure) { t throws(DomainError) in try Seniority.parse(t, field: "seniority") }
        let currency: CurrencyCode? = Text.parsed(input.currency, existing: existing?.currency ?? .usd, field: "currency", failure: &failure) { t throws(DomainError) in try CurrencyCode(t) }
        let vetting: VettingStatus? = Text.parsed(input.vettingStatus, existing: existing?.vettingStatus ?? .unvetted, field: "vettingStatus", failure: &failure) { t throws(DomainError) in try VettingStatus.parse(t, field: "vettingStatus") }
        let email: EmailAddress?? = Text.optionalParsed(input.email, existing: existing?.email, failure: &failure) { t throws(DomainError) in try EmailAddress(t) }
        let english: EnglishLevel?? = Text.optionalParsed(input.englishLevel, existing: existing?.englishLevel, failure: &failure) { t throws(DomainError) in try EnglishLevel.parse(t, field: "englishLevel") }
        let available: LocalDate?? = Text.optionalParsed(input.availableFrom, existing: existing?.availableFrom, failure: &failure) { t throws(DomainError) in try LocalDate(t, field: "availableFrom") }
        let country: String?? = Text.optionalParsed(input.country, existing: existing?.country, failure: &failure) { t throws(DomainError) in
            let upper = t.uppercased()
            guard upper.count == 2, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw .invalid(field: "country", message: "country must be a two-letter ISO 3166 code such as DE; got '\(t)'")
            }
            return upper
        }
        if let s = workStart, let e = workEnd, e <= s {
            failure.add(field: "workEnd", "workEnd must be after workStart (\(s)); overnight windows are not supported yet")
        }
        let years = Text.number(input.yearsExperience, existing: existing?.yearsExperience ?? 0, field: "yearsExperience", range: 0...70, failure: &failure)
        let rate = Text.number(input.hourlyRateCents, existing: existing?.hourlyRateCents, field: "hourlyRateCents", range: 0...10_000_000, failure: &failure)
        let hours = Text.number(input.hoursPerWeek, existing: existing?.hoursPerWeek, field: "hoursPerWeek", range: 1...80, failure: &failure)
        var preferences: [EngagementModel] = existing?.engagementPreferences ?? []
        if let given = input.engagementPreferences {
            preferences = Text.list(given, existing: nil).compactMap { t in
                failure.check { () throws(DomainError) in try EngagementModel.parse(t, field: "engagementPreferences") }
            }
        }
        let teamSize = Text.number(input.teamSize, existing: existing?.teamSize, field: "teamSize", range: 1...100_000, failure: &failure)
        if teamSize != nil, input.teamSize != nil, (kind ?? .individual) == .individual {
            failure.add(field: "teamSize", "team size is for development partners; set kind to 'partner' or leave teamSize out")
        }
        var caseStudies = existing?.caseStudies ?? []
        if let given = input.caseStudies {
            caseStudies = []
            for (index, study) in given.enumerated() {
                let title = study.title.trimmed
                guard !title.isEmpty, title.count <= 200 else {
                    failure.add(field: "caseStudies[\(index)].title", "a case study needs a title of 1 to 200 characters")
                    continue
                }
                caseStudies.append(CaseStudy(title: title, summary: study.summary.trimmed,
                                             url: Text.trimmed(study.url), domain: Text.trimmed(study.domain)?.lowercased()))
            }
        }
        var skills: [SkillClaim]? = existing?.skills
        if let given = input.skills {
            skills = validateSkills(given, failure: &failure)
        }
        try failure.throwIfAny()
        return CandidateDraft(
            kind: kind!, fullName: name!, headline: Text.optionalText(input.headline, existing: existing?.headline),
            email: email!, phone: Text.optionalText(input.phone, existing: existing?.phone),
            githubHandle: Text.optionalText(input.githubHandle, existing: existing?.githubHandle).map { $0.lowercased() },
            country: country!, timeZone: zone!, workStart: workStart!, workEnd: workEnd!,
            seniority: seniority!, yearsExperience: years!, hourlyRateCents: rate, currency: currency!,
            availableFrom: available!, hoursPerWeek: hours, engagementPreferences: preferences,
            englishLevel: english!, links: Text.list(input.links, existing: existing?.links),
            bio: input.bio ?? existing?.bio ?? "", vettingStatus: vetting!,
            domains: Text.list(input.domains, existing: existing?.domains).map { $0.lowercased() },
            caseStudies: caseStudies, repositories: Text.list(input.repositories, existing: existing?.repositories),
            teamSize: teamSize, processes: Text.optionalText(input.processes, existing: existing?.processes),
            communication: Text.optionalText(input.communication, existing: existing?.communication), skills: skills
        )
    }

    static func validateSkills(_ given: [SkillInput], failure: inout ValidationFailure) -> [SkillClaim] {
        var claims: [SkillClaim] = []
        for (index, skill) in given.enumerated() {
            // Named only when something is wrong: an import validates 600,000 skills.
            var field: String { "skills[\(index)]" }
            let id = skill.skillId.trimmed.lowercased()
            // ASCII only, so its byte count is its length.
            guard !id.isEmpty, id.utf8.allSatisfy({ b in (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x2B || b == 0x5F }),
                  id.utf8.count <= 80
            else {
                failure.add(field: field + ".skillId", "skill ids are lower-case words joined by '-', such as 'scikit-learn'; got '\(skill.skillId)'")
                continue
            }
            let level = skill.level ?? 3
            guard (1...5).contains(level) else {
                failure.add(field: field + ".level", "skill level must be 1 to 5; got \(level)")
                continue
            }
            guard let evidence = EvidenceSource(rawValue: skill.evidence ?? "claimed")
                    ?? failure.check({ () throws(DomainError) in try EvidenceSource.parse(skill.evidence ?? "claimed", field: field + ".evidence") })
            else { continue }
            // A handful of skills a profile: a scan beats hashing into a set.
            guard !claims.contains(where: { $0.skillID == id && $0.evidence == evidence }) else { continue }
            claims.append(SkillClaim(skillID: id, level: level, evidence: evidence, detail: Text.trimmed(skill.detail)))
        }
        return claims
    }
}

extension Text {
    static func optionalText(_ text: String?, existing: String?) -> String? {
        guard let text else { return existing }
        return trimmed(text)
    }
}
