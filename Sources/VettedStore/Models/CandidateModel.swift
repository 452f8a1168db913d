import FluentKit
import Foundation
import VettedDomain

/// A developer or development partner in the operator's talent pool.
public final class CandidateModel: Model, @unchecked Sendable {
    public static let schema = "candidates"

    @ID(key: .id) public var id: UUID?
    /// The operator organization that owns the pool.
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "kind") public var kind: String
    @Field(key: "full_name") public var fullName: String
    @OptionalField(key: "headline") public var headline: String?
    /// Normalized; used to find duplicates.
    @OptionalField(key: "email") public var email: String?
    @OptionalField(key: "phone") public var phone: String?
    @OptionalField(key: "github_handle") public var githubHandle: String?
    /// ISO 3166-1 alpha-2.
    @OptionalField(key: "country") public var country: String?
    @Field(key: "time_zone") public var timeZone: String
    @Field(key: "work_start") public var workStart: String
    @Field(key: "work_end") public var workEnd: String
    @Field(key: "seniority") public var seniority: String
    @Field(key: "years_experience") public var yearsExperience: Int
    @OptionalField(key: "hourly_rate_cents") public var hourlyRateCents: Int?
    @Field(key: "currency") public var currency: String
    @OptionalField(key: "available_from") public var availableFrom: String?
    @OptionalField(key: "hours_per_week") public var hoursPerWeek: Int?
    @Field(key: "engagement_preferences") public var engagementPreferences: [String]
    @OptionalField(key: "english_level") public var englishLevel: String?
    @Field(key: "links") public var links: [String]
    @Field(key: "bio") public var bio: String
    @Field(key: "vetting_status") public var vettingStatus: String
    @OptionalField(key: "vetted_at") public var vettedAt: Date?
    @OptionalField(key: "vetted_by_id") public var vettedByID: UUID?
    @OptionalField(key: "domains") var storedDomains: [String]?
    /// JSON array of `CaseStudy`; text so both databases store it the same way.
    @OptionalField(key: "case_studies") var storedCaseStudies: String?
    @OptionalField(key: "repositories") var storedRepositories: [String]?
    @OptionalField(key: "team_size") public var teamSize: Int?
    @OptionalField(key: "processes") public var processes: String?
    @OptionalField(key: "communication") public var communication: String?
    /// The phone's digits, for duplicate detection across formats.
    @OptionalField(key: "phone_key") public var phoneKey: String?
    /// Ids of profiles merged into this one; their audit history belongs to this profile.
    @OptionalField(key: "merged_from") var storedMergedFrom: [String]?
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    @Children(for: \.$candidate) public var skills: [CandidateSkillModel]

    public init() {}

    public var typedID: CandidateID { .init(id!) }

    public var domains: [String] { storedDomains ?? [] }
    public var repositories: [String] { storedRepositories ?? [] }
    public var mergedFrom: [UUID] { (storedMergedFrom ?? []).compactMap(UUID.init(uuidString:)) }
    public var caseStudies: [CaseStudy] {
        guard let text = storedCaseStudies, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([CaseStudy].self, from: data)) ?? []
    }

    static func encodeCaseStudies(_ studies: [CaseStudy]) -> String? {
        guard !studies.isEmpty else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(studies)).flatMap { String(data: $0, encoding: .utf8) }
    }
}
