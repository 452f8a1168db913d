import Foundation

/// A task prompt's Markdown as HTML, safely: every character of the source is escaped
/// first, so the only tags in the output are the few this renderer writes (headings,
/// paragraphs, lists, code blocks, inline code, bold). Links are shown as text.
enum MarkdownLite {
    static func html(_ source: String) -> String {
        var out = ""
        var paragraph: [String] = []
        var inList = false
        var inCode = false
        func flushParagraph() {
            if !paragraph.isEmpty { out += "<p>" + paragraph.map(inline).joined(separator: " ") + "</p>\n"; paragraph = [] }
        }
        func closeList() {
            if inList { out += "</ul>\n"; inList = false }
        }
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine)
            if line.hasPrefix("```") {
                flushParagraph(); closeList()
                out += inCode ? "</code></pre>\n" : "<pre><code>"
                inCode.toggle()
                continue
            }
            if inCode { out += escape(line) + "\n"; continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { flushParagraph(); closeList(); continue }
            if let level = headingLevel(trimmed) {
                flushParagraph(); closeList()
                let text = trimmed.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
                let tag = "h\(min(level + 1, 6))"  // the page's own title is the h1
                out += "<\(tag)>\(inline(text))</\(tag)>\n"
                continue
            }
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                flushParagraph()
                if !inList { out += "<ul>\n"; inList = true }
                out += "<li>" + inline(String(trimmed.dropFirst(2))) + "</li>\n"
                continue
            }
            closeList()
            paragraph.append(trimmed)
        }
        if inCode { out += "</code></pre>\n" }
        flushParagraph(); closeList()
        return out
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// `code` and **bold**, on already-escaped text.
    static func inline(_ text: String) -> String {
        var out = ""
        var code = false
        var bold = false
        let chars = Array(escape(text))
        var i = 0
        while i < chars.count {
            if chars[i] == "`" { out += code ? "</code>" : "<code>"; code.toggle(); i += 1; continue }
            if !code, chars[i] == "*", i + 1 < chars.count, chars[i + 1] == "*" {
                out += bold ? "</strong>" : "<strong>"; bold.toggle(); i += 2; continue
            }
            out.append(chars[i]); i += 1
        }
        if code { out += "</code>" }
        if bold { out += "</strong>" }
        return out
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
