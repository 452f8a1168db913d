import PythonSource

/// Statements that cannot change what a program computes, which copiers add as padding:
/// - a string on its own (a docstring, a commented-out block) and `pass`;
/// - `if`/`while` on a constant false condition (`False`, `None`, `0`) and `for` over an
///   empty `range(0)`, `[]` or `()`, with their bodies;
/// - `assert True`;
/// - an assignment to a name that appears nowhere else in the file (a dead store);
/// - a flag only ever set to a false constant (`debug = False`) and the `if debug:` blocks
///   it guards.
/// Dropping them from every document costs nothing when comparing honest code (they carry
/// no logic) and removes what a padded copy added.
struct DeadCode {
    enum Verdict { case live, statement, block }

    /// How often each name occurs in the file, attributes after a dot excluded.
    private var uses: [String: Int] = [:]
    /// Names whose every occurrence is `name = False` (or None, 0) or `if name:`.
    private var falseFlags: Set<String> = []
    private static let falsy: Set<String> = ["False", "None", "0"]

    init(_ tokens: [PythonToken]) {
        for (index, token) in tokens.enumerated() where token.kind == .name {
            if index > 0, tokens[index - 1].kind == .op, tokens[index - 1].text == "." { continue }
            uses[token.text, default: 0] += 1
        }
        var flagOccurrences: [String: Int] = [:]
        var assignedFalse: Set<String> = []
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count, tokens[end].kind != .newline { end += 1 }
            let texts = tokens[start..<end].filter { $0.kind != .comment }.prefix(4).map(\.text)
            if texts.count == 3, texts[1] == "=", Self.falsy.contains(texts[2]) {
                flagOccurrences[texts[0], default: 0] += 1
                assignedFalse.insert(texts[0])
            } else if texts.count == 3, texts[0] == "if", texts[2] == ":" {
                flagOccurrences[texts[1], default: 0] += 1
            }
            start = end + 1
        }
        falseFlags = Set(assignedFalse.filter { name in
            !PythonVocabulary.keywords.contains(name) && flagOccurrences[name] == uses[name]
        })
    }

    /// Whether the statement made of `code` (token indexes, comments removed) is dead, and
    /// whether its indented body goes with it.
    func verdict(_ code: [Int], _ tokens: [PythonToken]) -> Verdict {
        let texts = code.prefix(8).map { tokens[$0].text }
        if code.allSatisfy({ tokens[$0].kind == .string }) { return .statement }
        if texts == ["pass"] { return .statement }
        if texts.count == 2, texts[0] == "assert", texts[1] == "True" { return .statement }
        if texts.count == 3, texts[0] == "if" || texts[0] == "while", Self.falsy.contains(texts[1]) || falseFlags.contains(texts[1]),
           texts[2] == ":" {
            return .block
        }
        if texts.count == 3, texts[1] == "=", Self.falsy.contains(texts[2]), falseFlags.contains(texts[0]) { return .statement }
        if texts.first == "for", code.count <= 12, let position = texts.firstIndex(of: "in") {
            let rest = Array(code.map { tokens[$0].text }[(position + 1)...])
            if rest == ["range", "(", "0", ")", ":"] || rest == ["[", "]", ":"] || rest == ["(", ")", ":"] { return .block }
        }
        if code.count >= 3, tokens[code[0]].kind == .name, !PythonVocabulary.keywords.contains(texts[0]),
           tokens[code[1]].kind == .op, texts[1] == "=", uses[texts[0], default: 0] == 1 {
            return .statement
        }
        return .live
    }
}
