import Assessments
import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// The candidate's side: a private link, no account. The token in the path is looked up by
/// its SHA-256; an unknown, expired or used link shows a page that says which. The editor
/// is a form (no JavaScript needed): run the samples as often as wanted, submit once.
struct AssessmentPortal: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let portal = routes.grouped("assess", ":token")
        portal.get(use: show)
        portal.post("start", use: start)
        portal.post("run", use: runSamples)
        portal.post("submit", use: submit)
    }

    struct Context: Encodable {
        let layout: Layout
        let token: String
        let state: String
        let title: String
        let category: String
        let level: String
        let timeMinutes: Int
        let promptHTML: String
        let source: String
        let rationaleQuestion: String?
        let rationale: String
        let minutesLeft: Int
        let deadline: String
        let message: String?
        let error: String?
        let samples: [SampleRow]
        let sampleSummary: String?
    }

    struct SampleRow: Encodable {
        let name: String
        let verdict: String
        let passed: Bool
        let input: String
        let expected: String
        let output: String
        let message: String
    }

    struct Form: Content {
        var source: String?
        var rationale: String?
    }

    private func lookup(_ req: Request) async throws -> (AssessmentInvitationModel, AssessmentTask?) {
        let token = req.parameters.get("token") ?? ""
        guard token.count >= 20, token.count <= 100,
              let invitation = try await AssessmentWrites.invitation(tokenHash: Secrets.sha256(token), on: req.db) else {
            throw Abort(.notFound, reason: "This assessment link is not valid. Check that you copied all of it.")
        }
        return (invitation, try? req.application.vetted.assessments.library.task(invitation.taskID))
    }

    func show(req: Request) async throws -> Response {
        let (invitation, task) = try await lookup(req)
        return try await render(req, invitation, task, source: nil, rationale: nil, error: nil, samples: nil)
    }

    func start(req: Request) async throws -> Response {
        let (invitation, task) = try await lookup(req)
        guard let task else { return try await render(req, invitation, nil, source: nil, rationale: nil, error: nil, samples: nil) }
        if invitation.startedAt == nil && invitation.usable() {
            try await AssessmentWrites.start(invitation, minutes: task.manifest.timeMinutes, on: req.db)
        }
        return req.redirect(to: "/assess/\(req.parameters.get("token") ?? "")")
    }

    /// Grades the editor's content on the sample cases (never the hidden ones) and shows
    /// the results with the code kept in the editor.
    func runSamples(req: Request) async throws -> Response {
        let (invitation, task) = try await lookup(req)
        let form = try req.content.decode(Form.self)
        let source = form.source ?? ""
        guard let task, invitation.startedAt != nil, invitation.usable() else {
            return try await render(req, invitation, task, source: source, rationale: form.rationale, error: nil, samples: nil)
        }
        try await AssessmentWrites.saveDraft(invitation, source: source, sampleRun: true, on: req.db)
        if let deadline = invitation.deadlineAt, Date() > deadline {
            return try await render(req, invitation, task, source: source, rationale: form.rationale,
                                    error: "Time is up: submit your answer now.", samples: nil, status: .conflict)
        }
        let grader: Grader
        switch req.application.vetted.assessments.grader {
        case .success(let made): grader = made
        case .failure(let problem):
            return try await render(req, invitation, task, source: source, rationale: form.rationale,
                                    error: "Code cannot be run on this server right now (\(problem.description)). You can still submit.",
                                    samples: nil, status: .serviceUnavailable)
        }
        let taskID = task.id
        let bytes = Array(source.utf8)
        let outcome = await Blocking.grade(grader, taskID: taskID, submission: bytes, suite: .public, quality: false)
        switch outcome {
        case .success(let report):
            return try await render(req, invitation, task, source: source, rationale: form.rationale, error: report.fatal, samples: report)
        case .failure(let problem):
            let message: String
            if case .invalidSubmission(let reason) = problem { message = "Your code was not run: \(reason)." } else { message = problem.description }
            return try await render(req, invitation, task, source: source, rationale: form.rationale, error: message, samples: nil, status: .badRequest)
        }
    }

    /// The final answer: stored with its grading job in one transaction; the link is then used.
    func submit(req: Request) async throws -> Response {
        let (invitation, task) = try await lookup(req)
        let form = try req.content.decode(Form.self)
        let source = form.source ?? ""
        guard task != nil, invitation.startedAt != nil, invitation.submittedAt == nil else {
            return try await render(req, invitation, task, source: source, rationale: form.rationale, error: nil, samples: nil)
        }
        if source.allSatisfy(\.isWhitespace) {
            return try await render(req, invitation, task, source: source, rationale: form.rationale,
                                    error: "Your answer is empty: write your code in the editor, then submit.", samples: nil, status: .badRequest)
        }
        let rationale = form.rationale.map { String($0.prefix(20_000)) }.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        guard try await AssessmentWrites.submit(invitation, source: source, sourceBytes: source.utf8.count, rationale: rationale, on: req.db) != nil else {
            // Another tab or a double click submitted first; that submission stands.
            invitation.submittedAt = invitation.submittedAt ?? Date()
            return try await render(req, invitation, task, source: nil, rationale: nil, error: nil, samples: nil)
        }
        invitation.submittedAt = Date()
        return try await render(req, invitation, task, source: nil, rationale: nil, error: nil, samples: nil)
    }

    private func render(_ req: Request, _ invitation: AssessmentInvitationModel, _ task: AssessmentTask?, source: String?, rationale: String?,
                        error: String?, samples report: GradeReport?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let now = Date()
        let state: String
        var message: String?
        var code = status
        if task == nil {
            state = "closed"; message = "This assessment is no longer available. Contact the person who sent you the link."; code = .gone
        } else if let submitted = invitation.submittedAt {
            state = "submitted"; message = "Your answer was submitted on \(Self.format(submitted)). Thank you: the hiring team will be in touch."
        } else if invitation.startedAt == nil && invitation.expiresAt <= now {
            state = "closed"; message = "This link expired on \(Self.format(invitation.expiresAt))."; code = .gone
        } else if invitation.startedAt == nil {
            state = "intro"
        } else {
            state = "working"
        }
        let minutesLeft = invitation.deadlineAt.map { max(0, Int(($0.timeIntervalSince(now) / 60).rounded(.up))) } ?? task?.manifest.timeMinutes ?? 0
        let samples = report?.cases.map { c in
            SampleRow(name: c.name, verdict: c.verdict.rawValue, passed: c.verdict == .passed,
                      input: c.input?.brief(limit: 400) ?? "", expected: c.expected?.brief(limit: 400) ?? "",
                      output: c.output?.brief(limit: 400) ?? "", message: c.message ?? "")
        } ?? []
        let csrf = CSRFProtection.linkToken(req)
        let context = Context(
            layout: Layout(title: task?.manifest.title ?? "Assessment", request: req, csrf: csrf),
            token: req.parameters.get("token") ?? "", state: state,
            title: task?.manifest.title ?? "Assessment", category: task?.manifest.category.rawValue ?? "",
            level: task?.manifest.level ?? "", timeMinutes: task?.manifest.timeMinutes ?? 0,
            promptHTML: state == "working" ? MarkdownLite.html(task?.prompt ?? "") : "",
            source: source ?? invitation.draft ?? task?.starter ?? "",
            rationaleQuestion: task?.manifest.rationale, rationale: rationale ?? "",
            minutesLeft: minutesLeft, deadline: invitation.deadlineAt.map(Self.format) ?? "",
            message: message, error: error, samples: samples,
            sampleSummary: report.map { "\($0.passed) of \($0.total) sample tests passed" })
        let response = try await req.page("assess", context, status: code)
        CSRFProtection.issueLinkCookie(csrf, path: "/assess", on: response, for: req)
        return response
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}
