import Foundation
import Taxonomy
import VettedDomain

/// Reads jsonresume.org files: one resume object or an array of them.
public enum JSONResume {
    /// One record per resume, `line` being its 1-based index in the file; invalid JSON is
    /// one file issue giving the line and column.
    public static func parse(data: Data, source: String, options: ImportOptions = .init(),
                             taxonomy: Taxonomy = .standard) -> ParsedBatch {
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
        } catch {
            return ParsedBatch(issues: [ImportIssue(source: source, line: nil, message: "the file is not valid JSON: " + position(of: error, in: Data(body)))])
        }
        let elements: [Any]
        if let array = root as? [Any] {
            elements = array
        } else {
            elements = [root]
        }
        var batch = ParsedBatch()
        let finder = SkillMentionFinder(taxonomy: taxonomy)
        var resolver = SkillResolver(taxonomy: taxonomy)
        for (index, element) in elements.enumerated() {
            let line = index + 1
            guard let resume = element as? [String: Any] else {
                batch.issues.append(ImportIssue(source: source, line: line, message: "resume \(line) is not a JSON object"))
                continue
            }
            let basics = resume["basics"] as? [String: Any] ?? [:]
            guard text(basics["name"]) != nil else {
                batch.issues.append(ImportIssue(source: source, line: line, field: "basics.name", message: "resume \(line) has no basics.name"))
                continue
            }
            var warnings: [String] = []
            let input = candidate(from: resume, options: options, finder: finder, resolver: &resolver, warnings: &warnings)
            batch.records.append(ImportRecord(source: source, line: line, input: input, warnings: warnings))
        }
        return batch
    }

    static func candidate(from resume: [String: Any], options: ImportOptions, finder: SkillMentionFinder,
                          resolver: inout SkillResolver, warnings: inout [String]) -> CandidateInput {
        let basics = resume["basics"] as? [String: Any] ?? [:]
        let location = basics["location"] as? [String: Any] ?? [:]
        let meta = resume["meta"] as? [String: Any] ?? [:]
        let work = objects(resume["work"])
        var input = CandidateInput()
        input.fullName = text(basics["name"])
        input.headline = text(basics["label"]) ?? work.lazy.compactMap { text($0["position"]) }.first
        input.email = text(basics["email"])
        input.phone = text(basics["phone"])
        input.bio = text(basics["summary"])
        if let code = text(location["countryCode"]) {
            if let country = Countries.code(from: code) {
                input.country = country
            } else {
                warnings.append("countryCode '\(code)' is not a country code; left out")
            }
        }

        var links: [String] = []
        var repositories: [String] = []
        func addLink(_ url: String) { if !links.contains(url) { links.append(url) } }
        func addRepository(_ url: String) { if CellValue.isRepositoryURL(url), !repositories.contains(url) { repositories.append(url) } }
        if let url = text(basics["url"]) {
            addLink(url)
            addRepository(url)
        }
        for profile in objects(basics["profiles"]) {
            let network = text(profile["network"])?.lowercased() ?? ""
            let url = text(profile["url"])
            if network == "github" || url.map({ CellValue.urlHost($0) == "github.com" }) == true, input.githubHandle == nil,
               let handle = text(profile["username"]).flatMap(CellValue.githubHandle) ?? url.flatMap(CellValue.githubHandle) {
                input.githubHandle = handle
                if let url { addRepository(url) }
                continue
            }
            if let url {
                addLink(url)
                addRepository(url)
            }
        }

        var studies: [CaseStudy] = []
        for project in objects(resume["projects"]) {
            guard let name = text(project["name"]) else { continue }
            let url = text(project["url"])
            studies.append(CaseStudy(title: name, summary: text(project["description"]) ?? "", url: url))
            if let url { addRepository(url) }
        }
        input.links = links.isEmpty ? nil : links
        input.repositories = repositories.isEmpty ? nil : repositories
        input.caseStudies = studies.isEmpty ? nil : studies
        input.yearsExperience = yearsOfExperience(work, today: options.referenceDate)
        input.englishLevel = englishLevel(objects(resume["languages"]), warnings: &warnings)
        input.skills = skills(objects(resume["skills"]), options: options, finder: finder, resolver: &resolver, warnings: &warnings)
        let explicitZone = text(location["timezone"]) ?? text(location["timeZone"]) ?? text(meta["timezone"]) ?? text(meta["timeZone"])
        input.timeZone = Zones.choose(explicit: explicitZone, country: input.country, defaultZone: options.defaultTimeZone, warnings: &warnings)
        return input
    }

    /// Each skill's name and keywords through the taxonomy; a name that is not a skill
    /// may still name some ("Django REST Framework (DRF)").
    static func skills(_ entries: [[String: Any]], options: ImportOptions, finder: SkillMentionFinder,
                       resolver: inout SkillResolver, warnings: inout [String]) -> [SkillInput]? {
        var result: [SkillInput] = []
        var index: [String: Int] = [:]
        for entry in entries {
            let level = text(entry["level"]).map { SkillCell.levelWord($0) ?? Int($0) ?? 3 }.map { min(max($0, 1), 5) } ?? 3
            let names = [text(entry["name"])].compactMap { $0 } + (entry["keywords"] as? [Any] ?? []).compactMap { text($0) }
            for name in names {
                var ids: [String] = []
                if let id = resolver.id(for: name) {
                    ids = [id]
                } else {
                    ids = finder.mentions(inLine: name, inSkillsList: true).map(\.skillId)
                }
                if ids.isEmpty { warnings.append(SkillCell.unknownSkillWarning(name)) }
                for id in ids {
                    if let at = index[id] {
                        result[at].level = max(result[at].level ?? 3, level)
                    } else {
                        index[id] = result.count
                        result.append(SkillInput(skillId: id, level: level, evidence: options.defaultEvidence.rawValue, detail: "JSON Resume skills"))
                    }
                }
            }
        }
        return result.isEmpty ? nil : result
    }

    static func englishLevel(_ languages: [[String: Any]], warnings: inout [String]) -> String? {
        guard let english = languages.first(where: { text($0["language"])?.lowercased().contains("english") == true }) else { return nil }
        guard let fluency = text(english["fluency"]) else { return nil }
        if let level = CellValue.englishLevel(fluency) { return level }
        warnings.append("English fluency '\(fluency)' is not a level we know; englishLevel left out")
        return nil
    }

    /// Whole years from the earliest start to the latest end (today for a current job).
    static func yearsOfExperience(_ work: [[String: Any]], today: Date) -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = calendar.dateComponents([.year, .month, .day], from: today)
        let current = (now.year ?? 2000, now.month ?? 1, now.day ?? 1)
        var earliest: (Int, Int, Int)?
        var latest: (Int, Int, Int)?
        for job in work {
            guard let start = text(job["startDate"]).flatMap(date) else { continue }
            let end = text(job["endDate"]).flatMap(date) ?? current
            if earliest == nil || start < earliest! { earliest = start }
            if latest == nil || end > latest! { latest = end }
        }
        guard let from = earliest, let to = latest, to >= from else { return nil }
        var months = (to.0 * 12 + to.1) - (from.0 * 12 + from.1)
        if to.2 < from.2 { months -= 1 }
        return months / 12
    }

    /// YYYY, YYYY-MM or YYYY-MM-DD.
    static func date(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-")
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) : 1
        let day = parts.count > 2 ? Int(parts[2].prefix(2)) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    static func text(_ value: Any?) -> String? {
        if let s = value as? String {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        if let n = value as? Int { return String(n) }
        if let d = value as? Double { return String(d) }
        return nil
    }

    static func objects(_ value: Any?) -> [[String: Any]] {
        (value as? [Any] ?? []).compactMap { $0 as? [String: Any] }
    }

    /// "line 2, column 8 (Invalid value around character 18.)" from Foundation's message.
    static func position(of error: any Error, in data: Data) -> String {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        guard let range = detail.range(of: "character "),
              let offset = Int(detail[range.upperBound...].prefix { $0.isNumber }) else { return detail }
        var line = 1, column = 1
        for (i, b) in data.enumerated() {
            if i >= offset { break }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return "line \(line), column \(column) (\(detail))"
    }
}
