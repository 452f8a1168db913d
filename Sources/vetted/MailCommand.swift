import ArgumentParser
import Foundation
import VettedWeb

struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "E-mail from the outbox (`vetted serve` does this every 15 seconds by itself).",
        subcommands: [Deliver.self])

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue the scorecard reminders that are due and send the due messages through SMTP_HOST once (safe beside a running serve: each message is claimed before it is sent).")
        @OptionGroup var data: DataOptions

        func run() async throws {
            let config = try data.config()
            let summary = try await withApplication(config) { app in try await MailDelivery(app).runOnce() }
            say("Reminders queued: \(summary.remindersQueued). Sent: \(summary.sent), to retry later: \(summary.retrying), given up: \(summary.failed).")
            if config.smtp == nil { say("SMTP_HOST is not set, so messages stay in the outbox.") }
        }
    }
}
