import VettedDomain

/// An editable e-mail template: subject and body with `{{name}}` placeholders. Rendering
/// refuses a placeholder it has no value for, so nobody receives "Dear {{candidate}}".
public struct MailTemplate: Codable, Sendable, Equatable {
    public var key: String
    public var subject: String
    public var body: String

    public init(key: String, subject: String, body: String) {
        self.key = key
        self.subject = subject
        self.body = body
    }

    public func render(_ values: [String: String]) throws(DomainError) -> (subject: String, body: String) {
        (try Self.fill(subject, values, field: "subject"), try Self.fill(body, values, field: "body"))
    }

    /// The placeholders a text uses, for the editor's check.
    public static func placeholders(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            names.append(String(rest[open.upperBound..<close.lowerBound]).trimmed)
            rest = rest[close.upperBound...]
        }
        return names
    }

    static func fill(_ text: String, _ values: [String: String], field: String) throws(DomainError) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw .invalid(field: field, message: "\(field) has '{{' without a closing '}}'")
            }
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmed
            guard let value = values[name] else {
                throw .invalid(field: field, message: "\(field) uses {{\(name)}}, which this message does not have (available: \(values.keys.sorted().joined(separator: ", ")))")
            }
            out += value
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The messages Vetted sends, with the placeholders each one has.
    public static let defaults: [MailTemplate] = [
        .init(key: "interview-invite", subject: "Interview: {{role}} — {{start}}",
              body: "Hello {{name}},\n\nYou are invited to the {{stage}} interview for {{role}} on {{start}} ({{zone}}).\nThe calendar invite is attached.\n\n— {{organization}}"),
        .init(key: "scorecard-reminder", subject: "Scorecard missing: {{candidate}} for {{role}}",
              body: "Hello {{name}},\n\nYou interviewed {{candidate}} ({{stage}}) on {{start}} and have not submitted your scorecard yet.\nPlease submit it: {{link}}\n"),
        .init(key: "offer", subject: "Your offer for {{role}}",
              body: "Hello {{name}},\n\n{{organization}} offers you the {{role}} engagement: {{terms}}.\nAccept or decline here before {{expires}}: {{link}}\n"),
    ]
}
