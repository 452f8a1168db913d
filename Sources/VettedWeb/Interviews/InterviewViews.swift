import Evaluation
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore
import WorkingHours

/// What the interview pages and the API share: reading a typed time, the proposed slots,
/// an interview with its history, and the `.ics` response.
enum InterviewViews {
    /// A start time as typed: ISO 8601 with an offset (`2027-01-05T09:00:00Z`), or a
    /// local `2027-01-05T10:00` read in `zone` (what a datetime-local field sends).
    static func parseStart(_ text: String?, zone: String) throws(DomainError) -> Date {
        let value = text?.trimmed ?? ""
        guard !value.isEmpty else { throw .invalid(field: "start", message: "choose when the interview starts") }
        if let date = ISO8601DateFormatter().date(from: value) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return date }
        }
        throw .invalid(field: "start", message: "start must be a date and time such as 2027-01-05T10:00 (in \(zone)) or 2027-01-05T09:00:00Z; got '\(value)'")
    }

    struct Slot: Content {
        let start: Date
        let end: Date
        let team: String
        let candidate: String
    }

    static func slots(_ application: ApplicationModel, minutes: Int, days: Int, on db: any Database) async throws -> [Slot] {
        let (team, candidate) = try await InterviewWrites.windows(application, on: db)
        let now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = team.zone.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        // An hour's notice at least: nobody books an interview that starts in five minutes.
        return try SlotFinder.propose(interviewer: team, candidate: candidate, from: LocalDate(year: c.year!, month: c.month!, day: c.day!),
                                      days: days, minutes: minutes, limit: 8, notBefore: now.addingTimeInterval(3600)).map {
            Slot(start: $0.start, end: $0.end, team: InterviewInvites.local($0.start, zone: team.zone.identifier),
                 candidate: InterviewInvites.local($0.start, zone: candidate.zone.identifier))
        }
    }

    struct Change: Content {
        let kind: String
        let fromStart: Date?
        let toStart: Date?
        let reason: String
        let actor: String
        let occurredAt: Date
    }

    struct InterviewDTO: Content {
        let id: String
        let applicationId: String
        let stage: String
        let interviewer: String
        let start: Date
        let end: Date
        let teamTime: String
        let candidateTime: String
        let location: String
        let status: String
        let sequence: Int
        let history: [Change]
    }

    static func dto(_ interview: InterviewModel, on db: any Database) async throws -> InterviewDTO {
        let application = try await interview.$application.get(on: db)
        let role = try await application.$role.get(on: db)
        let candidate = try await application.$candidate.get(on: db)
        let history = try await InterviewWrites.history(interview, on: db).map {
            Change(kind: $0.kind, fromStart: $0.fromStart, toStart: $0.toStart, reason: $0.reason, actor: $0.actorLabel, occurredAt: $0.occurredAt)
        }
        return InterviewDTO(id: interview.id!.uuidString.lowercased(), applicationId: application.typedID.description, stage: interview.stage,
                            interviewer: interview.interviewerLabel, start: interview.startAt, end: interview.endAt,
                            teamTime: "\(InterviewInvites.local(interview.startAt, zone: role.timeZone)) \(role.timeZone)",
                            candidateTime: "\(InterviewInvites.local(interview.startAt, zone: candidate.timeZone)) \(candidate.timeZone)",
                            location: interview.location, status: interview.status, sequence: interview.sequence, history: history)
    }

    static func ics(_ interview: InterviewModel, on db: any Database) async throws -> Response {
        let text = try InterviewInvites.calendar(interview, try await InterviewInvites.parties(interview, on: db)).text
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8", "method": interview.status == "cancelled" ? "CANCEL" : "REQUEST"])
        response.headers.contentDisposition = .init(.attachment, filename: "interview.ics")
        return response
    }

    /// The hiring organization's members, who can interview.
    static func members(of organizationID: UUID, on db: any Database) async throws -> [UserModel] {
        let ids = try await MembershipModel.query(on: db).filter(\.$organization.$id == organizationID).all(\.$user.$id)
        return try await UserModel.query(on: db).filter(\.$id ~~ ids).filter(\.$isActive == true).sort(\.$email).all()
    }
}
