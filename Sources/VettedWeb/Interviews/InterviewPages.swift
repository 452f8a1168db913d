import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Interviews of an application: proposed slots inside both working windows, booking,
/// rescheduling with a reason, cancelling, and the `.ics` for any calendar.
struct InterviewPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "interviews", use: list)
        routes.post("applications", ":applicationID", "interviews", use: book)
        routes.post("interviews", ":interviewID", "reschedule", use: reschedule)
        routes.post("interviews", ":interviewID", "cancel", use: cancel)
        routes.get("interviews", ":interviewID", "invite.ics", use: ics)
    }

    struct Context: Encodable {
        let layout: Layout
        let applicationId: String
        let candidateName: String
        let roleTitle: String
        let roleId: String
        let teamWindow: String
        let candidateWindow: String
        let interviews: [InterviewViews.InterviewDTO]
        let slots: [SlotRow]
        let stages: [Option]
        let interviewers: [Option]
        let canBook: Bool
        let error: String?
    }

    struct SlotRow: Encodable {
        let start: String
        let team: String
        let candidate: String
    }

    func list(req: Request) async throws -> Response {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        return try await render(req, application, error: nil, status: .ok)
    }

    struct BookForm: Content {
        var stage: String?
        var interviewerId: String?
        /// A chosen slot (ISO 8601).
        var start: String?
        /// Or a time typed in the team's zone; it wins when filled.
        var startLocal: String?
        var minutes: String?
        var location: String?
    }

    func book(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let form = try req.content.decode(BookForm.self)
        do {
            let role = try await application.$role.get(on: req.db)
            _ = try await InterviewWrites.book(application, try Self.booking(form.stage, form.interviewerId, form.startLocal?.trimmed.isEmpty == false ? form.startLocal : form.start, form.minutes, form.location, zone: role.timeZone),
                                               scope: scope, on: req.db)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await render(req, application, error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/applications/\(application.typedID)/interviews?notice=saved")
    }

    static func booking(_ stage: String?, _ interviewer: String?, _ start: String?, _ minutes: String?, _ location: String?, zone: String) throws(DomainError) -> InterviewWrites.Booking {
        guard let text = interviewer?.trimmed, let id = UUID(uuidString: text) else {
            throw .invalid(field: "interviewerId", message: "choose the interviewer")
        }
        let length = minutes?.trimmed ?? ""
        guard let count = length.isEmpty ? 60 : Int(length) else { throw .invalid(field: "minutes", message: "minutes must be a whole number; got '\(length)'") }
        return .init(stage: stage?.trimmed ?? "", interviewerID: id, start: try InterviewViews.parseStart(start, zone: zone), minutes: count, location: location ?? "")
    }

    func reschedule(req: Request) async throws -> Response {
        struct Form: Content { var start: String?; var reason: String? }
        let scope = try req.scope
        let interview = try await scope.interview(try req.id(InterviewID.self, "interviewID"), on: req.db)
        let application = try await interview.$application.get(on: req.db)
        let form = try req.content.decode(Form.self)
        do {
            let role = try await application.$role.get(on: req.db)
            try await InterviewWrites.reschedule(interview, start: try InterviewViews.parseStart(form.start, zone: role.timeZone), reason: form.reason ?? "", scope: scope, on: req.db)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await render(req, application, error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/applications/\(application.typedID)/interviews?notice=saved")
    }

    func cancel(req: Request) async throws -> Response {
        struct Form: Content { var reason: String? }
        let scope = try req.scope
        let interview = try await scope.interview(try req.id(InterviewID.self, "interviewID"), on: req.db)
        try await InterviewWrites.cancel(interview, reason: try req.content.decode(Form.self).reason ?? "", scope: scope, on: req.db)
        return req.redirect(to: "/applications/\(interview.$application.id.uuidString.lowercased())/interviews?notice=saved")
    }

    func ics(req: Request) async throws -> Response {
        try await InterviewViews.ics(try await req.scope.interview(try req.id(InterviewID.self, "interviewID"), on: req.db), on: req.db)
    }

    private func render(_ req: Request, _ application: ApplicationModel, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let role = try await application.$role.get(on: req.db)
        let candidate = try await application.$candidate.get(on: req.db)
        var interviews: [InterviewViews.InterviewDTO] = []
        for interview in try await InterviewWrites.all(of: application, scope: scope, on: req.db) { interviews.append(try await InterviewViews.dto(interview, on: req.db)) }
        let slots = (try? await InterviewViews.slots(application, minutes: 60, days: 10, on: req.db)) ?? []
        let members = try await InterviewViews.members(of: application.$organization.id, on: req.db)
        let blind = role.blindReview && !scope.allows(.manageApplications)
        return try await req.page("interviews", Context(
            layout: Layout(title: "Interviews", request: req), applicationId: application.typedID.description,
            candidateName: blind ? ScorecardWrites.alias(application) : candidate.fullName, roleTitle: role.title, roleId: role.typedID.description,
            teamWindow: "\(role.workStart)-\(role.workEnd) \(role.timeZone)",
            candidateWindow: blind ? "hidden (blind review)" : "\(candidate.workStart)-\(candidate.workEnd) \(candidate.timeZone)",
            interviews: interviews,
            slots: slots.map { SlotRow(start: ISO8601DateFormatter().string(from: $0.start), team: $0.team, candidate: $0.candidate) },
            stages: ScorecardKits.scoredStages(role.pipeline).map { Option(value: $0.key, label: $0.name, selected: $0.key == application.stage) },
            interviewers: members.map { Option(value: $0.id!.uuidString.lowercased(), label: $0.email, selected: $0.id == scope.userID.rawValue) },
            canBook: scope.allows(.manageApplications), error: error), status: status)
    }
}
