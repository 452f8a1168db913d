import Foundation
import Taxonomy

/// Finds the taxonomy's skill names and aliases in resume text, on word boundaries tuned
/// to how tech names are written:
/// - "C++" and "C#" are not "C"; "Java" is not "JavaScript"; "Node.js" and ".NET" keep
///   their dots, and "node" is not found inside "Node.js";
/// - "R&D" is not "R", "go-to-market" is not "Go";
/// - single letters and words that are common English ("Go", "R", "C", "B") count only in
///   a skills list (`Skills: Python, Go`), never in prose ("we go live", "Plan B"); written
///   as "Golang" or "R language" they count anywhere.
public struct SkillMentionFinder: Sendable {
    /// One skill found: its id, the text as written, and the 1-based line it is on.
    public struct Mention: Sendable, Equatable {
        public var skillId: String
        /// The name or alias as written in the text.
        public var matched: String
        /// 1-based.
        public var line: Int
        /// The whole line the skill is on, as written.
        public var lineText: String
    }

    /// Names that count only inside a skills list, besides every one-letter name.
    public static let defaultListOnly: Set<String> = [
        "go", "ray", "dash", "rest", "luigi", "prefect", "bokeh", "english", "communication", "comet", "neptune",
        "vault", "shell", "cloud", "oracle", "rabbit", "bottle", "falcon", "tornado", "dynamo", "docs", "tests",
        "secrets", "scheduler", "messaging", "streaming", "notebooks", "charts", "annotation", "presenting",
        "curiosity", "leadership", "collaboration", "privacy", "compliance", "analytics", "visualization",
        "documentation", "coaching", "tracing", "monitoring", "alerting", "permissions", "containers", "fixtures",
        "networking", "encryption", "hashing", "billing", "invoicing", "throttling", "migrations", "orchestration",
        "experimentation", "forecasting", "scoping", "presentations", "gemini", "anthropic", "slack", "discord",
        "telegram", "jira", "sms", "cms", "quant", "bi", "hf", "mq", "rq", "pg", "bq", "py", "uv",
    ]

    private struct Node {
        var children: [UInt8: Int32] = [:]
        var id: String?
        var listOnly = false
        var short = false
    }

    private var nodes: [Node] = [Node()]

    /// - Parameter listOnly: names (lower-case) found only inside skills lists; one-letter
    ///   names always are.
    public init(taxonomy: Taxonomy = .standard, listOnly: Set<String> = SkillMentionFinder.defaultListOnly) {
        var phrases = taxonomy.vocabulary
        // Unambiguous spellings of the ambiguous names, for the skills the taxonomy has.
        let extra: [(String, String)] = [("golang", "go"), ("go lang", "go"), ("r language", "r"), ("r programming", "r"),
                                          ("rlang", "r"), ("c language", "c"), ("c programming", "c"), ("ansi c", "c")]
        let known = Set(phrases.map(\.text))
        for (text, name) in extra where !known.contains(text) {
            if let skill = taxonomy.resolve(name) { phrases.append((text, skill.id)) }
        }
        for (text, id) in phrases {
            let key = Self.normalizePhrase(text)
            guard !key.isEmpty else { continue }
            insert(Array(key.utf8), id: id, listOnly: key.utf8.count == 1 || listOnly.contains(key), short: key.utf8.count <= 2)
        }
    }

    private mutating func insert(_ bytes: [UInt8], id: String, listOnly: Bool, short: Bool) {
        var node = 0
        for b in bytes {
            if let next = nodes[node].children[b] {
                node = Int(next)
            } else {
                nodes.append(Node())
                nodes[node].children[b] = Int32(nodes.count - 1)
                node = nodes.count - 1
            }
        }
        // The taxonomy guarantees one id per name; the first wins if a caller adds a clash.
        if nodes[node].id == nil {
            nodes[node].id = id
            nodes[node].listOnly = listOnly
            nodes[node].short = short
        }
    }

    static func normalizePhrase(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Skills in a whole text, the first mention of each, in order. Lines are numbered from 1
    /// (CRLF, LF and CR end a line; a form feed between PDF pages does not).
    public func mentions(in text: String) -> [Mention] {
        var found: [Mention] = []
        var seen = Set<String>()
        var context = ResumeLines.ListContext()
        for (number, line) in ResumeLines.split(text).enumerated() {
            let inList = context.isList(line)
            // "Databases: PostgreSQL" names PostgreSQL; the label is not a claim.
            var searched = Substring(line)
            if inList, ResumeLines.labelledSkills(ResumeLines.content(line)), let colon = line.firstIndex(of: ":") {
                searched = line[line.index(after: colon)...]
            }
            for (id, matched) in mentions(inLine: String(searched), inSkillsList: inList) where seen.insert(id).inserted {
                found.append(Mention(skillId: id, matched: matched, line: number + 1, lineText: line))
            }
        }
        return found
    }

    /// Skills in one line, in order, each as written; names that count only in lists are
    /// found when `inSkillsList` is true. URLs and e-mail addresses are never searched.
    public func mentions(inLine line: String, inSkillsList: Bool) -> [(skillId: String, matched: String)] {
        let original = Array(line.utf8)
        var text = original.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : ($0 == 0x09 || $0 == 0x0C ? 0x20 : $0) }
        Self.maskAddresses(&text)
        var result: [(String, String)] = []
        let n = text.count
        var start = 0
        while start < n {
            guard Self.isStartBoundary(text, start) else { start += 1; continue }
            let hyphenBefore = start >= 2 && text[start - 1] == UInt8(ascii: "-") && Self.isWordByte(text[start - 2])
            var node = 0
            var index = start
            var best: (end: Int, id: String)?
            while index < n {
                var b = text[index]
                var step = 1
                if b == 0x20 {
                    // Any run of spaces matches one space in a phrase.
                    while index + step < n, text[index + step] == 0x20 { step += 1 }
                    b = 0x20
                }
                guard let next = nodes[node].children[b] else { break }
                node = Int(next)
                index += step
                let entry = nodes[node]
                if let id = entry.id, Self.isEndBoundary(text, index, phraseEndsInWord: Self.isWordByte(text[index - 1])),
                   inSkillsList || !entry.listOnly,
                   !(entry.short && (hyphenBefore || Self.hyphenAfter(text, index))) {
                    best = (index, id)
                }
            }
            if let best {
                result.append((best.id, String(decoding: original[start..<best.end], as: UTF8.self)))
                start = best.end
            } else {
                start += 1
            }
        }
        return result
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b >= 0x80 || b == UInt8(ascii: "_")
    }

    /// Characters that join two words into one name: node.js, R&D, AT&T.
    static func isJoiner(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ".") || b == UInt8(ascii: "&") || b == UInt8(ascii: "@")
    }

    static func isStartBoundary(_ t: [UInt8], _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let prev = t[i - 1]
        if isWordByte(prev) && isWordByte(t[i]) { return false }
        if prev == UInt8(ascii: "+") || prev == UInt8(ascii: "#") { return false }
        if isJoiner(prev), i >= 2, isWordByte(t[i - 2]), isWordByte(t[i]) { return false }
        return true
    }

    static func isEndBoundary(_ t: [UInt8], _ i: Int, phraseEndsInWord: Bool) -> Bool {
        guard i < t.count else { return true }
        let next = t[i]
        if phraseEndsInWord && isWordByte(next) { return false }
        // "C" is not in "C++" or "C#".
        if next == UInt8(ascii: "+") || next == UInt8(ascii: "#") { return false }
        if isJoiner(next), i + 1 < t.count, isWordByte(t[i + 1]) { return false }
        return true
    }

    static func hyphenAfter(_ t: [UInt8], _ i: Int) -> Bool {
        i + 1 < t.count && t[i] == UInt8(ascii: "-") && isWordByte(t[i + 1])
    }

    /// Blanks out URLs, e-mail addresses and bare links (github.com/jane) in place, so a
    /// skill is never read out of an address.
    static func maskAddresses(_ t: inout [UInt8]) {
        var i = 0
        let n = t.count
        while i < n {
            while i < n, t[i] == 0x20 { i += 1 }
            let start = i
            while i < n, t[i] != 0x20 { i += 1 }
            guard start < i else { continue }
            let token = t[start..<i]
            if ResumeLines.looksLikeAddress(token) {
                for k in start..<i { t[k] = 0x20 }
            }
        }
    }
}
