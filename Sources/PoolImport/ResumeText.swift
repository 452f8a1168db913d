import Foundation
import Taxonomy
import VettedDomain

/// A plain-text resume (or the text of a PDF) → one candidate: name, contact details,
/// links, years of experience and the taxonomy skills it names.
public enum ResumeText {
    /// Always one record (`line` 1); what could not be found is left nil for validation to
    /// name, with a warning where a reader would expect it (no name, no skills).
    public static func parse(_ text: String, source: String, options: ImportOptions = .init(),
                             taxonomy: Taxonomy = .standard) -> ImportRecord {
        let lines = ResumeLines.split(text)
        var input = CandidateInput()
        var warnings: [String] = []

        let nameIndex = nameLine(in: lines)
        if let nameIndex {
            input.fullName = displayName(ResumeLines.content(firstColumn(lines[nameIndex])))
            input.headline = headline(in: lines, after: nameIndex)
        } else {
            warnings.append("no name found at the top of the resume")
        }

        let addresses = Addresses(lines: lines)
        input.email = addresses.emails.first
        input.phone = phone(in: lines)
        var links: [String] = []
        var repositories: [String] = []
        for url in addresses.urls {
            if input.githubHandle == nil, let handle = CellValue.githubProfileHandle(url) {
                input.githubHandle = handle
            } else if CellValue.isRepositoryURL(url) {
                if !repositories.contains(url) { repositories.append(url) }
            } else if CellValue.githubProfileHandle(url) == nil, !links.contains(url) {
                links.append(url)
            }
        }
        input.githubHandle = input.githubHandle ?? labelledGitHub(in: lines)
        input.links = links.isEmpty ? nil : links
        input.repositories = repositories.isEmpty ? nil : repositories
        input.yearsExperience = yearsOfExperience(in: text)
        input.englishLevel = englishLevel(in: lines)
        input.bio = summary(in: lines)
        input.country = country(in: lines)

        let mentions = SkillMentionFinder(taxonomy: taxonomy).mentions(in: text)
        if mentions.isEmpty {
            warnings.append("no skills from the taxonomy were found in the resume")
        } else {
            input.skills = mentions.map {
                SkillInput(skillId: $0.skillId, level: 3, evidence: options.defaultEvidence.rawValue,
                           detail: "resume line \($0.line): " + detailText($0.lineText))
            }
        }
        input.timeZone = Zones.choose(explicit: zoneName(in: lines), country: input.country,
                                     defaultZone: options.defaultTimeZone, warnings: &warnings)
        return ImportRecord(source: source, line: 1, input: input, warnings: warnings)
    }

    /// The line, white space collapsed, at most 80 characters.
    static func detailText(_ line: String) -> String {
        let collapsed = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.count <= 80 ? collapsed : String(collapsed.prefix(79)) + "…"
    }

    // MARK: name and headline

    /// The first line that reads like a name: 2–6 words of letters, not an address, phone
    /// or heading. Only the top of the resume is searched.
    static func nameLine(in lines: [String]) -> Int? {
        var seen = 0
        for (index, line) in lines.enumerated() {
            let c = ResumeLines.content(firstColumn(line))
            guard !c.isEmpty else { continue }
            seen += 1
            if seen > 12 { return nil }
            if isName(c) { return index }
        }
        return nil
    }

    /// Text before a wide gap: pdftotext -layout puts contact details beside the name.
    static func firstColumn(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        if let gap = trimmed.range(of: "   ") { return String(trimmed[..<gap.lowerBound]) }
        for separator in [" | ", " · ", " • ", " — "] {
            if let range = trimmed.range(of: separator) { return String(trimmed[..<range.lowerBound]) }
        }
        return String(trimmed)
    }

    static func isName(_ text: Substring) -> Bool {
        let lower = text.lowercased()
        if ["resume", "résumé", "cv", "curriculum vitae", "contact", "contact details"].contains(lower) { return false }
        if ResumeLines.sectionNames.contains(lower.trimmingCharacters(in: CharacterSet(charactersIn: ":"))) { return false }
        if ResumeLines.skillsHeading(text) { return false }
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isLetter, first.isUppercase || word.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
        }
    }

    /// "JANE DOE" → "Jane Doe"; other spellings as written.
    static func displayName(_ text: Substring) -> String {
        let letters = text.filter(\.isLetter)
        guard !letters.isEmpty, letters.allSatisfy(\.isUppercase) else { return String(text) }
        return text.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
    }

    static func headline(in lines: [String], after index: Int) -> String? {
        guard let next = lines[(index + 1)...].first(where: { !ResumeLines.content($0).isEmpty }) else { return nil }
        let c = ResumeLines.content(firstColumn(next))
        guard c.count <= 80, c.split(separator: " ").count <= 12, !c.contains("@"), !c.contains("://"),
              c.filter(\.isNumber).count < 7, !ResumeLines.otherHeading(c), !ResumeLines.skillsHeading(c),
              !ResumeLines.labelledSkills(c)
        else { return nil }
        return String(c)
    }

    // MARK: contact details

    /// E-mail addresses and URLs in order of appearance.
    struct Addresses {
        var emails: [String] = []
        var urls: [String] = []

        init(lines: [String]) {
            let separators: Set<Character> = [" ", "\t", "|", ",", ";", "<", ">", "(", ")", "[", "]", "•", "·", "\""]
            for line in lines {
                for raw in line.split(whereSeparator: { separators.contains($0) }) {
                    var token = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".:;!?'"))
                    if token.lowercased().hasPrefix("mailto:") { token = String(token.dropFirst(7)) }
                    if Self.isEmail(token) {
                        if !emails.contains(token) { emails.append(token) }
                        continue
                    }
                    let lower = token.lowercased()
                    if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                        if !urls.contains(token) { urls.append(token) }
                    } else if lower.hasPrefix("www.") || (!token.contains("@") && ResumeLines.looksLikeAddress(ArraySlice(token.utf8))) {
                        let url = "https://" + token
                        if !urls.contains(url) { urls.append(url) }
                    }
                }
            }
        }

        static func isEmail(_ token: String) -> Bool {
            let parts = token.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                  !token.contains("/") else { return false }
            return token.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._%+-@'".unicodeScalars.contains($0) }
        }
    }

    /// "GitHub: janedoe" when the resume gives no github.com link.
    static func labelledGitHub(in lines: [String]) -> String? {
        for line in lines {
            let c = ResumeLines.content(line)
            guard c.lowercased().hasPrefix("github"), let colon = c.firstIndex(of: ":") else { continue }
            let value = c[c.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let first = value.split(separator: " ").first, let handle = CellValue.githubHandle(String(first)) { return handle }
        }
        return nil
    }

    /// The first phone-looking run of 7–15 digits (with + ( ) - . and spaces); a line
    /// labelled phone, tel or mobile is preferred. Year ranges and dates are not phones.
    static func phone(in lines: [String]) -> String? {
        var first: String?
        for line in lines {
            var bytes = Array(line.utf8)
            SkillMentionFinder.maskAddresses(&bytes)
            let runs = phoneRuns(bytes)
            guard let run = runs.first else { continue }
            let lower = line.lowercased()
            if ["phone", "tel:", "tel.", "tel ", "mobile", "cell", "whatsapp"].contains(where: { lower.contains($0) }) { return run }
            first = first ?? run
        }
        return first
    }

    static func phoneRuns(_ t: [UInt8]) -> [String] {
        var runs: [String] = []
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isPart(_ b: UInt8) -> Bool { isDigit(b) || b == 0x20 || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") }
        while i < t.count {
            let b = t[i]
            let startsRun = isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "(")
            let boundary = i == 0 || !(SkillMentionFinder.isWordByte(t[i - 1] | 0x20) || t[i - 1] == UInt8(ascii: "+"))
            guard startsRun, boundary else { i += 1; continue }
            var j = i + 1
            while j < t.count, isPart(t[j]) { j += 1 }
            var end = j
            while end > i, !isDigit(t[end - 1]) && t[end - 1] != UInt8(ascii: ")") { end -= 1 }
            let run = Array(t[i..<end])
            let groups = run.split(whereSeparator: { !isDigit($0) }).map(\.count)
            let digits = groups.reduce(0, +)
            if (7...15).contains(digits), !looksLikeDates(run, groups: groups) {
                runs.append(String(decoding: run, as: UTF8.self).trimmingCharacters(in: .whitespaces))
            }
            i = max(j, i + 1)
        }
        return runs
    }

    static func looksLikeDates(_ run: [UInt8], groups: [Int]) -> Bool {
        let text = String(decoding: run, as: UTF8.self)
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        if groups.allSatisfy({ $0 == 4 }), numbers.allSatisfy({ (1950...2100).contains($0) }) { return true }
        let shapes: [[Int]] = [[4, 2, 2], [2, 2, 4], [4, 2], [2, 4], [4, 2, 4, 2], [2, 4, 2, 4], [4, 2, 2, 4, 2, 2]]
        return shapes.contains(groups) && !text.hasPrefix("+") && !text.hasPrefix("(")
    }

    // MARK: experience, languages, summary, place

    /// The largest "N years" / "N+ years of experience" (at most 60).
    static func yearsOfExperience(in text: String) -> Int? {
        let t = Array(text.lowercased().utf8)
        var best: Int?
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < t.count {
            guard isDigit(t[i]), i == 0 || !(isDigit(t[i - 1]) || t[i - 1] == UInt8(ascii: ".")) else { i += 1; continue }
            var j = i, value = 0
            while j < t.count, isDigit(t[j]), j - i < 3 { value = value * 10 + Int(t[j] - 0x30); j += 1 }
            if j < t.count, isDigit(t[j]) { i = j; continue }
            var k = j
            if k < t.count, t[k] == UInt8(ascii: "+") { k += 1 }
            while k < t.count, t[k] == 0x20 { k += 1 }
            for word in ["years", "year", "yrs", "yr"] where t[k...].starts(with: word.utf8) {
                let after = k + word.utf8.count
                if after >= t.count || !SkillMentionFinder.isWordByte(t[after]), value <= 60 {
                    best = max(best ?? 0, value)
                }
                break
            }
            i = j
        }
        return best
    }

    static func englishLevel(in lines: [String]) -> String? {
        for line in lines {
            let lower = line.lowercased()
            guard let range = lower.range(of: "english") else { continue }
            let after = lower[range.upperBound...].prefix { $0 != "," && $0 != ";" && $0 != "|" && $0 != "•" }
            let before = lower[..<range.lowerBound].split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" || $0 == ":" }).last ?? ""
            if let level = CellValue.englishLevel(String(after)) ?? CellValue.englishLevel(String(before)) { return level }
        }
        return nil
    }

    /// The paragraph under a Summary / Profile / About heading.
    static func summary(in lines: [String]) -> String? {
        let headings: Set<String> = ["summary", "profile", "about", "about me", "professional summary", "objective", "overview"]
        guard let start = lines.firstIndex(where: { headings.contains(ResumeLines.content($0).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))) }) else { return nil }
        var parts: [String] = []
        for line in lines[(start + 1)...] {
            let c = ResumeLines.content(line)
            if c.isEmpty { if parts.isEmpty { continue } else { break } }
            if ResumeLines.otherHeading(c) || ResumeLines.skillsHeading(c) { break }
            parts.append(c.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        let text = parts.joined(separator: " ")
        return text.isEmpty ? nil : String(text.prefix(2000))
    }

    /// From "Location: Berlin, Germany" or a "City, Country" part of the top lines.
    static func country(in lines: [String]) -> String? {
        for line in lines {
            let c = ResumeLines.content(line)
            let lower = c.lowercased()
            for label in ["location:", "country:", "based in", "address:", "lives in"] where lower.hasPrefix(label) {
                if let code = Countries.code(from: String(c.dropFirst(label.count))) { return code }
            }
        }
        for line in lines.prefix(8) {
            let segments = line.split(whereSeparator: { $0 == "|" || $0 == "•" || $0 == "·" }).flatMap { $0.components(separatedBy: "   ") }
            for segment in segments where segment.contains(",") {
                guard !segment.contains("@"), let last = segment.split(separator: ",").last else { continue }
                if let code = Countries.code(fromName: String(last)) { return code }
            }
        }
        return nil
    }

    /// An IANA zone written in the text ("Time zone: Europe/Berlin").
    static func zoneName(in lines: [String]) -> String? {
        for line in lines {
            for token in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == "|" || $0 == ";" }) {
                let t = token.trimmingCharacters(in: CharacterSet(charactersIn: ".:"))
                let parts = t.split(separator: "/")
                guard (2...3).contains(parts.count), let area = parts.first,
                      ["Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian"].contains(String(area)),
                      TimeZone(identifier: t) != nil else { continue }
                return t
            }
        }
        return nil
    }
}

/// Which time zone a profile gets when the file may not say.
enum Zones {
    /// An explicit zone; else the zone of a single-zone country (with a warning saying so);
    /// else the import's default; else nil, for validation to report.
    static func choose(explicit: String?, country: String?, defaultZone: String?, warnings: inout [String]) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let country, let zone = Countries.singleZone(country) {
            warnings.append("time zone \(zone) taken from country \(country)")
            return zone
        }
        if let defaultZone, !defaultZone.isEmpty { return defaultZone }
        return nil
    }
}
