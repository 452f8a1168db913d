import Foundation

/// An e-mail address, normalized (trimmed, lower-cased) so the same person is found
/// however they typed it.
public struct EmailAddress: Hashable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "email") throws(DomainError) {
        let normalized = text.trimmed.lowercased()
        let parts = normalized.split(separator: "@", omittingEmptySubsequences: false)
        guard normalized.count <= 254, parts.count == 2, !parts[0].isEmpty,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !normalized.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else {
            throw .invalid(field: field, message: "\(field) must be an e-mail address such as ada@example.com; got '\(text)'")
        }
        self.value = normalized
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }
}
