import Foundation
import Taxonomy
import VettedDomain

/// Reads candidate rows from a CSV table: the documented header with no mapping, any other
/// header through a `ColumnMapping`.
enum CandidateColumns {
    /// The fields a column can feed, parsed once per file so each row is a switch.
    enum Field: String {
        case kind, fullName = "full_name", firstName = "first_name", lastName = "last_name", headline, email, phone
        case github, country, timeZone = "time_zone", workStart = "work_start", workEnd = "work_end", seniority
        case yearsExperience = "years_experience", hourlyRate = "hourly_rate", currency
        case availableFrom = "available_from", hoursPerWeek = "hours_per_week", engagement
        case englishLevel = "english_level", domains, repositories, links, teamSize = "team_size"
        case processes, communication, vettingStatus = "vetting_status", skills, bio, ignore
    }

    static func read(data: Data, source: String, options: ImportOptions, taxonomy: Taxonomy) -> ParsedBatch {
        let table = CSVTable(data: data)
        var batch = ParsedBatch()
        batch.issues = table.problems.map { ImportIssue(source: source, line: $0.line, message: $0.message) }
        guard !table.header.isEmpty else {
            if batch.issues.isEmpty { batch.issues.append(ImportIssue(source: source, line: nil, message: "the file is empty; a CSV import needs a header row and one row per candidate")) }
            return batch
        }
        let headers = table.header.map { CellValue.cleaned($0) ?? "" }
        let mapping = options.mapping ?? ColumnMapping.suggested(for: headers)

        var columns: [(index: Int, field: Field, header: String)] = []
        var unmapped: [String] = []
        for (index, header) in headers.enumerated() where !header.isEmpty {
            guard let name = mapping.field(for: header) else { unmapped.append(header); continue }
            guard let field = Field(rawValue: name) else {
                batch.issues.append(ImportIssue(source: source, line: table.headerLine, field: header,
                                                message: "the mapping sends column '\(header)' to '\(name)', which is not a field; use one of \(ColumnMapping.fieldNames.joined(separator: ", "))"))
                continue
            }
            if field != .ignore { columns.append((index, field, header)) }
        }
        let targets = Set(columns.map(\.field))
        guard targets.contains(.fullName) || targets.contains(.firstName) else {
            let found = headers.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", ")
            // One issue, not one per row: nothing in the file can be imported until this is fixed.
            return ParsedBatch(issues: [ImportIssue(source: source, line: table.headerLine, message:
                "no column holds the candidate's name. Found headers \(found); name one column full_name (or first_name and last_name) or import with a column mapping, for example {\"Candidate\": \"full_name\"}")])
        }
        if !unmapped.isEmpty {
            batch.notes.append(ImportIssue(source: source, line: table.headerLine, message: "columns not imported (no matching field): " + unmapped.map { "'\($0)'" }.joined(separator: ", ")))
        }
        if !targets.contains(.timeZone), (options.defaultTimeZone ?? "").isEmpty {
            batch.notes.append(ImportIssue(source: source, line: table.headerLine, field: "time_zone",
                                           message: "no time_zone column and no default time zone; new candidates need one"))
        }
        // "Hourly Rate (USD)": the header names the currency when no column does.
        let headerCurrency: String? = columns.first { $0.field == .hourlyRate }.flatMap { currencyCode(inHeader: $0.header) }

        let mapper = RowMapper(columns: columns, headerCurrency: headerCurrency, options: options)
        batch.records.reserveCapacity(table.rows.count)
        for (row, (input, warnings, errors)) in zip(table.rows, mapInParallel(table.rows, mapper, taxonomy)) {
            if errors.isEmpty {
                batch.records.append(ImportRecord(source: source, line: row.line, input: input, warnings: warnings))
            } else {
                for error in errors {
                    batch.issues.append(ImportIssue(source: source, line: row.line, field: error.field, message: "line \(row.line): \(error.message)"))
                }
            }
        }
        batch.issues.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return batch
    }

    /// Every row mapped, on every core for a large file: each row needs only itself, and
    /// mapping was most of reading a 100,000-row file. Each part has its own skill cache.
    static func mapInParallel(_ rows: [CSVTable.Row], _ mapper: RowMapper, _ taxonomy: Taxonomy)
        -> [(CandidateInput, [String], [(field: String, message: String)])] {
        ParallelMap.map(rows, state: { SkillResolver(taxonomy: taxonomy) }) { resolver, row in
            mapper.map(row.fields, resolver: &resolver)
        }
    }

    static func currencyCode(inHeader header: String) -> String? {
        guard let open = header.lastIndex(of: "("), let close = header.lastIndex(of: ")"), open < close else { return nil }
        let code = header[header.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return code.uppercased()
    }

    struct RowMapper {
        let columns: [(index: Int, field: Field, header: String)]
        let headerCurrency: String?
        let options: ImportOptions

        func map(_ fields: [String], resolver: inout SkillResolver) -> (CandidateInput, [String], [(field: String, message: String)]) {
            var input = CandidateInput()
            var warnings: [String] = []
            var errors: [(field: String, message: String)] = []
            var first: String?, last: String?
            var rateCurrency: String?

            func append(_ list: inout [String]?, _ values: [String]) {
                guard !values.isEmpty else { return }
                list = (list ?? []) + values
            }
            for column in columns {
                guard column.index < fields.count, let value = CellValue.cleaned(fields[column.index]) else { continue }
                let field = column.field
                // Issues use the documented name, and the file's own header when it differs.
                let label = column.header == field.rawValue ? field.rawValue : "\(field.rawValue) (column '\(column.header)')"
                switch field {
                case .kind: input.kind = input.kind ?? CellValue.kind(value)
                case .fullName: input.fullName = input.fullName ?? value
                case .firstName: first = first ?? value
                case .lastName: last = last ?? value
                case .headline: input.headline = input.headline ?? value
                case .email: input.email = input.email ?? (value.lowercased().hasPrefix("mailto:") ? String(value.dropFirst(7)) : value)
                case .phone: input.phone = input.phone ?? value
                case .github:
                    guard input.githubHandle == nil else { continue }
                    if let handle = CellValue.githubHandle(value) {
                        input.githubHandle = handle
                    } else {
                        warnings.append("github '\(value)' is not a GitHub user name or profile URL; left out")
                    }
                case .country:
                    guard input.country == nil else { continue }
                    if let code = Countries.code(from: value) {
                        input.country = code
                    } else {
                        warnings.append("country '\(value)' is not a two-letter code or a country name we know; left out")
                    }
                case .timeZone: input.timeZone = input.timeZone ?? value
                case .workStart: input.workStart = input.workStart ?? CellValue.time(value)
                case .workEnd: input.workEnd = input.workEnd ?? CellValue.time(value)
                case .seniority: input.seniority = input.seniority ?? CellValue.seniority(value)
                case .yearsExperience, .hoursPerWeek, .teamSize:
                    guard let number = CellValue.integer(value) else {
                        errors.append((field.rawValue, "\(label) must be a whole number; got '\(value)'"))
                        continue
                    }
                    switch field {
                    case .yearsExperience: input.yearsExperience = input.yearsExperience ?? number
                    case .hoursPerWeek: input.hoursPerWeek = input.hoursPerWeek ?? number
                    default: input.teamSize = input.teamSize ?? number
                    }
                case .hourlyRate:
                    guard let amount = CellValue.cents(value) else {
                        errors.append((field.rawValue, "\(label) must be an amount such as 45, 45.50 or 1,200.00; got '\(value)'"))
                        continue
                    }
                    input.hourlyRateCents = input.hourlyRateCents ?? amount.cents
                    rateCurrency = rateCurrency ?? amount.currency
                case .currency: input.currency = input.currency ?? value.uppercased()
                case .availableFrom:
                    guard input.availableFrom == nil else { continue }
                    if value.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                        input.availableFrom = value
                    } else {
                        warnings.append("available_from '\(value)' is not a date (YYYY-MM-DD); left out")
                    }
                case .engagement: append(&input.engagementPreferences, CellValue.list(value).map(CellValue.engagement))
                case .englishLevel: input.englishLevel = input.englishLevel ?? CellValue.englishLevel(value) ?? value
                case .domains: append(&input.domains, CellValue.list(value))
                case .repositories: append(&input.repositories, CellValue.list(value))
                case .links: append(&input.links, CellValue.list(value))
                case .processes: input.processes = input.processes ?? value
                case .communication: input.communication = input.communication ?? value
                case .vettingStatus: input.vettingStatus = input.vettingStatus ?? CellValue.vettingStatus(value)
                case .bio: input.bio = input.bio.map { $0 + "\n\n" + value } ?? value
                case .skills:
                    let parsed = SkillCell.parse(value, defaultEvidence: options.defaultEvidence, resolver: &resolver)
                    warnings += parsed.warnings
                    errors += parsed.errors.map { ("skills", label + ": " + $0) }
                    if !parsed.skills.isEmpty {
                        input.skills = (input.skills ?? []) + parsed.skills.filter { s in !(input.skills ?? []).contains { $0.skillId == s.skillId } }
                    }
                case .ignore: break
                }
            }
            if input.fullName == nil, first != nil || last != nil {
                input.fullName = [first, last].compactMap { $0 }.joined(separator: " ")
            }
            if input.timeZone == nil, let zone = options.defaultTimeZone, !zone.isEmpty { input.timeZone = zone }
            if input.hourlyRateCents != nil, input.currency == nil { input.currency = rateCurrency ?? headerCurrency }
            return (input, warnings, errors)
        }
    }
}
