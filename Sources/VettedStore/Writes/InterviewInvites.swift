import Evaluation
import FluentKit
import SQLKit
import Foundation
import VettedDomain

/// The calendar object of an interview and the e-mails that carry it: one to the
/// candidate and one to the interviewer, each with the time in their own zone.
public enum InterviewInvites {
    public struct Parties: Sendable {
        public var organization: String
        public var roleTitle: String
        public var roleZone: String
        public var stageName: String
        public var candidateName: String
        public var candidateEmail: String?
        public var candidateZone: String
        public var interviewerName: String
        public var interviewerEmail: String
    }

    public static func parties(_ interview: InterviewModel, on db: any Database) async throws -> Parties {
        let application = try await interview.$application.get(on: db)
        let role = try await application.$role.get(on: db)
        let candidate = try await application.$candidate.get(on: db)
        let organization = try await OrganizationModel.find(interview.organizationID, on: db)
        let interviewer = try await UserModel.find(interview.interviewerID, on: db)
        return Parties(organization: organization?.name ?? "Vetted", roleTitle: role.title, roleZone: role.timeZone, stageName: role.pipeline.name(of: interview.stage), candidateName: candidate.fullName,
                       candidateEmail: candidate.email, candidateZone: candidate.timeZone,
                       interviewerName: interviewer?.name ?? interview.interviewerLabel, interviewerEmail: interview.interviewerLabel)
    }

    public static func calendar(_ interview: InterviewModel, _ p: Parties, now: Date = Date()) throws -> CalendarInvite {
        let stage = p.stageName
        var attendees = [(name: p.interviewerName, email: p.interviewerEmail)]
        if let email = p.candidateEmail, !email.isEmpty { attendees.append((p.candidateName, email)) }
        return CalendarInvite(uid: interview.uid, sequence: interview.sequence, start: interview.startAt, end: interview.endAt,
                              zone: try ZoneName(p.roleZone), summary: "\(stage) interview: \(p.candidateName) — \(p.roleTitle)",
                              description: "\(stage) interview for \(p.roleTitle) at \(p.organization).", location: interview.location,
                              organizer: (p.organization, interview.createdByLabel), attendees: attendees,
                              method: interview.status == InterviewModel.Status.cancelled.rawValue ? .cancel : .request, stamp: now)
    }

    /// Queues the invite (or its update or cancellation) to both people.
    public static func send(_ interview: InterviewModel, on db: any Database) async throws {
        let p = try await parties(interview, on: db)
        let ics = try calendar(interview, p).text
        let attachment = OutboxWrites.Attachment(name: "interview.ics", type: "text/calendar; method=\(interview.status == "cancelled" ? "CANCEL" : "REQUEST"); charset=utf-8", text: ics)
        let stage = p.stageName
        for (address, name, zone) in [(p.candidateEmail, p.candidateName, p.candidateZone), (Optional(p.interviewerEmail), p.interviewerName, p.roleZone)] {
            let values = ["name": name, "role": p.roleTitle, "stage": stage, "start": local(interview.startAt, zone: zone), "zone": zone,
                          "organization": p.organization]
            try await OutboxWrites.enqueue(template: "interview-invite", values: values, to: address, name: name,
                                           organizationID: interview.organizationID, attachment: attachment, on: db)
        }
    }

    /// "Tue 5 Jan 2027, 10:00" in the reader's zone.
    public static func local(_ date: Date, zone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        formatter.dateFormat = "EEE d MMM yyyy, HH:mm"
        return formatter.string(from: date)
    }
}

extension InterviewInvites {
    /// Queues a reminder to every interviewer whose interview ended without their
    /// scorecard (at most one a day per interview); returns how many were queued.
    @discardableResult
    public static func remindMissingScorecards(now: Date = Date(), baseURL: String, on db: any Database) async throws -> Int {
        var queued = 0
        for interview in try await InterviewWrites.missingScorecards(now: now, on: db) {
            if try await remind(interview, now: now, baseURL: baseURL, on: db) { queued += 1 }
        }
        return queued
    }

    /// Queues one reminder for an interview `missingScorecards` returned, if no one else has
    /// in the meantime: the reminder is claimed by a conditional UPDATE in the transaction
    /// that queues it, so two senders (serve nodes, `vetted mail deliver`) that both read
    /// the interview as due queue it once. False when it was already claimed.
    public static func remind(_ interview: InterviewModel, now: Date, baseURL: String, on db: any Database) async throws -> Bool {
        let application = try await interview.$application.get(on: db)
        let role = try await application.$role.get(on: db)
        let p = try await parties(interview, on: db)
        return try await db.transaction { tx in
            let claimed = try await tx.sql.raw("""
                UPDATE interviews SET reminded_at = \(bind: now)
                WHERE id = \(bind: interview.id!) AND (reminded_at IS NULL OR reminded_at <= \(bind: now.addingTimeInterval(-86_400)))
                RETURNING id
                """).all()
            guard !claimed.isEmpty else { return false }
            let values = ["name": p.interviewerName, "candidate": role.blindReview ? ScorecardWrites.alias(application) : p.candidateName,
                          "role": p.roleTitle, "stage": p.stageName, "start": local(interview.startAt, zone: p.roleZone),
                          "link": "\(baseURL)/applications/\(application.typedID)/scorecards/\(interview.stage)"]
            try await OutboxWrites.enqueue(template: "scorecard-reminder", values: values, to: p.interviewerEmail, name: p.interviewerName,
                                           organizationID: interview.organizationID, on: tx)
            interview.remindedAt = now
            return true
        }
    }
}
