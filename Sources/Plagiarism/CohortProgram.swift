/// A generated Python submission before it is printed: top-level blocks of lines whose
/// identifiers are `$placeholders`, bound to names per author. Keeping the structure lets a
/// planted copy rename, reorder, re-comment and pad its source faithfully; printing
/// (``CohortRendering``) adds the layout.
struct CohortProgram: Sendable, Hashable {
    var blocks: [Block]
    /// Placeholder → the name this author uses.
    var names: [String: String]

    struct Block: Sendable, Hashable {
        enum Role: Sendable, Hashable { case header, function, main }
        var role: Role
        var lines: [Line]
    }

    struct Line: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case code, comment, docstring }
        var depth: Int
        var text: String
        var kind: Kind
        /// A one-line statement that may trade places with the swappable lines next to it at
        /// the same depth (independent initialisations, say).
        var swappable = false
    }

    /// Parses template text written with four-space indentation: `# ` starts a comment line,
    /// `"""` a docstring (which may run over several lines), `~ ` marks a swappable
    /// statement. Blank lines are dropped; layout is the renderer's business.
    static func block(_ text: String, role: Block.Role = .function) -> Block {
        var lines: [Line] = []
        var openDocstring: (depth: Int, parts: [String])?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = raw.drop { $0 == " " }
            let depth = (raw.count - trimmed.count) / 4
            var body = String(trimmed)
            while body.last == " " { body.removeLast() }
            if var docstring = openDocstring {
                if body.hasSuffix("\"\"\"") {
                    docstring.parts.append(String(body.dropLast(3)))
                    lines.append(Line(depth: docstring.depth, text: docstring.parts.joined(separator: "\n"), kind: .docstring))
                    openDocstring = nil
                } else {
                    docstring.parts.append(body)
                    openDocstring = docstring
                }
                continue
            }
            if body.isEmpty { continue }
            if body.hasPrefix("\"\"\"") {
                let rest = String(body.dropFirst(3))
                if rest.hasSuffix("\"\"\"") {
                    lines.append(Line(depth: depth, text: String(rest.dropLast(3)), kind: .docstring))
                } else {
                    openDocstring = (depth, [rest])
                }
            } else if body.hasPrefix("# ") || body == "#" {
                lines.append(Line(depth: depth, text: String(body.dropFirst(2)), kind: .comment))
            } else if body.hasPrefix("~ ") {
                lines.append(Line(depth: depth, text: String(body.dropFirst(2)), kind: .code, swappable: true))
            } else {
                lines.append(Line(depth: depth, text: body, kind: .code))
            }
        }
        return Block(role: role, lines: lines)
    }

    /// Every `$placeholder` used in code lines.
    var placeholders: Set<String> {
        var found: Set<String> = []
        for block in blocks {
            for line in block.lines where line.kind == .code {
                found.formUnion(Self.placeholders(in: line.text))
            }
        }
        return found
    }

    static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var index = text.startIndex
        while let dollar = text[index...].firstIndex(of: "$") {
            var end = text.index(after: dollar)
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" { end = text.index(after: end) }
            if end > text.index(after: dollar) { found.append(String(text[text.index(after: dollar)..<end])) }
            index = end
        }
        return found
    }

    /// The text with each `$placeholder` replaced by its bound name (or the placeholder's
    /// own name when unbound).
    func substitute(_ text: String) -> String {
        guard text.contains("$") else { return text }
        var result = ""
        var index = text.startIndex
        while let dollar = text[index...].firstIndex(of: "$") {
            result += text[index..<dollar]
            var end = text.index(after: dollar)
            while end < text.endIndex, text[end].isLetter || text[end].isNumber || text[end] == "_" { end = text.index(after: end) }
            let key = String(text[text.index(after: dollar)..<end])
            result += names[key] ?? key
            index = end
        }
        result += text[index...]
        return result
    }

    /// Shuffles every run of adjacent swappable lines at the same depth.
    mutating func permuteSwappableRuns(_ random: inout SplitMix64) {
        for blockIndex in blocks.indices {
            var lines = blocks[blockIndex].lines
            var start = 0
            while start < lines.count {
                guard lines[start].swappable else { start += 1; continue }
                var end = start + 1
                while end < lines.count, lines[end].swappable, lines[end].depth == lines[start].depth { end += 1 }
                if end - start > 1 {
                    var run = Array(lines[start..<end])
                    random.shuffle(&run)
                    lines.replaceSubrange(start..<end, with: run)
                }
                start = end
            }
            blocks[blockIndex].lines = lines
        }
    }
}
