import ArgumentParser
import Foundation
import VettedDomain
import VettedWeb

/// Who a command acts as. Every change it makes is checked and audited as that member's.
struct MemberOptions: ParsableArguments {
    @Option(help: "Act as this member (e-mail); their role decides what is allowed.") var user: String
    @Option(help: "The member's organization, by name, when they belong to several.") var organization: String?
}

/// Sends one API call in this process (see `CommandLineAPI`) and prints the JSON answer;
/// a refused call prints the API's error message and exits with 1.
func callAPI(_ data: DataOptions, _ member: MemberOptions, _ method: String, _ path: String, body: [String: Any?]? = nil) async throws {
    try await callAPI(data, member, method, path, json: try jsonText(body))
}

func callAPI(_ data: DataOptions, _ member: MemberOptions, _ method: String, _ path: String, json: String?) async throws {
    let reply = try await withApplication(try data.config()) { app in
        try await CommandLineAPI.send(app, method: method, path: path, json: json, user: member.user, organization: member.organization)
    }
    say(prettyJSON(try succeeded(reply)))
}

/// The body of a successful reply; otherwise the API's error on standard error and exit 1.
func succeeded(_ reply: CommandLineAPI.Reply) throws -> String {
    guard reply.succeeded else {
        FileHandle.standardError.write(Data("Error (\(reply.status)): \(reply.errorText)\n".utf8))
        throw ExitCode(1)
    }
    return reply.body
}

/// Options as a JSON object, leaving out the ones not given.
func jsonText(_ fields: [String: Any?]?) throws -> String? {
    guard let fields else { return nil }
    return String(decoding: try JSONSerialization.data(withJSONObject: fields.compactMapValues { $0 }, options: [.sortedKeys]), as: UTF8.self)
}

func prettyJSON(_ text: String) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
          let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    else { return text }
    return String(decoding: data, as: UTF8.self)
}

/// `key=value` options (ratings, evidence) as a dictionary, naming a malformed one.
func pairs(_ items: [String], option: String) throws -> [String: String] {
    var result: [String: String] = [:]
    for item in items {
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
            throw ValidationError("--\(option) takes KEY=VALUE; got '\(item)'")
        }
        result[String(item[..<equals])] = String(item[item.index(after: equals)...])
    }
    return result
}

struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Call any /api/v1 route as a member, in this process (no server or token needed); prints the JSON answer.",
        discussion: "Example: vetted api GET applications --user manager@example.com\n         vetted api POST applications/ID/trial --data @trial.json --user manager@example.com")

    @OptionGroup var data: DataOptions
    @OptionGroup var member: MemberOptions
    @Argument(help: "GET, POST, PUT, PATCH or DELETE.") var method: String
    @Argument(help: "The path after /api/v1/, e.g. applications/ID/scorecards.") var path: String
    @Option(name: .customLong("data"), help: "The JSON body, or @FILE to read it from a file.") var body: String?

    static func body(_ option: String?) throws -> String? {
        guard let option else { return nil }
        guard option.hasPrefix("@") else { return option }
        let file = String(option.dropFirst())
        guard let bytes = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        return String(decoding: bytes, as: UTF8.self)
    }

    func run() async throws {
        try await callAPI(data, member, method, path, json: try Self.body(body))
    }
}
