import Foundation

/// An IANA time-zone name (`Europe/Berlin`). Abbreviations such as `EST` are refused:
/// they do not say which daylight-saving rules apply.
public struct ZoneName: Hashable, Codable, Sendable, CustomStringConvertible {
    public let identifier: String

    private static let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])
    /// Names the zone database resolved before: building a TimeZone costs tens of
    /// microseconds, and an import checks the same few zones 100,000 times.
    private static let resolved = ResolvedNames()

    public init(_ identifier: String, field: String = "timeZone") throws(DomainError) {
        let trimmed = identifier.trimmed
        // Linux's list lacks some current names (Asia/Kolkata); any Area/City the zone
        // database resolves is accepted, but never a bare abbreviation.
        guard Self.known.contains(trimmed) || Self.resolved.contains(trimmed)
              || (trimmed.contains("/") && TimeZone(identifier: trimmed) != nil && Self.resolved.insert(trimmed)) else {
            throw .invalid(field: field, message: "\(field) must be an IANA time zone such as Europe/Berlin; got '\(identifier)'")
        }
        self.identifier = trimmed
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }

    public var timeZone: TimeZone { TimeZone(identifier: identifier)! }
    public var description: String { identifier }
}

final class ResolvedNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names = Set<String>()

    func contains(_ name: String) -> Bool { lock.withLock { names.contains(name) } }

    /// Always true, so it can sit in a condition.
    func insert(_ name: String) -> Bool {
        lock.withLock { _ = names.insert(name) }
        return true
    }
}

/// A local time of day, minutes after midnight, written `HH:MM`.
public struct LocalTime: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init(hour: Int, minute: Int) {
        self.minutes = hour * 60 + minute
    }

    public init(_ text: String, field: String) throws(DomainError) {
        // "HH:MM" as it nearly always comes, read from its five bytes.
        if let minutes = Self.fiveBytes(text) {
            self.minutes = minutes
            return
        }
        let parts = text.trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour * 60 + minute <= 24 * 60
        else {
            throw .invalid(field: field, message: "\(field) must be a time written HH:MM; got '\(text)'")
        }
        self.minutes = hour * 60 + minute
    }

    /// Minutes of a valid "HH:MM" with nothing around it; nil for anything else.
    static func fiveBytes(_ text: String) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { u -> Int? in
            func digit(_ i: Int) -> Int? { u[i] >= 0x30 && u[i] <= 0x39 ? Int(u[i] - 0x30) : nil }
            guard u.count == 5, u[2] == UInt8(ascii: ":"), let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else { return nil }
            let hour = h1 * 10 + h2, minute = m1 * 10 + m2
            guard minute <= 59, hour * 60 + minute <= 24 * 60 else { return nil }
            return hour * 60 + minute
        } ?? nil
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self), field: "time")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutes < b.minutes }

    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}

/// A calendar date with no time or zone (`2026-03-01`), as people write start and
/// availability dates. Stored as that text, which sorts in date order.
public struct LocalDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init(_ text: String, field: String) throws(DomainError) {
        let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...LocalDate.days(inMonth: m, year: y)).contains(d)
        else {
            throw .invalid(field: field, message: "\(field) must be a date written YYYY-MM-DD; got '\(text)'")
        }
        (year, month, day) = (y, m, d)
    }

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self), field: "date")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { a.description < b.description }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
