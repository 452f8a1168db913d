/// How one author lays code out: indentation, blank lines, spacing, quotes, wrapping inside
/// brackets. Independent authors draw a style each; a reformatting copier draws a new one.
struct CohortStyle: Sendable, Hashable {
    enum Spacing: Sendable, Hashable { case standard, compact, airy }

    var indent: String
    var blankLinesBetweenBlocks: Int
    /// Chance of a blank line before a statement inside a function.
    var blankLineInside: Double
    var spacing: Spacing
    var singleQuotes: Bool
    /// Chance that a line holding a bracketed list is wrapped after its commas.
    var wrapInsideBrackets: Double
    /// Seeds the per-line choices (blank lines, wrapping), so a style prints the same twice.
    var seed: UInt64

    static func random(_ random: inout SplitMix64) -> CohortStyle {
        CohortStyle(
            indent: random.pick(["    ", "    ", "    ", "    ", "  ", "\t"]),
            blankLinesBetweenBlocks: random.pick([2, 2, 1, 1, 3]),
            blankLineInside: random.pick([0, 0, 0.05, 0.15, 0.3]),
            spacing: random.pick([.standard, .standard, .standard, .compact, .airy]),
            singleQuotes: random.chance(0.3),
            wrapInsideBrackets: random.pick([0, 0, 0, 0.2]),
            seed: random.next())
    }
}

/// Prints a ``CohortProgram`` in a ``CohortStyle``.
enum CohortRendering {
    static func render(_ program: CohortProgram, style: CohortStyle) -> String {
        var random = SplitMix64(seed: style.seed)
        var output: [String] = []
        for (blockIndex, block) in program.blocks.enumerated() {
            if blockIndex > 0 {
                output.append(contentsOf: Array(repeating: "", count: block.role == .header ? 1 : style.blankLinesBetweenBlocks))
            }
            for (lineIndex, line) in block.lines.enumerated() {
                let pad = String(repeating: style.indent, count: line.depth)
                if lineIndex > 0, line.depth > 0, line.kind != .docstring, random.chance(style.blankLineInside) { output.append("") }
                switch line.kind {
                case .comment:
                    output.append(pad + "# " + line.text)
                case .docstring:
                    let parts = line.text.split(separator: "\n", omittingEmptySubsequences: false)
                    if parts.count == 1 {
                        output.append(pad + "\"\"\"" + line.text + "\"\"\"")
                    } else {
                        output.append(pad + "\"\"\"" + parts[0])
                        for part in parts.dropFirst().dropLast() { output.append(part.isEmpty ? "" : pad + part) }
                        output.append(pad + parts[parts.count - 1] + "\"\"\"")
                    }
                case .code:
                    var text = program.substitute(line.text)
                    text = respace(text, style.spacing)
                    if style.singleQuotes { text = singleQuoted(text) }
                    if random.chance(style.wrapInsideBrackets), let wrapped = wrap(text, indent: pad, continuation: pad + style.indent + style.indent) {
                        output.append(contentsOf: wrapped)
                    } else {
                        output.append(pad + text)
                    }
                }
            }
        }
        return output.joined(separator: "\n") + "\n"
    }

    /// Characters whose neighbours need no space: removing a space next to one never changes
    /// a Python program, unless both sides are operator characters (`a * *b`, `x = -1`).
    static let punctuation: Set<Character> = ["=", "+", "-", "*", "/", "%", "<", ">", "!", ",", ":", "(", ")", "[", "]", "{", "}", "&", "|", "^"]
    static let operatorCharacters: Set<Character> = ["=", "+", "-", "*", "/", "%", "<", ">", "!", ":", "&", "|", "^", "@", "~"]

    /// Compact drops spaces next to punctuation outside strings (`x=a+b`); airy adds them
    /// inside brackets (`f( a, b )`). Standard leaves the template's spacing.
    static func respace(_ text: String, _ spacing: CohortStyle.Spacing) -> String {
        guard spacing != .standard else { return text }
        let characters = Array(text)
        var result: [Character] = []
        var quote: Character?
        var escaped = false
        for (index, character) in characters.enumerated() {
            if let open = quote {
                result.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                result.append(character)
                continue
            }
            switch spacing {
            case .compact:
                if character == " " {
                    let before = result.last
                    let after = index + 1 < characters.count ? characters[index + 1] : nil
                    let nextToPunctuation = before.map(punctuation.contains) == true || after.map(punctuation.contains) == true
                    let joinsOperators = before.map(operatorCharacters.contains) == true && after.map(operatorCharacters.contains) == true
                    // Keep the space where two operators would meet (`lambda x: -x`).
                    if nextToPunctuation && !joinsOperators { continue }
                }
                result.append(character)
            case .airy:
                result.append(character)
                let after = index + 1 < characters.count ? characters[index + 1] : nil
                if (character == "(" || character == "[") && after != nil && after != ")" && after != "]" && after != " " { result.append(" ") }
                if (after == ")" || after == "]") && character != "(" && character != "[" && character != " " { result.append(" ") }
            case .standard:
                result.append(character)
            }
        }
        return String(result)
    }

    /// Double-quoted strings become single-quoted when that is all the line has.
    static func singleQuoted(_ text: String) -> String {
        guard !text.contains("'"), !text.contains("\"\"\""), !text.contains("\\") else { return text }
        return text.replacingAll("\"", with: "'")
    }

    /// Breaks the first bracket on the line that holds a comma-separated list after each
    /// comma, continuing inside the bracket (Python's implicit line joining). `nil` when the
    /// line has no such bracket.
    static func wrap(_ text: String, indent: String, continuation: String) -> [String]? {
        let characters = Array(text)
        var quote: Character?
        var depth = 0
        var opened: Int?
        var cuts: [Int] = []
        var escaped = false
        for (index, character) in characters.enumerated() {
            if let open = quote {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == open {
                    quote = nil
                }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[", "{":
                depth += 1
                if depth == 1, opened == nil { opened = index }
            case ")", "]", "}":
                depth -= 1
                if depth == 0, opened != nil {
                    if !cuts.isEmpty {
                        var lines: [String] = []
                        var from = 0
                        for cut in cuts {
                            let piece = String(characters[from...cut]).trimmingLeadingSpaces()
                            lines.append((lines.isEmpty ? indent : continuation) + piece)
                            from = cut + 1
                        }
                        lines.append(continuation + String(characters[from...]).trimmingLeadingSpaces())
                        return lines
                    }
                    opened = nil
                }
            case "," where depth == 1 && opened != nil:
                cuts.append(index)
            default:
                break
            }
        }
        return nil
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }

    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
