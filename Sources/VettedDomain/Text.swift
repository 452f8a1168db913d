import Foundation

/// Helpers that turn what a user typed into values, recording problems in a
/// `ValidationFailure` so a form can show every one of them at once.
enum Text {
    static func trimmed(_ text: String?) -> String? {
        guard let text else { return nil }
        let t = text.trimmed
        return t.isEmpty ? nil : t
    }

    static func required(_ text: String?, field: String, maxLength: Int, failure: inout ValidationFailure) -> String? {
        guard let value = trimmed(text) else {
            failure.add(field: field, "\(field) is required")
            return nil
        }
        guard value.count <= maxLength else {
            failure.add(field: field, "\(field) must be at most \(maxLength) characters")
            return nil
        }
        return value
    }

    /// A required value: the new text when given, else the existing value.
    static func parsed<T>(_ text: String?, existing: T?, field: String, failure: inout ValidationFailure,
                          _ parse: (String) throws(DomainError) -> T) -> T? {
        if let text = trimmed(text) { return failure.check { () throws(DomainError) in try parse(text) } }
        if let existing { return existing }
        failure.add(field: field, "\(field) is required")
        return nil
    }

    /// An optional value: absent keeps the existing one, an empty string clears it.
    /// The outer optional is nil only when parsing failed.
    static func optionalParsed<T>(_ text: String?, existing: T?, failure: inout ValidationFailure,
                                  _ parse: (String) throws(DomainError) -> T) -> T?? {
        guard let text else { return .some(existing) }
        guard let value = trimmed(text) else { return .some(nil) }
        if let parsed = failure.check({ () throws(DomainError) in try parse(value) }) { return .some(parsed) }
        return nil
    }

    static func number(_ value: Int?, existing: Int?, field: String, range: ClosedRange<Int>, failure: inout ValidationFailure) -> Int? {
        guard let value else { return existing }
        guard range.contains(value) else {
            failure.add(field: field, "\(field) must be between \(range.lowerBound) and \(range.upperBound); got \(value)")
            return nil
        }
        return value
    }

    static func list(_ values: [String]?, existing: [String]?) -> [String] {
        guard let values else { return existing ?? [] }
        var seen = Set<String>()
        return values.compactMap(trimmed).filter { seen.insert($0).inserted }
    }
}
