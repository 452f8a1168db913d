import Foundation
import Taxonomy
import VettedDomain

/// Resolves skill names through the taxonomy once per distinct spelling: a 100,000-row
/// import names the same few hundred skills over and over.
struct SkillResolver {
    let taxonomy: Taxonomy
    private var cache: [String: String?] = [:]

    init(taxonomy: Taxonomy) { self.taxonomy = taxonomy }

    mutating func id(for name: String) -> String? {
        if let hit = cache[name] { return hit }
        let id = taxonomy.resolve(name)?.id
        cache[name] = id
        return id
    }
}

/// The `skills` cell: entries separated by ';', '|' or ',', each `name[:level[:evidence]]`
/// (`python:5:assessment; django:4; sklearn`).
enum SkillCell {
    struct Parsed {
        var skills: [SkillInput] = []
        var warnings: [String] = []
        var errors: [String] = []
    }

    static func parse(_ text: String, defaultEvidence: EvidenceSource, resolver: inout SkillResolver) -> Parsed {
        var result = Parsed()
        let entries = text.utf8.split { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ",") }
        for entryBytes in entries {
            let entry = CellValue.trim(Substring(entryBytes))
            guard !entry.isEmpty else { continue }
            let parts = entry.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
                .map { CellValue.trim(Substring($0)) }
            guard parts.count <= 3, !parts[0].isEmpty else {
                result.errors.append("'\(entry)' is not name:level:evidence (e.g. python:4:assessment)")
                continue
            }
            var level = 3
            if parts.count >= 2, !parts[1].isEmpty {
                guard let n = digit(parts[1]) ?? Int(parts[1]) ?? levelWord(String(parts[1])), (1...5).contains(n) else {
                    result.errors.append("'\(entry)': the level must be 1 to 5; got '\(parts[1])'")
                    continue
                }
                level = n
            }
            var evidence = defaultEvidence
            if parts.count == 3, !parts[2].isEmpty {
                guard let e = EvidenceSource(rawValue: String(parts[2])) ?? EvidenceSource(rawValue: parts[2].lowercased()) else {
                    let allowed = EvidenceSource.allCases.map(\.rawValue).joined(separator: ", ")
                    result.errors.append("'\(entry)': the evidence must be one of \(allowed); got '\(parts[2])'")
                    continue
                }
                evidence = e
            }
            let name = String(parts[0])
            guard let id = resolver.id(for: name) else {
                result.warnings.append(unknownSkillWarning(name))
                continue
            }
            // A handful of skills per row: a linear scan beats hashing into a set.
            guard !result.skills.contains(where: { $0.skillId == id }) else { continue }
            result.skills.append(SkillInput(skillId: id, level: level, evidence: evidence.rawValue))
        }
        return result
    }

    private static func digit(_ text: Substring) -> Int? {
        guard text.utf8.count == 1, let b = text.utf8.first, b >= 0x30, b <= 0x39 else { return nil }
        return Int(b - 0x30)
    }

    static func unknownSkillWarning(_ name: String) -> String {
        "skill '\(name)' is not in the taxonomy; left out"
    }

    /// Level words from resumes and profiles: Master/Expert 5 ... Beginner/Basic 2.
    static func levelWord(_ text: String) -> Int? {
        switch text.lowercased().trimmingCharacters(in: .whitespaces) {
        case "master", "expert", "guru": 5
        case "advanced", "senior", "proficient", "strong": 4
        case "intermediate", "mid", "middle", "working knowledge", "good": 3
        case "beginner", "basic", "novice", "junior", "elementary", "familiar": 2
        default: nil
        }
    }
}
