import Evaluation
import FluentKit
import Foundation
import VettedDomain
import WorkingHours

/// Booking, rescheduling and cancelling interviews. A slot must lie inside the team's
/// working window (the role's hours) and the candidate's, each in its own zone; every
/// change keeps the calendar UID and raises its SEQUENCE, and is kept in the history.
public enum InterviewWrites {
    public struct Booking: Sendable {
        public var stage: String
        public var interviewerID: UUID
        public var start: Date
        public var minutes: Int
        public var location: String
        public init(stage: String, interviewerID: UUID, start: Date, minutes: Int, location: String) {
            self.stage = stage
            self.interviewerID = interviewerID
            self.start = start
            self.minutes = minutes
            self.location = location
        }
    }

    /// The team's window (the role's hours and zone) and the candidate's.
    public static func windows(_ application: ApplicationModel, on db: any Database) async throws -> (team: WorkingWindow, candidate: WorkingWindow) {
        let role = try await application.$role.get(on: db)
        let candidate = try await application.$candidate.get(on: db)
        let team = try WorkingWindow("\(role.workStart)-\(role.workEnd) \(role.timeZone)", field: "role")
        let theirs = try WorkingWindow("\(candidate.workStart)-\(candidate.workEnd) \(candidate.timeZone)", field: "candidate")
        return (team, theirs)
    }

    public static func book(_ application: ApplicationModel, _ booking: Booking, scope: TenantScope, on db: any Database) async throws -> InterviewModel {
        try scope.require(.manageApplications)
        guard (15...240).contains(booking.minutes) else {
            throw DomainError.invalid(field: "minutes", message: "an interview lasts 15 to 240 minutes; got \(booking.minutes)")
        }
        guard try await application.$role.get(on: db).pipeline.stage(booking.stage) != nil, booking.stage != Pipeline.engaged else {
            throw DomainError.invalid(field: "stage", message: "'\(booking.stage)' is not an interview stage of this pipeline")
        }
        guard let member = try await scope.users(on: db).filter(\.$id == booking.interviewerID).first(),
              try await MembershipModel.query(on: db).filter(\.$user.$id == booking.interviewerID)
                .filter(\.$organization.$id == application.$organization.id).first() != nil else {
            throw DomainError.invalid(field: "interviewerId", message: "the interviewer must be a member of the hiring organization")
        }
        guard booking.start > Date() else { throw DomainError.invalid(field: "start", message: "the interview must start in the future") }
        let end = booking.start.addingTimeInterval(TimeInterval(booking.minutes * 60))
        let (team, candidate) = try await windows(application, on: db)
        try SlotFinder.check(start: booking.start, end: end, interviewer: team, candidate: candidate)
        let location = booking.location.trimmed
        guard location.count <= 500 else { throw DomainError.invalid(field: "location", message: "the location is limited to 500 characters") }
        return try await db.transaction { tx in
            let interview = InterviewModel()
            interview.id = UUID()
            interview.$application.id = application.id!
            interview.organizationID = application.$organization.id
            interview.stage = booking.stage
            interview.interviewerID = member.id!
            interview.interviewerLabel = member.email
            interview.startAt = booking.start
            interview.endAt = end
            interview.location = location
            interview.uid = "\(interview.id!.uuidString.lowercased())@vetted"
            interview.sequence = 0
            interview.status = InterviewModel.Status.scheduled.rawValue
            interview.createdByLabel = scope.userEmail
            interview.createdAt = Date()
            try await interview.create(on: tx)
            try await change(interview, kind: "booked", from: nil, reason: "", actor: scope.actor, on: tx)
            try await AuditLog.record(.create, entityType: "interview", entityID: interview.id!, organizationID: interview.organizationID, before: nil,
                                      after: ["stage": interview.stage, "interviewer": member.email, "start": iso(booking.start), "end": iso(end)],
                                      summary: "booked a \(booking.stage) interview with \(member.email) at \(iso(booking.start))", actor: scope.actor, on: tx)
            try await InterviewInvites.send(interview, on: tx)
            return interview
        }
    }

    public static func reschedule(_ interview: InterviewModel, start: Date, reason: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        guard interview.status == InterviewModel.Status.scheduled.rawValue else {
            throw DomainError.conflict(entity: "interview", message: "a cancelled interview cannot be rescheduled; book a new one")
        }
        let why = reason.trimmed
        guard !why.isEmpty else { throw DomainError.invalid(field: "reason", message: "say why the interview moves; the candidate and the history see it") }
        guard start > Date() else { throw DomainError.invalid(field: "start", message: "the interview must start in the future") }
        let application = try await interview.$application.get(on: db)
        let end = start.addingTimeInterval(interview.endAt.timeIntervalSince(interview.startAt))
        let (team, candidate) = try await windows(application, on: db)
        try SlotFinder.check(start: start, end: end, interviewer: team, candidate: candidate)
        try await db.transaction { tx in
            let before = interview.startAt
            interview.startAt = start
            interview.endAt = end
            interview.sequence += 1
            try await interview.update(on: tx)
            try await change(interview, kind: "rescheduled", from: before, reason: why, actor: scope.actor, on: tx)
            try await AuditLog.record(.update, entityType: "interview", entityID: interview.id!, organizationID: interview.organizationID,
                                      before: ["start": iso(before)], after: ["start": iso(start), "sequence": String(interview.sequence)],
                                      summary: "rescheduled the interview to \(iso(start)): \(why)", actor: scope.actor, on: tx)
            try await InterviewInvites.send(interview, on: tx)
        }
    }

    public static func cancel(_ interview: InterviewModel, reason: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageApplications)
        guard interview.status == InterviewModel.Status.scheduled.rawValue else {
            throw DomainError.conflict(entity: "interview", message: "the interview is already cancelled")
        }
        let why = reason.trimmed
        guard !why.isEmpty else { throw DomainError.invalid(field: "reason", message: "say why the interview is cancelled") }
        try await db.transaction { tx in
            interview.status = InterviewModel.Status.cancelled.rawValue
            interview.sequence += 1
            try await interview.update(on: tx)
            try await change(interview, kind: "cancelled", from: interview.startAt, reason: why, actor: scope.actor, on: tx)
            try await AuditLog.record(.update, entityType: "interview", entityID: interview.id!, organizationID: interview.organizationID,
                                      before: ["status": InterviewModel.Status.scheduled.rawValue], after: ["status": interview.status],
                                      summary: "cancelled the interview: \(why)", actor: scope.actor, on: tx)
            try await InterviewInvites.send(interview, on: tx)
        }
    }

    public static func all(of application: ApplicationModel, scope: TenantScope, on db: any Database) async throws -> [InterviewModel] {
        try await scope.interviews(on: db).filter(\.$application.$id == application.id!).sort(\.$startAt).all()
    }

    public static func history(_ interview: InterviewModel, on db: any Database) async throws -> [InterviewChangeModel] {
        try await InterviewChangeModel.query(on: db).filter(\.$interviewID == interview.id!).sort(\.$occurredAt).all()
    }

    /// Interviews that ended without the interviewer's scorecard for that stage, not
    /// reminded in the last day: the reminder job's work list.
    public static func missingScorecards(now: Date = Date(), on db: any Database) async throws -> [InterviewModel] {
        let ended = try await InterviewModel.query(on: db).filter(\.$status == InterviewModel.Status.scheduled.rawValue)
            .filter(\.$endAt <= now).all()
        var result: [InterviewModel] = []
        for interview in ended where (interview.remindedAt ?? .distantPast) <= now.addingTimeInterval(-86_400) {
            let scored = try await ScorecardModel.query(on: db).filter(\.$application.$id == interview.$application.id)
                .filter(\.$stage == interview.stage).filter(\.$reviewerID == interview.interviewerID).first()
            if scored == nil { result.append(interview) }
        }
        return result
    }

    static func change(_ interview: InterviewModel, kind: String, from: Date?, reason: String, actor: AuditActor, on tx: any Database) async throws {
        let row = InterviewChangeModel()
        row.id = UUID()
        row.interviewID = interview.id!
        row.kind = kind
        row.fromStart = from
        row.toStart = kind == "cancelled" ? nil : interview.startAt
        row.toEnd = kind == "cancelled" ? nil : interview.endAt
        row.reason = reason
        row.actorLabel = actor.label
        row.occurredAt = Date()
        try await row.create(on: tx)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
