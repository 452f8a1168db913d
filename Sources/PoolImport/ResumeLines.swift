import Foundation

/// Line-level reading of resume text: splitting, skills-list context, addresses.
enum ResumeLines {
    /// Lines as a reader counts them: CRLF, LF and CR each end one line. Form feeds
    /// (pdftotext's page breaks) are white space, so line numbers match the text.
    static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var previousCR = false
        for b in text.utf8 {
            if b == 0x0A, previousCR { previousCR = false; continue }
            previousCR = b == 0x0D
            if b == 0x0A || b == 0x0D {
                lines.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(b == 0x0C ? 0x20 : b)
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }

    /// A line with bullets and surrounding space removed.
    static func content(_ line: String) -> Substring {
        let bullets: Set<Character> = ["•", "·", "-", "*", "–", "—", "▪", "◦", "●", "○", "■", "►", "‣", "+"]
        var s = Substring(line)
        while let f = s.first, f.isWhitespace || bullets.contains(f) {
            // "-" or "+" directly before a word is part of it ("+49 ..."), not a bullet.
            if (f == "-" || f == "+"), let second = s.dropFirst().first, !second.isWhitespace { break }
            s = s.dropFirst()
        }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    static let skillLabels: [String] = ["skills", "skill set", "skillset", "technical skills", "core skills", "key skills",
                                         "technologies", "technology", "tech stack", "stack", "technical stack", "languages",
                                         "programming languages", "tools", "frameworks", "libraries", "databases",
                                         "platforms", "tools and technologies", "tools & technologies", "core competencies",
                                         "competencies", "expertise", "proficiencies", "technical expertise", "toolbox"]

    static let sectionNames: Set<String> = ["experience", "work experience", "professional experience", "employment",
                                            "employment history", "work history", "education", "projects", "selected projects",
                                            "summary", "profile", "about", "about me", "objective", "certifications",
                                            "certificates", "contact", "interests", "publications", "awards", "references",
                                            "volunteering", "career history", "professional summary"]

    /// "Skills: Python, Go" → the label part is a skills label.
    static func labelledSkills(_ content: Substring) -> Bool {
        guard let colon = content.firstIndex(where: { $0 == ":" }) else { return false }
        let label = content[..<colon].lowercased().trimmingCharacters(in: .whitespaces)
        return skillLabels.contains(label) || (label.split(separator: " ").count <= 4 && label.hasSuffix("skills"))
    }

    /// The skills heading on its own ("SKILLS", "Technical skills:").
    static func skillsHeading(_ content: Substring) -> Bool {
        let key = content.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        return skillLabels.contains(key)
    }

    /// Any other section heading ("Experience", "EDUCATION", "Projects:").
    static func otherHeading(_ content: Substring) -> Bool {
        let key = content.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ": "))
        if sectionNames.contains(key) { return true }
        let words = content.split(separator: " ")
        guard !words.isEmpty, words.count <= 4, !content.contains(","), !content.contains("|") else { return false }
        if content.hasSuffix(":") { return true }
        let letters = content.filter(\.isLetter)
        return letters.count >= 4 && letters.allSatisfy(\.isUppercase)
    }

    /// A line of short items separated by commas, pipes, bullets or semicolons
    /// ("Python, Go, PostgreSQL"): at least three items of at most three words each.
    static func isItemList(_ content: Substring) -> Bool {
        let separators: Set<Character> = [",", "|", "•", "·", ";", "▪", "◦", "●"]
        let items = content.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard items.count >= 3 else { return false }
        return items.allSatisfy { item in
            item.split(separator: " ").count <= 3 && !item.hasSuffix(".")
        }
    }

    /// Tracks whether each line, read in order, is part of a skills list.
    struct ListContext {
        var inSkillsSection = false
        var itemsSeen = false

        mutating func isList(_ line: String) -> Bool {
            let c = content(line)
            if c.isEmpty {
                // A blank line after the items ends the section; one right after the heading does not.
                if itemsSeen { inSkillsSection = false }
                return false
            }
            if skillsHeading(c) { inSkillsSection = true; itemsSeen = false; return true }
            if labelledSkills(c) { return true }
            if otherHeading(c) { inSkillsSection = false; return false }
            if !inSkillsSection, isItemList(c) { return true }
            // Inside a skills section, short lines are items ("• Go", "Python, Go").
            guard inSkillsSection, c.split(separator: " ").count <= 6 || isItemList(c) else { return false }
            itemsSeen = true
            return true
        }
    }

    static let topLevelDomains: Set<String> = ["com", "org", "net", "io", "dev", "me", "co", "ai", "app", "page", "so",
                                               "xyz", "info", "eu", "de", "uk", "fr", "nl", "pl", "ua", "in", "tech", "site"]

    /// An URL, an e-mail address, or a bare link such as github.com/jane.
    static func looksLikeAddress(_ token: ArraySlice<UInt8>) -> Bool {
        let s = String(decoding: token, as: UTF8.self).lowercased()
        if s.contains("://") || s.hasPrefix("www.") || s.hasPrefix("mailto:") { return true }
        if let at = s.firstIndex(of: "@"), s[at...].contains(".") { return true }
        guard let slash = s.firstIndex(of: "/") else { return false }
        let host = s[..<slash]
        guard let dot = host.lastIndex(of: ".") else { return false }
        return topLevelDomains.contains(String(host[host.index(after: dot)...]))
    }
}
