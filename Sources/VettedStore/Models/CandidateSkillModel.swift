import FluentKit
import Foundation
import VettedDomain

/// One skill of a candidate, with its level and where the evidence for it comes from.
public final class CandidateSkillModel: Model, @unchecked Sendable {
    public static let schema = "candidate_skills"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "candidate_id") public var candidate: CandidateModel
    /// A taxonomy id (`pytorch`, `postgresql`).
    @Field(key: "skill_id") public var skillID: String
    /// 1 (aware) to 5 (expert).
    @Field(key: "level") public var level: Int
    @Field(key: "evidence_source") public var evidenceSource: String
    @OptionalField(key: "evidence_detail") public var evidenceDetail: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(candidateID: UUID, skillID: String, level: Int, evidence: EvidenceSource, detail: String? = nil) {
        self.id = UUID()
        self.$candidate.id = candidateID
        self.skillID = skillID
        self.level = level
        self.evidenceSource = evidence.rawValue
        self.evidenceDetail = detail
    }
}
