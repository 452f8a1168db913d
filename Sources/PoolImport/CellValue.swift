import Foundation
import VettedDomain

/// Turns what people type into spreadsheet cells and resumes into the values
/// `CandidateInput` holds. Numbers are read from UTF-8 bytes, never through floating point.
enum CellValue {
    /// Trimmed text, nil when empty. A leading `'` that export put before `= + - @` (so a
    /// spreadsheet does not run the cell as a formula) is removed again.
    static func cleaned(_ text: String) -> String? {
        // Most cells need nothing done; look at two bytes before doing any work.
        guard let first = text.utf8.first else { return nil }
        if !isBlank(first), first < 0x80, first != UInt8(ascii: "'"), let last = text.utf8.last, !isBlank(last), last < 0x80 {
            return text
        }
        var value = trim(Substring(text))
        if value.isEmpty { return nil }
        if value.utf8.first == UInt8(ascii: "'") {
            let rest = value.utf8.drop { $0 == UInt8(ascii: "'") }
            if let next = rest.first, formulaStarts.contains(next) { value = value.dropFirst() }
        }
        return value.utf8.count == text.utf8.count ? text : String(value)
    }

    /// White space trimmed from both ends, on bytes; Unicode spaces (no-break space) go
    /// through Foundation, which is too slow for every cell of a large file.
    static func trim(_ text: Substring) -> Substring {
        let u = text.utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, isBlank(u[start]) { start = u.index(after: start) }
        while end > start, isBlank(u[u.index(before: end)]) { end = u.index(before: end) }
        let trimmed = Substring(u[start..<end])
        if let first = trimmed.utf8.first, let last = trimmed.utf8.last, first >= 0x80 || last >= 0x80 {
            return Substring(trimmed.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return trimmed
    }

    /// Bytes that start a spreadsheet formula: = + - @.
    static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")]

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// An amount in currency units → cents, exactly: "45", "45.50", "$45", "1,200.00",
    /// "€45", "45 EUR". Commas must group thousands ("45,50" is refused rather than read as
    /// 4550). The currency is returned when the cell names one (a code or € £).
    static func cents(_ text: String) -> (cents: Int, currency: String?)? {
        var bytes = Array(text.utf8)
        var currency: String?
        func trimBlanks() {
            while let f = bytes.first, isBlank(f) { bytes.removeFirst() }
            while let l = bytes.last, isBlank(l) { bytes.removeLast() }
        }
        trimBlanks()
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst(); trimBlanks() }
        // Symbols and ISO codes before or after the number.
        let symbols: [([UInt8], String?)] = [(Array("US$".utf8), "USD"), (Array("$".utf8), nil), (Array("€".utf8), "EUR"), (Array("£".utf8), "GBP")]
        for (symbol, code) in symbols {
            if bytes.starts(with: symbol) { bytes.removeFirst(symbol.count); currency = currency ?? code; trimBlanks(); break }
            if bytes.count >= symbol.count, Array(bytes.suffix(symbol.count)) == symbol { bytes.removeLast(symbol.count); currency = currency ?? code; trimBlanks(); break }
        }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        if bytes.count > 3, bytes.prefix(3).allSatisfy(isLetter), !isLetter(bytes[3]) {
            currency = String(decoding: bytes.prefix(3), as: UTF8.self).uppercased()
            bytes.removeFirst(3); trimBlanks()
        } else if bytes.count > 3, bytes.suffix(3).allSatisfy(isLetter), !isLetter(bytes[bytes.count - 4]) {
            currency = String(decoding: bytes.suffix(3), as: UTF8.self).uppercased()
            bytes.removeLast(3); trimBlanks()
        }
        if !negative, bytes.first == UInt8(ascii: "-") { negative = true; bytes.removeFirst() }
        guard !bytes.isEmpty else { return nil }
        var whole = 0, wholeDigits = 0, groupDigits = 0, sawComma = false
        var fraction = 0, fractionDigits = 0
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ".") {
            let b = bytes[index]
            if b == UInt8(ascii: ",") {
                // The first group has 1-3 digits, every later one exactly 3.
                guard wholeDigits > 0, (sawComma ? groupDigits == 3 : groupDigits <= 3) else { return nil }
                sawComma = true
                groupDigits = 0
            } else if b >= 0x30, b <= 0x39 {
                whole = whole * 10 + Int(b - 0x30)
                wholeDigits += 1
                groupDigits += 1
                guard wholeDigits <= 12 else { return nil }
            } else {
                return nil
            }
            index += 1
        }
        guard wholeDigits > 0, !sawComma || groupDigits == 3 else { return nil }
        if index < bytes.count {
            index += 1
            while index < bytes.count {
                let b = bytes[index]
                guard b >= 0x30, b <= 0x39 else { return nil }
                if fractionDigits < 2 {
                    fraction = fraction * 10 + Int(b - 0x30)
                } else if b != 0x30 {
                    return nil   // a fraction of a cent cannot be stored exactly
                }
                fractionDigits += 1
                index += 1
            }
            if fractionDigits == 1 { fraction *= 10 }
        }
        let cents = whole * 100 + fraction
        return (negative ? -cents : cents, currency)
    }

    /// A whole number, allowing the words people add: "5", "5+", "5 years", "40 h".
    static func integer(_ text: String) -> Int? {
        var value = 0, digits = 0
        var bytes = text.utf8[...]
        while let f = bytes.first, isBlank(f) { bytes = bytes.dropFirst() }
        var negative = false
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        while let b = bytes.first, b >= 0x30, b <= 0x39 {
            value = value * 10 + Int(b - 0x30)
            digits += 1
            guard digits <= 9 else { return nil }
            bytes = bytes.dropFirst()
        }
        guard digits > 0 else { return nil }
        if bytes.isEmpty { return negative ? -value : value }
        let rest = trim(Substring(bytes)).lowercased()
        let allowed: Set<String> = ["", "+", "years", "year", "yrs", "yr", "y", "+ years", "+ yrs", "+years", "+yrs",
                                    "h", "hrs", "hours", "h/week", "hours/week", "h/wk", "people", "developers", "devs"]
        guard allowed.contains(rest) else { return nil }
        return negative ? -value : value
    }

    /// A list cell: entries separated by ';' or '|', trimmed, empty ones dropped.
    static func list(_ text: String) -> [String] {
        text.utf8.split { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "|") }
            .compactMap { cleaned(String(Substring($0))) }
    }

    /// A GitHub handle from "jane", "@jane", "github.com/jane" or "https://github.com/jane/".
    static func githubHandle(_ text: String) -> String? {
        if (1...39).contains(text.utf8.count), text.utf8.allSatisfy(isHandleByte) { return text }
        var value = String(trim(Substring(text)))
        if let range = value.range(of: "github.com/", options: .caseInsensitive) {
            value = String(value[range.upperBound...].split(separator: "/").first ?? "")
            value = String(value.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? "")
        }
        if value.hasPrefix("@") { value.removeFirst() }
        guard (1...39).contains(value.utf8.count), value.utf8.allSatisfy(isHandleByte) else { return nil }
        return value
    }

    static func isHandleByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    /// A URL on a code host that names one repository (`github.com/owner/repo`).
    static func isRepositoryURL(_ url: String) -> Bool {
        guard let host = urlHost(url), ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"].contains(host) else { return false }
        let path = urlPath(url).split(separator: "/")
        return path.count >= 2 && !["orgs", "sponsors", "settings", "topics", "users"].contains(path[0].lowercased())
    }

    /// The handle of a GitHub profile URL with exactly one path part (`github.com/jane`).
    static func githubProfileHandle(_ url: String) -> String? {
        guard urlHost(url) == "github.com" else { return nil }
        let path = urlPath(url).split(separator: "/")
        guard path.count == 1 else { return nil }
        return githubHandle(String(path[0]))
    }

    static func urlHost(_ url: String) -> String? {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.lowercased() } ?? ""
        let bare = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        return bare.isEmpty ? nil : bare
    }

    static func urlPath(_ url: String) -> String {
        var rest = Substring(url.trimmingCharacters(in: .whitespaces))
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        let path = rest[slash...].split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
        return String(path).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    // MARK: vocabulary words people write differently

    static func seniority(_ text: String) -> String {
        if Seniority(rawValue: text) != nil { return text }
        let key = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " .")).replacingOccurrences(of: "-level", with: "")
        switch key {
        case "jr", "junior", "entry", "entry level", "graduate", "intern": return "junior"
        case "mid", "middle", "intermediate", "regular", "mid level", "midlevel", "medior": return "mid"
        case "sr", "senior", "snr", "senior engineer": return "senior"
        case "lead", "tech lead", "team lead", "principal", "staff", "architect": return "lead"
        default: return text
        }
    }

    /// English level from a fluency phrase (LinkedIn's and CEFR words); nil if unknown.
    static func englishLevel(_ text: String) -> String? {
        if EnglishLevel(rawValue: text) != nil { return text }
        let t = text.lowercased()
        func has(_ words: String...) -> Bool { words.contains { t.contains($0) } }
        if has("native", "bilingual", "mother tongue", "first language") { return "native" }
        if has("limited working", "conversational", "intermediate", "b1", "b2") { return "conversational" }
        if has("elementary", "basic", "beginner", "a1", "a2") { return "basic" }
        if has("professional", "fluent", "fluency", "advanced", "proficient", "full", "c1", "c2") { return "professional" }
        return nil
    }

    static func engagement(_ text: String) -> String {
        if EngagementModel(rawValue: text) != nil { return text }
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "freelance", "contract", "contractor", "freelancer", "part-time", "part time", "hourly": return "freelancer"
        case "full-time", "full time", "fulltime", "dedicated", "dedicated team", "long-term", "staff augmentation": return "dedicated"
        case "in house", "inhouse", "in-house", "employee", "permanent", "employment": return "in-house"
        case "project", "project-based", "project based", "fixed price", "fixed-price": return "project"
        default: return text
        }
    }

    static func vettingStatus(_ text: String) -> String {
        if VettingStatus(rawValue: text) != nil { return text }
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch key {
        case "in review", "in_review", "reviewing", "pending": return "in-review"
        case "not vetted", "new", "none": return "unvetted"
        default: return text
        }
    }

    static func kind(_ text: String) -> String {
        if CandidateKind(rawValue: text) != nil { return text }
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "agency", "team", "company", "partner", "development partner", "vendor": return "partner"
        case "individual", "person", "freelancer", "developer": return "individual"
        default: return text
        }
    }

    /// "9:00" → "09:00"; anything else as written, for validation to judge.
    static func time(_ text: String) -> String {
        if text.utf8.count == 5 { return text }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].count == 1, parts[0].allSatisfy(\.isNumber) { return "0" + text }
        return text
    }
}
