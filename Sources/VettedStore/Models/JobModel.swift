import FluentKit
import Foundation
import VettedDomain

/// One piece of background work and how far it got.
public final class JobModel: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    /// What to do: `portfolio-analysis`.
    @Field(key: "kind") public var kind: String
    /// What the job is about (a candidate), so its page can list its jobs.
    @OptionalField(key: "subject_id") public var subjectID: UUID?
    /// JSON arguments for the handler.
    @Field(key: "payload") public var payload: String
    @Field(key: "status") public var status: String
    /// 0–100.
    @Field(key: "progress") public var progress: Int
    @Field(key: "progress_note") public var progressNote: String
    /// JSON the handler returned.
    @OptionalField(key: "result") public var result: String?
    @OptionalField(key: "error") public var error: String?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @OptionalField(key: "locked_by") public var lockedBy: String?
    /// A running job whose lease has passed lost its worker (crash, kill -9) and is queued again.
    @OptionalField(key: "lease_until") public var leaseUntil: Date?
    @Field(key: "requested_by") public var requestedBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "started_at") public var startedAt: Date?
    @OptionalField(key: "finished_at") public var finishedAt: Date?

    public init() {}

    public var jobStatus: JobStatus { JobStatus(rawValue: status) ?? .failed }
    public var isActive: Bool { jobStatus == .queued || jobStatus == .running }
}
