import Vapor
import VettedDomain
import VettedStore

/// The candidate form as typed. Skills are written `python:4, pytorch, pandas:3`
/// (level 1–5, default 3); their evidence on this form is "claimed".
struct CandidateForm: Content {
    var kind: String?
    var fullName: String?
    var headline: String?
    var email: String?
    var phone: String?
    var githubHandle: String?
    var country: String?
    var timeZone: String?
    var workStart: String?
    var workEnd: String?
    var seniority: String?
    var yearsExperience: String?
    var hourlyRate: String?
    var currency: String?
    var availableFrom: String?
    var hoursPerWeek: String?
    var engagementPreferences: String?
    var englishLevel: String?
    var links: String?
    var bio: String?
    var vettingStatus: String?
    var skills: String?
    var domains: String?
    var repositories: String?
    /// One case study per line: `title | url | summary` (url and summary optional).
    var caseStudies: String?
    var teamSize: String?
    var processes: String?
    var communication: String?
    var version: String?

    init() {}

    init(_ c: CandidateModel, skills: [SkillClaim]) {
        kind = c.kind
        fullName = c.fullName
        headline = c.headline
        email = c.email
        phone = c.phone
        githubHandle = c.githubHandle
        country = c.country
        timeZone = c.timeZone
        workStart = c.workStart
        workEnd = c.workEnd
        seniority = c.seniority
        yearsExperience = String(c.yearsExperience)
        hourlyRate = FormParsing.dollars(c.hourlyRateCents)
        currency = c.currency
        availableFrom = c.availableFrom
        hoursPerWeek = c.hoursPerWeek.map(String.init)
        engagementPreferences = c.engagementPreferences.joined(separator: ", ")
        englishLevel = c.englishLevel
        links = c.links.joined(separator: "\n")
        bio = c.bio
        vettingStatus = c.vettingStatus
        // Only claimed skills are edited here; stronger evidence comes from its own source.
        self.skills = skills.filter { $0.evidence == .claimed }.map { "\($0.skillID):\($0.level)" }.joined(separator: ", ")
        domains = c.domains.joined(separator: ", ")
        repositories = c.repositories.joined(separator: "\n")
        caseStudies = c.caseStudies.map { [$0.title, $0.url ?? "", $0.summary].joined(separator: " | ") }.joined(separator: "\n")
        teamSize = c.teamSize.map(String.init)
        processes = c.processes
        communication = c.communication
        version = String(c.version)
    }

    func input(keeping evidenced: [SkillClaim], failure: inout ValidationFailure) -> CandidateInput {
        var input = CandidateInput()
        input.kind = kind
        input.fullName = fullName ?? ""
        input.headline = headline ?? ""
        input.email = email ?? ""
        input.phone = phone ?? ""
        input.githubHandle = githubHandle ?? ""
        input.country = country ?? ""
        input.timeZone = timeZone
        input.workStart = workStart
        input.workEnd = workEnd
        input.seniority = seniority
        input.yearsExperience = FormParsing.integer(yearsExperience, field: "yearsExperience", failure: &failure)
        input.hourlyRateCents = FormParsing.cents(hourlyRate, field: "hourlyRate", failure: &failure)
        input.currency = currency
        input.availableFrom = availableFrom ?? ""
        input.hoursPerWeek = FormParsing.integer(hoursPerWeek, field: "hoursPerWeek", failure: &failure)
        input.engagementPreferences = FormParsing.list(engagementPreferences)
        input.englishLevel = englishLevel ?? ""
        input.links = FormParsing.lines(links)
        input.bio = bio ?? ""
        input.vettingStatus = vettingStatus
        var claimed: [SkillInput] = []
        for item in FormParsing.list(skills) {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            var level: Int? = nil
            if parts.count == 2 {
                guard let n = Int(parts[1]) else {
                    failure.add(field: "skills", "skill levels are numbers 1–5, written like python:4; got '\(item)'")
                    continue
                }
                level = n
            }
            claimed.append(SkillInput(skillId: parts[0].replacingOccurrences(of: " ", with: "-"), level: level, evidence: "claimed"))
        }
        input.skills = claimed + evidenced.filter { $0.evidence != .claimed }
            .map { SkillInput(skillId: $0.skillID, level: $0.level, evidence: $0.evidence.rawValue, detail: $0.detail) }
        input.domains = FormParsing.list(domains)
        input.repositories = FormParsing.lines(repositories)
        input.caseStudies = FormParsing.lines(caseStudies).map { line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return CaseStudy(title: parts[0], summary: parts.count > 2 ? parts[2...].joined(separator: " | ") : "",
                             url: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
        }
        input.teamSize = FormParsing.integer(teamSize, field: "teamSize", failure: &failure)
        input.processes = processes ?? ""
        input.communication = communication ?? ""
        input.version = FormParsing.integer(version, field: "version", failure: &failure)
        return input
    }
}

struct CandidateFormContext: Encodable {
    let layout: Layout
    let action: String
    let heading: String
    let form: CandidateForm
    let errors: [String: String]
    let kinds: [Option]
    let seniorities: [Option]
    let englishLevels: [Option]
    let vettingStatuses: [Option]
    let cancel: String

    init(layout: Layout, action: String, heading: String, form: CandidateForm, failure: ValidationFailure?, cancel: String) {
        self.layout = layout
        self.action = action
        self.heading = heading
        self.form = form
        var errors = [String: String]()
        for issue in failure?.issues ?? [] {
            let field = issue.field.hasPrefix("skills") ? "skills" : issue.field.hasPrefix("caseStudies") ? "caseStudies" : issue.field == "hourlyRateCents" ? "hourlyRate" : issue.field
            if errors[field] == nil { errors[field] = issue.message }
        }
        self.errors = errors
        kinds = Option.list(CandidateKind.self, selected: form.kind ?? CandidateKind.individual.rawValue)
        seniorities = Option.list(Seniority.self, selected: form.seniority ?? Seniority.mid.rawValue)
        englishLevels = Option.list(EnglishLevel.self, selected: form.englishLevel, includeEmpty: true)
        vettingStatuses = Option.list(VettingStatus.self, selected: form.vettingStatus ?? VettingStatus.unvetted.rawValue)
        self.cancel = cancel
    }
}
