import PythonSource

/// Python source reduced to what survives the disguises a copier uses: every user-chosen
/// name is one symbol, every string one symbol, every number one symbol; keywords,
/// operators, builtins and standard-library names keep their spelling
/// (``PythonVocabulary``). Comments, docstrings (a string that is a whole statement),
/// newlines and indentation are dropped, so renaming, re-commenting and reformatting leave
/// the sequence unchanged. Statements that provably do nothing are dropped (``DeadCode``),
/// and the rest are put in a canonical order (``CanonicalOrder``), so padding with dead
/// code, moving functions or swapping independent statements leaves it unchanged too.
public struct NormalizedTokens: Sendable, Equatable {
    /// One stable 64-bit value per normalized token, the same in every process.
    public let symbols: [UInt64]
    /// The source line each token starts on (1-based).
    public let firstLines: [Int32]
    /// The source line each token ends on: later than `firstLines` for multi-line strings.
    public let lastLines: [Int32]
    /// Tokens with the same segment number were next to each other in the source; a new
    /// segment starts wherever canonical ordering moved a statement.
    public let segments: [Int32]

    public var count: Int { symbols.count }

    public init(source: String) {
        self.init(tokens: PythonTokenizer.tokenize(source))
    }

    public init(tokens: [PythonToken]) {
        let statements = Self.statements(tokens)
        let order = CanonicalOrder.order(statements)
        var symbols: [UInt64] = []
        var firstLines: [Int32] = []
        var lastLines: [Int32] = []
        var segments: [Int32] = []
        let total = statements.reduce(0) { $0 + $1.symbols.count }
        symbols.reserveCapacity(total)
        firstLines.reserveCapacity(total)
        lastLines.reserveCapacity(total)
        segments.reserveCapacity(total)
        var segment: Int32 = 0
        var previous = -2
        for index in order {
            if index != previous + 1 { segment += 1 }
            previous = index
            let statement = statements[index]
            symbols += statement.symbols
            firstLines += statement.firstLines
            lastLines += statement.lastLines
            segments += repeatElement(segment, count: statement.symbols.count)
        }
        self.symbols = symbols
        self.firstLines = firstLines
        self.lastLines = lastLines
        self.segments = segments
    }

    /// Tokens given directly, one per line (for tests of the layers above).
    init(symbols: [UInt64]) {
        self.symbols = symbols
        self.firstLines = symbols.indices.map { Int32($0 + 1) }
        self.lastLines = self.firstLines
        self.segments = Array(repeating: 1, count: symbols.count)
    }

    /// One logical line: its normalized tokens, indentation and kind.
    struct Statement {
        enum Kind: Equatable { case simple, definition, decorator, other }
        var indent: Int
        var kind: Kind
        var symbols: [UInt64] = []
        var firstLines: [Int32] = []
        var lastLines: [Int32] = []
    }

    /// Splits tokens into logical lines, dropping comments and statements that do nothing
    /// (``DeadCode``).
    static func statements(_ tokens: [PythonToken]) -> [Statement] {
        let dead = DeadCode(tokens)
        var statements: [Statement] = []
        var start = 0
        var skippingDeeperThan: Int?
        while start < tokens.count {
            var end = start
            while end < tokens.count, tokens[end].kind != .newline { end += 1 }
            let range = start..<end
            start = end + 1
            let code = range.filter { tokens[$0].kind != .comment }
            guard let first = code.first else { continue }
            let indent = tokens[first].indent
            if let limit = skippingDeeperThan {
                if indent > limit { continue }
                skippingDeeperThan = nil
            }
            switch dead.verdict(code, tokens) {
            case .live: break
            case .statement: continue
            case .block:
                skippingDeeperThan = indent
                continue
            }
            var statement = Statement(indent: indent, kind: kind(of: tokens[first]))
            statement.symbols.reserveCapacity(code.count)
            for index in code {
                let token = tokens[index]
                let previous = index == 0 ? nil : tokens[index - 1]
                statement.symbols.append(symbol(for: token, afterDot: previous?.kind == .op && previous?.text == "."))
                statement.firstLines.append(Int32(clamping: token.line))
                statement.lastLines.append(Int32(clamping: token.line + newlines(in: token)))
            }
            statements.append(statement)
        }
        return withoutEmptyFunctions(statements)
    }

    /// Drops a `def` (and its decorators) whose whole body was dead: a function that does
    /// nothing, such as a padding helper that only holds `if False:` or `pass`.
    static func withoutEmptyFunctions(_ statements: [Statement]) -> [Statement] {
        var kept: [Statement] = []
        kept.reserveCapacity(statements.count)
        for (index, statement) in statements.enumerated() {
            let isFunction = statement.kind == .definition && statement.symbols.first != classSymbol
            let hasBody = index + 1 < statements.count && statements[index + 1].indent > statement.indent
            // A one-line `def f(): return x` keeps its body on the same line: the colon is not last.
            let bodyOnLine = statement.symbols.last != colonSymbol
            if isFunction, !hasBody, !bodyOnLine {
                while let last = kept.last, last.kind == .decorator, last.indent == statement.indent { kept.removeLast() }
                continue
            }
            kept.append(statement)
        }
        return kept
    }

    static let classSymbol = StableHash.of("name:class")
    static let colonSymbol = StableHash.of(":")

    static func kind(of first: PythonToken) -> Statement.Kind {
        switch first.kind {
        case .name:
            switch first.text {
            case "def", "class", "async": return .definition
            default: return PythonVocabulary.keywords.contains(first.text) ? .other : .simple
            }
        case .op:
            return first.text == "@" ? .decorator : .simple
        default:
            return .simple
        }
    }

    static let nameSymbol = StableHash.of("N")
    static let stringSymbol = StableHash.of("S")
    static let numberSymbol = StableHash.of("D")

    static func symbol(for token: PythonToken, afterDot: Bool) -> UInt64 {
        switch token.kind {
        case .string: return stringSymbol
        case .number: return numberSymbol
        case .op: return StableHash.of(token.text)
        case .name:
            let text = token.text
            let kept = afterDot
                ? PythonVocabulary.methods.contains(text) || PythonVocabulary.library.contains(text)
                : PythonVocabulary.keywords.contains(text) || PythonVocabulary.builtins.contains(text)
                    || PythonVocabulary.library.contains(text)
            // The prefix keeps a kept name from colliding with an operator's spelling.
            return kept ? StableHash.of("name:" + text) : nameSymbol
        case .comment, .newline:
            return 0
        }
    }

    static func newlines(in token: PythonToken) -> Int {
        guard token.kind == .string else { return 0 }
        var count = 0
        for byte in token.text.utf8 where byte == 0x0A { count += 1 }
        return count
    }
}
