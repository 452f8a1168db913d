import Foundation
import Vapor
import VettedDomain
import VettedStore

/// What the API returns. Field names are the API's contract (see the OpenAPI document).
struct ListResponse<Item: Content>: Content {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int
}

struct RoleDTO: Content {
    let id: String
    let organizationId: String
    let title: String
    let category: String
    let specialties: [String]
    let summary: String
    let features: [String]
    let integrations: [String]
    let deliverables: String
    let ipOwnership: String?
    let startDate: String?
    let durationWeeks: Int?
    let hoursPerWeek: Int?
    let workStart: String
    let workEnd: String
    let timeZone: String
    let overlapHours: Int?
    let budgetHourlyCents: Int?
    let budgetTotalCents: Int?
    let currency: String
    let seniority: String
    let status: String
    let version: Int
    let createdAt: Date?
    let updatedAt: Date?

    init(_ r: RoleModel) {
        id = r.typedID.description
        organizationId = r.$organization.id.uuidString.lowercased()
        title = r.title
        category = r.category
        specialties = r.specialties
        summary = r.summary
        features = r.features
        integrations = r.integrations
        deliverables = r.deliverables
        ipOwnership = r.ipOwnership
        startDate = r.startDate
        durationWeeks = r.durationWeeks
        hoursPerWeek = r.hoursPerWeek
        workStart = r.workStart
        workEnd = r.workEnd
        timeZone = r.timeZone
        overlapHours = r.overlapHours
        budgetHourlyCents = r.budgetHourlyCents
        budgetTotalCents = r.budgetTotalCents
        currency = r.currency
        seniority = r.seniority
        status = r.status
        version = r.version
        createdAt = r.createdAt
        updatedAt = r.updatedAt
    }
}

struct SkillDTO: Content {
    let skillId: String
    let level: Int
    let evidence: String
    let detail: String?
}

struct CandidateDTO: Content {
    let id: String
    let kind: String
    let fullName: String
    let headline: String?
    let email: String?
    let phone: String?
    let githubHandle: String?
    let country: String?
    let timeZone: String
    let workStart: String
    let workEnd: String
    let seniority: String
    let yearsExperience: Int
    let hourlyRateCents: Int?
    let currency: String
    let availableFrom: String?
    let hoursPerWeek: Int?
    let engagementPreferences: [String]
    let englishLevel: String?
    let links: [String]
    let bio: String
    let vettingStatus: String
    let domains: [String]
    let caseStudies: [CaseStudy]
    let repositories: [String]
    let teamSize: Int?
    let processes: String?
    let communication: String?
    /// Ids of duplicate profiles merged into this one.
    let mergedFrom: [String]
    let skills: [SkillDTO]?
    let version: Int
    let createdAt: Date?
    let updatedAt: Date?

    init(_ c: CandidateModel, skills: [SkillClaim]?) {
        id = c.typedID.description
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
        yearsExperience = c.yearsExperience
        hourlyRateCents = c.hourlyRateCents
        currency = c.currency
        availableFrom = c.availableFrom
        hoursPerWeek = c.hoursPerWeek
        engagementPreferences = c.engagementPreferences
        englishLevel = c.englishLevel
        links = c.links
        bio = c.bio
        vettingStatus = c.vettingStatus
        domains = c.domains
        caseStudies = c.caseStudies
        repositories = c.repositories
        teamSize = c.teamSize
        processes = c.processes
        communication = c.communication
        mergedFrom = c.mergedFrom.map { $0.uuidString.lowercased() }
        self.skills = skills?.map { SkillDTO(skillId: $0.skillID, level: $0.level, evidence: $0.evidence.rawValue, detail: $0.detail) }
        version = c.version
        createdAt = c.createdAt
        updatedAt = c.updatedAt
    }
}

struct StageEventDTO: Content {
    let fromStage: String?
    let toStage: String
    let reason: String?
    let override: String?
    let skipped: [String]
    let actor: String
    let occurredAt: Date

    init(_ e: StageEventModel) {
        fromStage = e.fromStage
        toStage = e.toStage
        reason = e.reason
        override = e.overrideReason
        skipped = e.skipped.split(separator: ",").map(String.init)
        actor = e.actorLabel
        occurredAt = e.occurredAt
    }
}

struct ApplicationDTO: Content {
    let id: String
    let roleId: String
    let candidateId: String
    let stage: String
    let stageEnteredAt: Date
    let closedReason: String?
    let version: Int
    let createdAt: Date?

    init(_ a: ApplicationModel) {
        id = a.typedID.description
        roleId = a.$role.id.uuidString.lowercased()
        candidateId = a.$candidate.id.uuidString.lowercased()
        stage = a.stage
        stageEnteredAt = a.stageEnteredAt
        closedReason = a.closedReason
        version = a.version
        createdAt = a.createdAt
    }
}

struct OrganizationDTO: Content {
    let id: String
    let name: String
    let kind: String
    let version: Int

    init(_ o: OrganizationModel) {
        id = o.typedID.description
        name = o.name
        kind = o.kind
        version = o.version
    }
}

struct UserDTO: Content {
    let id: String
    let email: String
    let name: String
    let isActive: Bool
    let memberRole: String?
    let organizationId: String?
    let version: Int

    init(_ u: UserModel, membership: MembershipModel?) {
        id = u.typedID.description
        email = u.email
        name = u.name
        isActive = u.isActive
        memberRole = membership?.memberRole
        organizationId = membership?.$organization.id.uuidString.lowercased()
        version = u.version
    }
}

struct AuditEventDTO: Content {
    struct Change: Content { let field: String; let before: String?; let after: String? }
    let id: String
    let occurredAt: Date
    let actor: String
    let action: String
    let entityType: String
    let entityId: String
    let summary: String
    let changes: [Change]

    init(_ e: AuditEventModel) {
        id = e.id!.uuidString.lowercased()
        occurredAt = e.occurredAt
        actor = e.actorLabel
        action = e.action
        entityType = e.entityType
        entityId = e.entityID.uuidString.lowercased()
        summary = e.summary
        changes = AuditLog.decodeChanges(e.changes).map { Change(field: $0.field, before: $0.before, after: $0.after) }
    }
}
