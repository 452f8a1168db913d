import Evaluation
import FluentKit
import Foundation
import VettedDomain

/// A job brief: what a client needs built, by whom, when, where and for how much.
/// (What a user may do is a `MembershipModel.memberRole`, never this.)
public final class RoleModel: Model, @unchecked Sendable {
    public static let schema = "roles"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "title") public var title: String
    @Field(key: "category") public var category: String
    @Field(key: "specialties") public var specialties: [String]
    @Field(key: "summary") public var summary: String
    // Scope: features and modules, integrations, deliverables, who owns the IP.
    @Field(key: "features") public var features: [String]
    @Field(key: "integrations") public var integrations: [String]
    @Field(key: "deliverables") public var deliverables: String
    @OptionalField(key: "ip_ownership") public var ipOwnership: String?
    // Timeline.
    @OptionalField(key: "start_date") public var startDate: String?
    @OptionalField(key: "duration_weeks") public var durationWeeks: Int?
    @OptionalField(key: "hours_per_week") public var hoursPerWeek: Int?
    // Working hours in the client's zone and how many must overlap.
    @Field(key: "work_start") public var workStart: String
    @Field(key: "work_end") public var workEnd: String
    @Field(key: "time_zone") public var timeZone: String
    @OptionalField(key: "overlap_hours") public var overlapHours: Int?
    // Budget: an hourly cap, a total, or both; cents of `currency`.
    @OptionalField(key: "budget_hourly_cents") public var budgetHourlyCents: Int?
    @OptionalField(key: "budget_total_cents") public var budgetTotalCents: Int?
    @Field(key: "currency") public var currency: String
    @Field(key: "seniority") public var seniority: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "created_by_id") public var createdByID: UUID?
    @Field(key: "version") public var version: Int
    /// Blind review: reviewers score this role's candidates without name, photo, location
    /// or rate. Optional in the model so rows written before the column read as off.
    @OptionalField(key: "blind_review") var storedBlindReview: Bool?
    /// The role's stages as `Pipeline.lines`; nil for the standard pipeline.
    @OptionalField(key: "pipeline") public var pipelineLines: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public var typedID: RoleID { .init(id!) }

    /// The role's pipeline. Lines are checked when saved, so a row that no longer parses
    /// (edited by hand) falls back to the standard pipeline rather than locking the board.
    public var pipeline: Pipeline {
        guard let lines = pipelineLines, let parsed = try? Pipeline(lines: lines) else { return .standard }
        return parsed
    }

    public var blindReview: Bool {
        get { storedBlindReview ?? false }
        set { storedBlindReview = newValue }
    }
}
