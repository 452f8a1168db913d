import ArgumentParser
import Foundation
import VettedWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Migrate the database and serve the web UI and the API.")

    @OptionGroup var data: DataOptions

    @Option(help: "Address to listen on (VETTED_HOST; default 127.0.0.1).")
    var host: String?

    @Option(help: "Port (VETTED_PORT; default 8080).")
    var port: Int?

    @Flag(help: "Load the demo data set when the database is empty.")
    var demo = false

    func run() async throws {
        var config = try data.config()
        if let host { config.host = host }
        if let port { config.port = port }
        try await withApplication(config, arguments: ["vetted", "serve"]) { app in
            if demo {
                do {
                    say(DemoReport.text(try await DemoLoader.load(app)))
                } catch DemoLoader.DemoError.notEmpty {
                    say("The database already holds data, so no demo data was loaded; sign in with the password printed when it was first created.")
                    say("To start over, stop Vetted and remove \(config.dataDirectory).")
                }
            }
            let outcome = try await Bootstrap.ensureAdmin(app)
            if let email = outcome.createdAdmin {
                say("Created the first admin: \(email)")
                if let password = outcome.generatedPassword {
                    say("One-time password (shown only now; change it after signing in): \(password)")
                }
            }
            say("Vetted is running at http://\(config.host):\(config.port)  (Ctrl-C to stop)")
            // Background jobs (repository analysis) run in this process too; more
            // `vetted worker` processes can share the queue.
            let jobs = Task { await JobRunner(app).loop() }
            defer { jobs.cancel() }
            // E-mail from the outbox (and scorecard reminders), every few seconds.
            let mail = Task { await MailDelivery(app).loop() }
            defer { mail.cancel() }
            // The match index: built now, then kept current from the change log.
            let matching = try await MatchOperations.startFollowing(app)
            defer { matching.cancel() }
            try await app.execute()
            // Let a send in progress record its outcome before the database closes, so
            // it is not sent again after a restart.
            mail.cancel()
            await mail.value
        }
    }
}

enum DemoReport {
    static func text(_ summary: DemoLoader.Summary) -> String {
        var lines = ["Loaded demo data: \(summary.organizations) organizations, \(summary.roles) roles, \(summary.candidates) candidates, \(summary.applications) applications."]
        lines.append("Sign in with any of these (password: \(summary.password)\(summary.generatedPassword ? ", generated now and shown only once" : "")):")
        for user in summary.users { lines.append("  \(user.email)  (\(user.memberRole))") }
        return lines.joined(separator: "\n")
    }
}

struct Worker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run background jobs (repository analysis) from the database's queue until stopped.")

    @OptionGroup var data: DataOptions
    @Flag(help: "Run the jobs queued now, then exit.") var once = false

    func run() async throws {
        try await withApplication(try data.config(), arguments: ["vetted", "worker"]) { app in
            let runner = JobRunner(app)
            if once {
                var count = 0
                while try await runner.runOnce() { count += 1 }
                say("Ran \(count) job(s).")
            } else {
                say("Worker \(runner.worker) is taking jobs (Ctrl-C to stop).")
                await runner.loop()
            }
        }
    }
}
