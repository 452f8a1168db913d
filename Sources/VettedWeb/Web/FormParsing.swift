import Foundation
import VettedDomain

/// Turns form text into the typed inputs the API takes, recording what cannot be read.
enum FormParsing {
    static func integer(_ text: String?, field: String, failure: inout ValidationFailure) -> Int? {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        guard let n = Int(t) else {
            failure.add(field: field, "\(field) must be a whole number; got '\(t)'")
            return nil
        }
        return n
    }

    /// "85", "85.5", "1,200.00" dollars → cents.
    static func cents(_ text: String?, field: String, failure: inout ValidationFailure) -> Int? {
        guard var t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        t = t.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int(parts[0]), whole >= 0,
              parts.count == 1 || (parts[1].count <= 2 && Int(parts[1]) != nil)
        else {
            failure.add(field: field, "\(field) must be an amount such as 45 or 45.50; got '\(text ?? "")'")
            return nil
        }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
        return whole * 100 + fraction
    }

    static func dollars(_ cents: Int?) -> String {
        guard let cents else { return "" }
        return cents % 100 == 0 ? String(cents / 100) : String(format: "%d.%02d", cents / 100, cents % 100)
    }

    /// Comma- or line-separated words.
    static func list(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
