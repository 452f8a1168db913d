import Foundation

/// An e-mail address, normalized (trimmed, lower-cased) so the same person is found
/// however they typed it.
public struct EmailAddress: Hashable, Codable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ text: String, field: String = "email") throws(DomainError) {
        let normalized = text.trimmed.lowercased()
        // Nearly every address is ASCII: checked byte by byte, the same rules as below
        // without counting and splitting Characters (microseconds an address, in an
        // import of 100,000 rows).
        guard Self.asciiIsValid(normalized) ?? Self.charactersAreValid(normalized) else {
            throw .invalid(field: field, message: "\(field) must be an e-mail address such as ada@example.com; got '\(text)'")
        }
        self.value = normalized
    }

    /// The rules, on Characters: one "@" with something before it, a dot inside the domain,
    /// no white space, angle brackets or commas, at most 254 long.
    static func charactersAreValid(_ normalized: String) -> Bool {
        let parts = normalized.split(separator: "@", omittingEmptySubsequences: false)
        return normalized.count <= 254 && parts.count == 2 && !parts[0].isEmpty
            && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !normalized.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
    }

    /// The same rules for an all-ASCII address, byte by byte; nil when it is not ASCII.
    static func asciiIsValid(_ address: String) -> Bool? {
        // (A string without contiguous UTF-8 takes the Character path.)
        address.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count <= 254 else { return false }
            var at: Int?
            for (i, b) in bytes.enumerated() {
                switch b {
                case 0x09...0x0D, 0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","): return false
                case UInt8(ascii: "@"):
                    if at != nil { return false }
                    at = i
                default: break
                }
            }
            guard let at, at > 0 else { return false }
            let domain = bytes[(at + 1)...]
            return domain.contains(UInt8(ascii: ".")) && domain.first != UInt8(ascii: ".") && domain.last != UInt8(ascii: ".")
        } ?? nil
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
