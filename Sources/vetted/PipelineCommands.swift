import ArgumentParser
import Evaluation
import Foundation
import VettedWeb

/// `vetted pipeline …` and `vetted applications …`: a role's stages, the organization's
/// templates, and moving candidates by the same rules as the board.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline", abstract: "A role's stages and the organization's pipeline templates.",
        subcommands: [Show.self, Set.self, Templates.self, SaveTemplate.self])

    /// Stages from a file of lines `key | Name` (add `| optional` for a stage that may be skipped).
    static func stages(_ file: String) throws -> [[String: Any]] {
        guard let bytes = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        return try Pipeline(lines: String(decoding: bytes, as: UTF8.self)).stages.map { ["key": $0.key, "name": $0.name, "required": $0.required] }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The stages of a role.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Option(help: "The role's id.") var role: String
        func run() async throws { try await callAPI(data, member, "GET", "roles/\(role)/pipeline") }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Replace a role's stages (a stage candidates are in cannot be dropped).")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Option(help: "The role's id.") var role: String
        @Option(help: "A file of lines 'key | Name' or 'key | Name | optional'.") var stagesFile: String
        func run() async throws {
            try await callAPI(data, member, "PUT", "roles/\(role)/pipeline", body: ["stages": try PipelineCommand.stages(stagesFile)])
        }
    }

    struct Templates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The organization's pipeline templates.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        func run() async throws { try await callAPI(data, member, "GET", "pipeline-templates") }
    }

    struct SaveTemplate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "save-template", abstract: "Create or replace a named template.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Option(help: "The template's name.") var name: String
        @Option(help: "A file of lines 'key | Name' or 'key | Name | optional'.") var stagesFile: String
        func run() async throws {
            try await callAPI(data, member, "POST", "pipeline-templates", body: ["name": name, "stages": try PipelineCommand.stages(stagesFile)])
        }
    }
}

struct ApplicationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "applications", abstract: "Candidates in roles' pipelines: list, move, history.",
        subcommands: [List.self, Move.self, History.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Applications the member can see, optionally of one role or stage.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Option(help: "Only this role's.") var role: String?
        @Option(help: "Only those in this stage.") var stage: String?
        @Option(help: "Page (100 a page).") var page = 1
        func run() async throws {
            let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? text }
            let query = [role.map { "roleId=\(encode($0))" }, stage.map { "stage=\(encode($0))" }].compactMap { $0 }.joined(separator: "&")
            try await callAPI(data, member, "GET", "applications?perPage=100&page=\(page)" + (query.isEmpty ? "" : "&" + query))
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move an application to a stage, by the board's rules (a skipped required stage needs --override; closing needs --reason).")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        @Option(help: "The stage key to move to (e.g. fundamentals, closed).") var to: String
        @Option(help: "Why the candidate is closed (with --to closed).") var reason: String?
        @Option(help: "Why a required stage is skipped or a closed candidate reopened.") var override: String?
        @Option(help: "The version you last saw (default: the current one).") var version: Int?
        func run() async throws {
            let reply = try await withApplication(try data.config()) { app in
                // Without --version the move applies to the application as it is now.
                var current = version
                if current == nil {
                    let shown = try succeeded(try await CommandLineAPI.send(app, method: "GET", path: "applications/\(application)", user: member.user, organization: member.organization))
                    current = (try? JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])?["version"] as? Int
                }
                return try await CommandLineAPI.send(app, method: "PATCH", path: "applications/\(application)",
                                                     json: try jsonText(["stage": to, "closedReason": reason, "override": override, "version": current]),
                                                     user: member.user, organization: member.organization)
            }
            say(prettyJSON(try succeeded(reply)))
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every stage the application has been in, with reasons and overrides.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        func run() async throws { try await callAPI(data, member, "GET", "applications/\(application)/stages") }
    }
}
