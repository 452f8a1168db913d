import Foundation
import VettedDomain

/// Writes candidates as the documented CSV, which `CandidateFileReader` reads back to the
/// same `CandidateInput`s.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, so a
/// profile field such as `=HYPERLINK(...)` could act when an exported file is opened.
/// Export therefore puts a single quote `'` before such cells (and before a cell that
/// already starts with quotes followed by one of them); import removes exactly one such
/// quote. Only export adds it: values stored in Vetted are never changed.
///
/// Not carried by the CSV: case studies, skill details and `version`. List values are
/// joined with "; ", so an entry that itself holds ';' or '|' does not survive; an empty
/// list reads back as "not given".
public enum CandidateCSV {
    /// The documented header: what export writes and import reads with no mapping.
    public static let header: [String] = [
        "kind", "full_name", "headline", "email", "phone", "github", "country", "time_zone", "work_start", "work_end",
        "seniority", "years_experience", "hourly_rate", "currency", "available_from", "hours_per_week", "engagement",
        "english_level", "domains", "repositories", "links", "team_size", "processes", "communication",
        "vetting_status", "skills", "bio",
    ]

    /// One candidate's cells in `header` order. Skills are `id:level:evidence`, with the
    /// defaults validation would apply (level 3, claimed) written out.
    public static func row(_ input: CandidateInput) -> [String] {
        func list(_ values: [String]?) -> String { (values ?? []).joined(separator: "; ") }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "" }
        let skills = (input.skills ?? []).map { "\($0.skillId):\($0.level ?? 3):\($0.evidence ?? EvidenceSource.claimed.rawValue)" }
        return [
            input.kind ?? "", input.fullName ?? "", input.headline ?? "", input.email ?? "", input.phone ?? "",
            input.githubHandle ?? "", input.country ?? "", input.timeZone ?? "", input.workStart ?? "", input.workEnd ?? "",
            input.seniority ?? "", number(input.yearsExperience), input.hourlyRateCents.map(amount) ?? "", input.currency ?? "",
            input.availableFrom ?? "", number(input.hoursPerWeek), list(input.engagementPreferences),
            input.englishLevel ?? "", list(input.domains), list(input.repositories), list(input.links), number(input.teamSize),
            input.processes ?? "", input.communication ?? "", input.vettingStatus ?? "", skills.joined(separator: "; "),
            input.bio ?? "",
        ]
    }

    /// Cents as currency units: 4550 → "45.50", 4500 → "45".
    static func amount(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        return sign + String(whole) + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
    }

    /// The header and rows as RFC 4180 text with CRLF line ends.
    public static func encode(rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 256)
        for row in [header] + rows {
            var first = true
            for cell in row {
                if !first { out += "," }
                first = false
                out += field(cell)
            }
            out += "\r\n"
        }
        return out
    }

    /// One cell: neutralised against formulas, then quoted if it holds , " CR or LF.
    static func field(_ value: String) -> String {
        var cell = value
        if let start = cell.utf8.drop(while: { $0 == UInt8(ascii: "'") }).first, CellValue.formulaStarts.contains(start) {
            cell = "'" + cell
        }
        let quote = UInt8(ascii: "\"")
        guard cell.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        var bytes: [UInt8] = [quote]
        bytes.reserveCapacity(cell.utf8.count + 8)
        for b in cell.utf8 {
            bytes.append(b)
            if b == quote { bytes.append(quote) }
        }
        bytes.append(quote)
        return String(decoding: bytes, as: UTF8.self)
    }
}
