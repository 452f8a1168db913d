import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Interviews over the API: proposed slots, booking, rescheduling, cancelling, the `.ics`.
struct InterviewsAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("applications", ":applicationID", "slots", use: slots)
        routes.get("applications", ":applicationID", "interviews", use: list)
        routes.post("applications", ":applicationID", "interviews", use: book)
        routes.post("interviews", ":interviewID", "reschedule", use: reschedule)
        routes.post("interviews", ":interviewID", "cancel", use: cancel)
        routes.get("interviews", ":interviewID", "invite.ics", use: ics)
    }

    func slots(req: Request) async throws -> [InterviewViews.Slot] {
        let application = try await req.scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let minutes = try Self.int(req, "minutes", default: 60)
        let days = try Self.int(req, "days", default: 10)
        return try await InterviewViews.slots(application, minutes: minutes, days: days, on: req.db)
    }

    static func int(_ req: Request, _ name: String, default value: Int) throws -> Int {
        guard let text = req.query[String.self, at: name], !text.isEmpty else { return value }
        guard let number = Int(text) else { throw DomainError.invalid(field: name, message: "\(name) must be a whole number; got '\(text)'") }
        return number
    }

    func list(req: Request) async throws -> [InterviewViews.InterviewDTO] {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        var result: [InterviewViews.InterviewDTO] = []
        for interview in try await InterviewWrites.all(of: application, scope: scope, on: req.db) { result.append(try await InterviewViews.dto(interview, on: req.db)) }
        return result
    }

    struct BookBody: Content {
        var stage: String?
        var interviewerId: String?
        /// ISO 8601 with an offset, or local time in the role's zone.
        var start: String?
        var minutes: Int?
        var location: String?
    }

    func book(req: Request) async throws -> Response {
        let scope = try req.scope
        let application = try await scope.application(try req.id(ApplicationID.self, "applicationID"), on: req.db)
        let body = try req.content.decode(BookBody.self)
        let role = try await application.$role.get(on: req.db)
        let booking = try InterviewPages.booking(body.stage, body.interviewerId, body.start, body.minutes.map(String.init), body.location, zone: role.timeZone)
        let interview = try await InterviewWrites.book(application, booking, scope: scope, on: req.db)
        return try await InterviewViews.dto(interview, on: req.db).encodeResponse(status: .created, for: req)
    }

    func reschedule(req: Request) async throws -> InterviewViews.InterviewDTO {
        struct Body: Content { var start: String?; var reason: String? }
        let scope = try req.scope
        let interview = try await scope.interview(try req.id(InterviewID.self, "interviewID"), on: req.db)
        let body = try req.content.decode(Body.self)
        let role = try await interview.$application.get(on: req.db).$role.get(on: req.db)
        try await InterviewWrites.reschedule(interview, start: try InterviewViews.parseStart(body.start, zone: role.timeZone), reason: body.reason ?? "", scope: scope, on: req.db)
        return try await InterviewViews.dto(interview, on: req.db)
    }

    func cancel(req: Request) async throws -> InterviewViews.InterviewDTO {
        struct Body: Content { var reason: String? }
        let scope = try req.scope
        let interview = try await scope.interview(try req.id(InterviewID.self, "interviewID"), on: req.db)
        try await InterviewWrites.cancel(interview, reason: try req.content.decode(Body.self).reason ?? "", scope: scope, on: req.db)
        return try await InterviewViews.dto(interview, on: req.db)
    }

    func ics(req: Request) async throws -> Response {
        try await InterviewViews.ics(try await req.scope.interview(try req.id(InterviewID.self, "interviewID"), on: req.db), on: req.db)
    }
}
