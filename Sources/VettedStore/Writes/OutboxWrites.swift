import Evaluation
import FluentKit
import SQLKit
import Foundation
import VettedDomain

/// Writing to the outbox and recording delivery attempts. Enqueue inside the transaction
/// of the change that causes the message, so a change and its e-mail commit together; a
/// mail server that is down only delays delivery (see `RetrySchedule`).
public enum OutboxWrites {
    public struct Attachment: Sendable {
        public var name: String
        public var type: String
        public var text: String
        public init(name: String, type: String, text: String) {
            self.name = name
            self.type = type
            self.text = text
        }
    }

    /// Renders the organization's template (or the default) and queues the message.
    /// A recipient without an address is skipped: there is nobody to send to.
    @discardableResult
    public static func enqueue(template key: String, values: [String: String], to address: String?, name: String, organizationID: UUID?,
                               attachment: Attachment? = nil, on db: any Database) async throws -> OutboxModel? {
        guard let address = address?.trimmed, !address.isEmpty else { return nil }
        let template = try await MailTemplates.current(key, organizationID: organizationID, on: db)
        let (subject, body) = try template.render(values)
        let row = OutboxModel()
        row.id = UUID()
        row.organizationID = organizationID
        row.templateKey = key
        row.toAddress = address
        row.toName = name
        row.subject = subject
        row.body = body
        row.attachmentName = attachment?.name
        row.attachmentType = attachment?.type
        row.attachment = attachment?.text
        row.status = OutboxModel.Status.pending.rawValue
        row.attempts = 0
        row.nextAttemptAt = Date()
        row.createdAt = Date()
        try await row.create(on: db)
        return row
    }

    /// Pending messages whose next attempt is due, oldest first.
    public static func due(now: Date = Date(), limit: Int = 20, on db: any Database) async throws -> [OutboxModel] {
        try await OutboxModel.query(on: db).filter(\.$status == OutboxModel.Status.pending.rawValue)
            .filter(\.$nextAttemptAt <= now).sort(\.$nextAttemptAt).limit(limit).all()
    }

    /// Takes a due message for one send: pushes its next attempt `lease` seconds out, only
    /// if it is still pending and due, so two senders never both send it. A sender that
    /// dies mid-send leaves it to be tried again when the lease runs out.
    public static func claim(_ row: OutboxModel, now: Date = Date(), lease: TimeInterval = 600, on db: any Database) async throws -> Bool {
        let rows = try await db.sql.raw("""
            UPDATE outbox SET next_attempt_at = \(bind: now.addingTimeInterval(lease))
            WHERE id = \(bind: row.id!) AND status = 'pending' AND next_attempt_at <= \(bind: now)
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    public static func markSent(_ row: OutboxModel, now: Date = Date(), on db: any Database) async throws {
        row.status = OutboxModel.Status.sent.rawValue
        row.attempts += 1
        row.sentAt = now
        row.lastError = nil
        try await row.update(on: db)
    }

    /// A failed attempt: try again after the backoff, or give up when the failure is
    /// permanent or the attempts are spent. The message stays in the outbox either way.
    public static func markFailed(_ row: OutboxModel, error: String, permanent: Bool, now: Date = Date(), on db: any Database) async throws {
        row.attempts += 1
        row.lastError = String(error.prefix(1000))
        if permanent || RetrySchedule.givesUp(afterAttempt: row.attempts) {
            row.status = OutboxModel.Status.failed.rawValue
        } else {
            row.nextAttemptAt = now.addingTimeInterval(RetrySchedule.delay(afterAttempt: row.attempts))
        }
        try await row.update(on: db)
    }

    /// The caller's organization's messages, newest first (operator admins see all).
    public static func list(scope: TenantScope, limit: Int = 200, on db: any Database) async throws -> [OutboxModel] {
        try scope.require(.viewAudit)
        let query = OutboxModel.query(on: db).sort(\.$createdAt, .descending).limit(limit)
        return try await (scope.isOperatorAdmin ? query : query.filter(\.$organizationID == scope.organizationID.rawValue)).all()
    }

    /// Sends a failed message again from the start of the backoff.
    public static func retry(_ id: UUID, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.viewAudit)
        guard let row = try await list(scope: scope, limit: 10_000, on: db).first(where: { $0.id == id }) else { throw DomainError.notFound(entity: "message") }
        guard row.status == OutboxModel.Status.failed.rawValue else { throw DomainError.conflict(entity: "message", message: "only a failed message can be retried; this one is \(row.status)") }
        row.status = OutboxModel.Status.pending.rawValue
        row.attempts = 0
        row.nextAttemptAt = Date()
        try await row.update(on: db)
    }
}

/// The mail templates an organization sends: its edited versions over the defaults.
public enum MailTemplates {
    public static func current(_ key: String, organizationID: UUID?, on db: any Database) async throws -> MailTemplate {
        guard let fallback = MailTemplate.defaults.first(where: { $0.key == key }) else {
            throw DomainError.invalid(field: "template", message: "there is no mail template '\(key)'")
        }
        guard let organizationID,
              let edited = try await MailTemplateModel.query(on: db).filter(\.$organizationID == organizationID).filter(\.$key == key).first()
        else { return fallback }
        return MailTemplate(key: key, subject: edited.subject, body: edited.body)
    }

    public static func all(scope: TenantScope, on db: any Database) async throws -> [MailTemplate] {
        var result: [MailTemplate] = []
        for template in MailTemplate.defaults { result.append(try await current(template.key, organizationID: scope.organizationID.rawValue, on: db)) }
        return result
    }

    /// Saves an edit, refusing placeholders the message will not have (so nobody gets
    /// "Hello {{nmae}}").
    public static func save(_ key: String, subject: String, body: String, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.manageUsers)
        guard let fallback = MailTemplate.defaults.first(where: { $0.key == key }) else {
            throw DomainError.notFound(entity: "mail template")
        }
        let allowed = Set(MailTemplate.placeholders(fallback.subject + fallback.body))
        for (field, text) in [("subject", subject), ("body", body)] {
            guard !text.trimmed.isEmpty else { throw DomainError.invalid(field: field, message: "the \(field) must not be empty") }
            if let unknown = MailTemplate.placeholders(text).first(where: { !allowed.contains($0) }) {
                throw DomainError.invalid(field: field, message: "{{\(unknown)}} is not available in this message; use \(allowed.sorted().map { "{{\($0)}}" }.joined(separator: ", "))")
            }
            guard !text.contains("{{") || text.components(separatedBy: "{{").count == text.components(separatedBy: "}}").count else {
                throw DomainError.invalid(field: field, message: "the \(field) has a '{{' without its '}}'")
            }
        }
        guard !subject.contains("\n"), !subject.contains("\r") else { throw DomainError.invalid(field: "subject", message: "the subject must be one line") }
        try await db.transaction { tx in
            let existing = try await MailTemplateModel.query(on: tx).filter(\.$organizationID == scope.organizationID.rawValue).filter(\.$key == key).first()
            let row = existing ?? MailTemplateModel()
            let before: AuditSnapshot? = existing.map { ["subject": $0.subject, "body": $0.body] }
            if existing == nil {
                row.id = UUID()
                row.organizationID = scope.organizationID.rawValue
                row.key = key
            }
            row.subject = subject
            row.body = body
            row.updatedBy = scope.userEmail
            row.updatedAt = Date()
            try await row.save(on: tx)
            try await AuditLog.record(existing == nil ? .create : .update, entityType: "mail-template", entityID: row.id!, organizationID: row.organizationID,
                                      before: before, after: ["subject": subject, "body": body], summary: "edited the \(key) mail template", actor: scope.actor, on: tx)
        }
    }
}
