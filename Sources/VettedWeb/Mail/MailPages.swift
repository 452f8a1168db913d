import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Admins' view of e-mail: the outbox with each message's delivery state (and a retry for
/// the ones given up on), and the organization's editable templates.
struct MailPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "outbox", use: outbox)
        routes.post("admin", "outbox", ":messageID", "retry", use: retry)
        routes.get("admin", "mail-templates", use: templates)
        routes.post("admin", "mail-templates", use: saveTemplate)
    }

    struct Row: Encodable {
        let id: String
        let to: String
        let subject: String
        let status: String
        let attempts: Int
        let next: String
        let error: String?
        let created: String
        let canRetry: Bool
    }

    func outbox(req: Request) async throws -> Response {
        let iso = ISO8601DateFormatter()
        let rows = try await OutboxWrites.list(scope: try req.scope, on: req.db).map { m in
            Row(id: m.id!.uuidString.lowercased(), to: "\(m.toName) <\(m.toAddress)>", subject: m.subject, status: m.status, attempts: m.attempts,
                next: m.status == OutboxModel.Status.pending.rawValue ? iso.string(from: m.nextAttemptAt) : "", error: m.lastError,
                created: iso.string(from: m.createdAt), canRetry: m.status == OutboxModel.Status.failed.rawValue)
        }
        struct Context: Encodable {
            let layout: Layout
            let rows: [Row]
            let smtp: String
        }
        let smtp = req.application.vetted.config.smtp.map { "delivering through \($0.server.host):\($0.server.port)" }
            ?? "SMTP is not configured (set SMTP_HOST): messages wait here and are sent once it is"
        return try await req.page("admin-outbox", Context(layout: Layout(title: "Outbox", request: req), rows: rows, smtp: smtp))
    }

    func retry(req: Request) async throws -> Response {
        guard let id = req.parameters.get("messageID").flatMap(UUID.init(uuidString:)) else { throw DomainError.notFound(entity: "message") }
        try await OutboxWrites.retry(id, scope: try req.scope, on: req.db)
        return req.redirect(to: "/admin/outbox?notice=saved")
    }

    struct TemplateRow: Encodable {
        let key: String
        let subject: String
        let body: String
        let placeholders: String
        let error: String?
    }

    func templates(req: Request) async throws -> Response {
        try await renderTemplates(req, edited: nil, error: nil, status: .ok)
    }

    struct TemplateForm: Content {
        var key: String?
        var subject: String?
        var body: String?
    }

    func saveTemplate(req: Request) async throws -> Response {
        let form = try req.content.decode(TemplateForm.self)
        do {
            try await MailTemplates.save(form.key ?? "", subject: form.subject ?? "", body: (form.body ?? "").replacingOccurrences(of: "\r\n", with: "\n"),
                                         scope: try req.scope, on: req.db)
        } catch let error as DomainError {
            guard case .invalid = error else { throw error }
            return try await renderTemplates(req, edited: form, error: error.description, status: .badRequest)
        }
        return req.redirect(to: "/admin/mail-templates?notice=saved")
    }

    private func renderTemplates(_ req: Request, edited: TemplateForm?, error: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        try scope.require(.manageUsers)
        let rows = try await MailTemplates.all(scope: scope, on: req.db).map { t in
            let defaults = MailTemplate.defaults.first { $0.key == t.key }!
            let mine = edited?.key == t.key
            return TemplateRow(key: t.key, subject: mine ? edited?.subject ?? t.subject : t.subject, body: mine ? edited?.body ?? t.body : t.body,
                               placeholders: Array(Set(MailTemplate.placeholders(defaults.subject + defaults.body))).sorted().map { "{{\($0)}}" }.joined(separator: " "),
                               error: mine ? error : nil)
        }
        struct Context: Encodable {
            let layout: Layout
            let templates: [TemplateRow]
        }
        return try await req.page("admin-mail-templates", Context(layout: Layout(title: "Mail templates", request: req), templates: rows), status: status)
    }
}
