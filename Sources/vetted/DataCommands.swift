import ArgumentParser
import Foundation
import VettedDomain
import VettedWeb

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending migrations, or revert them all with --revert.")

    @OptionGroup var data: DataOptions

    @Flag(help: "Revert every migration (drops Vetted's tables and their data).")
    var revert = false

    func run() async throws {
        try await withApplication(try data.config(), migrateFirst: !revert) { app in
            if revert {
                try await revertAllMigrations(app)
                say("Reverted every migration.")
            } else {
                try await migrate(app)
                say("The schema is up to date.")
            }
        }
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the deterministic demo data into an empty database.")

    @OptionGroup var data: DataOptions

    @Option(help: "How many candidates to generate.")
    var candidates = 500

    func run() async throws {
        try await withApplication(try data.config()) { app in
            let summary = try await DemoLoader.load(app, candidateCount: candidates) { line in
                FileHandle.standardError.write(Data("  \(line)\n".utf8))
            }
            say(DemoReport.text(summary))
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage users.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user with a member role.")

        @OptionGroup var data: DataOptions
        @Option(help: "E-mail address.") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "admin, talent-partner, hiring-manager or interviewer.") var role: String
        @Option(help: "Organization name (default: the operator).") var organization: String?
        @Option(help: "Password; when absent it is read from VETTED_NEW_USER_PASSWORD, else generated and printed.") var password: String?
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let memberRole = try MemberRole.parse(role, field: "role")
            let generated = password == nil && ProcessInfo.processInfo.environment["VETTED_NEW_USER_PASSWORD"] == nil
            let secret = password ?? ProcessInfo.processInfo.environment["VETTED_NEW_USER_PASSWORD"] ?? CommandOperations.generatedPassword()
            let id = try await withApplication(try data.config()) { app in
                try await CommandOperations.createUser(app, email: email, name: name, password: secret, memberRole: memberRole, organization: organization)
            }
            if json {
                var object: [String: String] = ["id": id, "email": email.lowercased()]
                if generated { object["password"] = secret }
                say(String(data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), encoding: .utf8)!)
            } else {
                say("Created \(email) (\(memberRole.rawValue)).")
                if generated { say("Password (shown once): \(secret)") }
            }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a user; it is shown once.")

        @OptionGroup var data: DataOptions
        @Option(help: "The user's e-mail.") var user: String
        @Option(help: "read or write.") var scope: String
        @Option(help: "A name to recognise the token by.") var name = "CLI token"
        @Flag(help: "Print one JSON document: {\"token\": …}.") var json = false

        func run() async throws {
            let tokenScope = try TokenScope.parse(scope, field: "scope")
            let token = try await withApplication(try data.config()) { app in
                try await CommandOperations.createToken(app, email: user, scope: tokenScope, name: name)
            }
            if json {
                say(String(data: try JSONSerialization.data(withJSONObject: ["token": token]), encoding: .utf8)!)
            } else {
                say(token)
            }
        }
    }
}

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy the database to PATH while Vetted runs (SQLite), or print the pg_dump command (PostgreSQL).")

    @OptionGroup var data: DataOptions
    @Argument(help: "Where to write the backup; must not exist.") var path: String

    func run() async throws {
        let result = try await withApplication(try data.config()) { app in try await CommandOperations.backup(app, to: path) }
        switch result {
        case .written(let path, let bytes): say("Wrote \(path) (\(bytes) bytes).")
        case .postgresCommand(let command): say("With PostgreSQL, back up with:\n  \(command)")
        }
    }
}
