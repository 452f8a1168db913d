/// A tokenizer for Python 3 source, enough to read statements reliably: strings of every
/// form (prefixes, triple quotes, escapes), comments, backslash continuations and the
/// implicit continuation inside brackets. It never fails: malformed input (an unclosed
/// string at the end of a file) becomes the longest sensible token, so a half-written
/// file still yields what it holds. Shared by the portfolio analyser and plagiarism.
public enum PythonTokenizer {
    public static func tokenize(_ source: String) -> [PythonToken] {
        let chars = scalars(of: source)
        var tokens: [PythonToken] = []
        var i = 0
        var line = 1
        var depth = 0
        var atLineStart = true
        var indent = 0

        func emit(_ kind: PythonToken.Kind, _ start: Int, _ end: Int, line: Int) {
            tokens.append(PythonToken(kind: kind, text: text(chars, start, end), line: line, indent: indent))
        }
        func endLogicalLine() {
            if let last = tokens.last, last.kind != .newline, last.kind != .comment || tokens.count > 1 {
                if depth == 0 && last.kind != .newline { tokens.append(PythonToken(kind: .newline, text: "", line: line, indent: indent)) }
            }
        }

        while i < chars.count {
            let c = chars[i]
            if atLineStart {
                // Measure indentation; blank and comment-only lines do not start a statement.
                var j = i
                var width = 0
                while j < chars.count, chars[j] == " " || chars[j] == "\t" {
                    width += chars[j] == "\t" ? 8 - width % 8 : 1
                    j += 1
                }
                if depth == 0 { indent = width }
                i = j
                atLineStart = false
                continue
            }
            switch c {
            case "\n":
                if depth == 0 { endLogicalLine() }
                line += 1
                i += 1
                atLineStart = true
            case "\r":
                i += 1
            case " ", "\t", "\u{0C}":
                i += 1
            case "\\":
                // A backslash before a newline joins the lines.
                if i + 1 < chars.count, chars[i + 1] == "\n" {
                    line += 1
                    i += 2
                } else if i + 2 < chars.count, chars[i + 1] == "\r", chars[i + 2] == "\n" {
                    line += 1
                    i += 3
                } else {
                    emit(.op, i, i + 1, line: line)
                    i += 1
                }
            case "#":
                let start = i
                while i < chars.count, chars[i] != "\n" { i += 1 }
                emit(.comment, start, i, line: line)
            case "\"", "'":
                let (end, lines) = scanString(chars, from: i, quoteAt: i)
                emit(.string, i, end, line: line)
                line += lines
                i = end
            default:
                if isIdentifierStart(c) {
                    let start = i
                    while i < chars.count, isIdentifierPart(chars[i]) { i += 1 }
                    // String prefixes: r, b, f, u and their pairs, directly before a quote.
                    if i < chars.count, chars[i] == "\"" || chars[i] == "'", i - start <= 2,
                       chars[start..<i].allSatisfy({ "rRbBfFuU".unicodeScalars.contains($0) }) {
                        let (end, lines) = scanString(chars, from: start, quoteAt: i)
                        emit(.string, start, end, line: line)
                        line += lines
                        i = end
                    } else {
                        emit(.name, start, i, line: line)
                    }
                } else if isNumeric(c) || (c == "." && i + 1 < chars.count && isNumeric(chars[i + 1])) {
                    let start = i
                    while i < chars.count, isIdentifierPart(chars[i]) || chars[i] == "." { i += 1 }
                    emit(.number, start, i, line: line)
                } else {
                    let start = i
                    if "([{".unicodeScalars.contains(c) { depth += 1 }
                    if ")]}".unicodeScalars.contains(c) { depth = max(0, depth - 1) }
                    i += 1
                    // Two- and three-character operators that matter to readers: -> ** // := ...
                    let two: UInt32 = i < chars.count && c.isASCII && chars[i].isASCII ? c.value << 8 | chars[i].value : 0
                    if twoCharacterOperators.contains(two) {
                        i += 1
                        if i < chars.count, doubledOperators.contains(two), chars[i] == "=" { i += 1 }
                    } else if c == ".", i + 1 < chars.count, chars[i] == ".", chars[i + 1] == "." {
                        i += 2
                    }
                    if c == ";" && depth == 0 {
                        endLogicalLine()
                        continue
                    }
                    emit(.op, start, i, line: line)
                }
            }
        }
        if depth == 0 { endLogicalLine() } else if tokens.last?.kind != .newline {
            tokens.append(PythonToken(kind: .newline, text: "", line: line, indent: indent))
        }
        return tokens
    }

    /// The end index of a string literal whose first quote is at `quoteAt`, and the number
    /// of newlines inside it. An unterminated string runs to the end of its line (or of the
    /// file, for triple quotes).
    static func scanString(_ chars: [Unicode.Scalar], from start: Int, quoteAt q: Int) -> (Int, Int) {
        let quote = chars[q]
        let triple = q + 2 < chars.count && chars[q + 1] == quote && chars[q + 2] == quote
        var i = q + (triple ? 3 : 1)
        var newlines = 0
        let raw = chars[start..<q].contains { $0 == "r" || $0 == "R" }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && !raw || c == "\\" && raw && i + 1 < chars.count && chars[i + 1] == quote {
                if i + 1 < chars.count, chars[i + 1] == "\n" { newlines += 1 }
                i += 2
                continue
            }
            if c == "\n" {
                if !triple { return (i, newlines) }
                newlines += 1
            }
            if c == quote {
                if !triple { return (i + 1, newlines) }
                if i + 2 < chars.count, chars[i + 1] == quote, chars[i + 2] == quote { return (i + 3, newlines) }
            }
            i += 1
        }
        return (chars.count, newlines)
    }

    // Most Python source is ASCII: the checks below answer for it without the Unicode
    // property tables, which were a fifth of the tokenizer's time.

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return c.properties.isXIDStart
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") }
        return c.properties.isXIDContinue
    }

    static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c >= "0" && c <= "9" }
        return c.properties.numericType != nil
    }

    /// `-> ** // := == != <= >= += -= *= /= << >> %= &= |= ^= @=` as two ASCII values in one word.
    static let twoCharacterOperators: Set<UInt32> = Set(["->", "**", "//", ":=", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "<<", ">>", "%=", "&=", "|=", "^=", "@="].map(pair))
    /// The operators that take a third character `=`: `**= //= <<= >>=`.
    static let doubledOperators: Set<UInt32> = Set(["**", "//", "<<", ">>"].map(pair))

    static func pair(_ op: String) -> UInt32 {
        let u = Array(op.unicodeScalars)
        return u[0].value << 8 | u[1].value
    }

    static func scalars(of source: String) -> [Unicode.Scalar] {
        var source = source
        return source.withUTF8 { bytes in
            if !bytes.contains(where: { $0 >= 0x80 }) { return bytes.map { Unicode.Scalar($0) } }
            return Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        }
    }

    static func text(_ chars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let slice = chars[start..<end]
        guard slice.allSatisfy(\.isASCII) else {
            var text = ""
            text.unicodeScalars.append(contentsOf: slice)
            return text
        }
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (k, scalar) in slice.enumerated() { buffer[k] = UInt8(truncatingIfNeeded: scalar.value) }
            return slice.count
        }
    }
}
