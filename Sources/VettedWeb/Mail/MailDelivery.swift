import Fluent
import Foundation
import Mail
import Vapor
import VettedStore

/// Sends what the outbox holds through the configured SMTP relay and records each
/// attempt on the row: sent, tried again later (4xx, server down, timeout), or given up
/// on (5xx, a bad address, attempts spent). Nothing is deleted, so a relay that is down
/// only delays mail. Runs inside `vetted serve` (see `loop`) and from `vetted mail deliver`.
public struct MailDelivery: Sendable {
    public struct Summary: Sendable, Equatable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        public var remindersQueued = 0
    }

    let db: any Database
    let settings: SMTPSettings?
    let baseURL: String
    let logger: Logger

    public init(_ app: Application) {
        db = app.db
        settings = app.vetted.config.smtp
        baseURL = app.vetted.config.publicURL
        logger = app.logger
    }

    /// One round: queue the scorecard reminders that are due, then send the due messages.
    /// Without SMTP settings messages stay pending for when a relay is configured.
    public func runOnce(now: Date = Date()) async throws -> Summary {
        var summary = Summary()
        summary.remindersQueued = try await InterviewInvites.remindMissingScorecards(now: now, baseURL: baseURL, on: db)
        guard let settings else { return summary }
        let client = SMTPClient(server: settings.server)
        let from = try MailAddress(settings.from, name: "Vetted")
        let domain = settings.from.split(separator: "@").last.map(String.init) ?? "vetted.local"
        for row in try await OutboxWrites.due(now: now, on: db) {
            // Another sender (a second `vetted serve`, `vetted mail deliver`) took it.
            guard try await OutboxWrites.claim(row, now: now, on: db) else { continue }
            let failure: MailError?
            do throws(MailError) {
                // The same Message-ID on every attempt, so a receiver can drop a repeat.
                try await client.send(try Self.message(row, from: from), messageID: "\(row.id!.uuidString.lowercased())@\(domain)", date: now)
                failure = nil
            } catch {
                failure = error
            }
            guard let failure else {
                try await OutboxWrites.markSent(row, now: now, on: db)
                summary.sent += 1
                continue
            }
            // Only a failure about this message can fail it for good: a relay that refuses
            // everyone (bad credentials, sender refused) is a reason to wait, not to give up.
            try await OutboxWrites.markFailed(row, error: failure.description, permanent: failure.isPermanent && failure.concernsMessage, now: now, on: db)
            if row.status == OutboxModel.Status.failed.rawValue { summary.failed += 1 } else { summary.retrying += 1 }
            logger.warning("mail not delivered", metadata: ["message": .string(row.id!.uuidString), "error": .string(failure.description)])
            // The next message would meet the same relay problem: leave the rest due for
            // the next round, so one attempt is spent per round rather than one per message.
            if !failure.concernsMessage { break }
        }
        return summary
    }

    static func message(_ row: OutboxModel, from: MailAddress) throws(MailError) -> MailMessage {
        var attachments: [MailMessage.Attachment] = []
        if let name = row.attachmentName, let text = row.attachment {
            attachments.append(.init(filename: name, contentType: row.attachmentType ?? "application/octet-stream", data: Data(text.utf8)))
        }
        return MailMessage(from: from, to: try MailAddress(row.toAddress, name: row.toName), subject: row.subject, body: row.body, attachments: attachments)
    }

    /// Rounds until cancelled, `every` apart.
    public func loop(every: Duration = .seconds(15)) async {
        while !Task.isCancelled {
            do {
                _ = try await runOnce()
            } catch {
                logger.error("mail delivery round failed", metadata: ["error": .string("\(error)")])
            }
            try? await Task.sleep(for: every)
        }
    }
}
