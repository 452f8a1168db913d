/// An import statement found in Python source.
public struct PythonImport: Sendable, Equatable {
    /// The module as written: `sklearn.linear_model`; for `from . import x`, the dots.
    public let module: String
    public let line: Int
    /// `from .models import X` and `from . import X`.
    public let isRelative: Bool
    /// Inside a block (`if`, `try`, a function): optional or conditional dependencies.
    public let isNested: Bool

    /// The first dotted part (`sklearn`), which is what a distribution installs.
    public var topLevel: String { module.split(separator: ".").first.map(String.init) ?? module }
}

/// What the analyser needs from a Python file: its imports and how many functions carry
/// type hints. Read from tokens, so strings and comments that look like code never count.
public struct PythonFileFacts: Sendable, Equatable {
    public let imports: [PythonImport]
    public let functions: Int
    public let annotatedFunctions: Int

    public init(source: String) {
        let tokens = PythonTokenizer.tokenize(source)
        var imports: [PythonImport] = []
        var functions = 0
        var annotated = 0
        var statementStart = true
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            defer { i += 1 }
            if token.kind == .newline { statementStart = true; continue }
            if token.kind == .comment { continue }
            guard statementStart else { continue }
            statementStart = false
            guard token.kind == .name else { continue }
            switch token.text {
            case "import":
                // import a.b as c, d
                var j = i + 1
                while j < tokens.count, tokens[j].kind != .newline {
                    if let (name, next) = Self.dotted(tokens, j) {
                        imports.append(PythonImport(module: name, line: tokens[j].line, isRelative: false, isNested: token.indent > 0))
                        j = next
                        if j < tokens.count, tokens[j].text == "as" { j += 2 }
                    } else {
                        j += 1
                    }
                }
            case "from":
                var j = i + 1
                var dots = ""
                while j < tokens.count, tokens[j].kind == .op, tokens[j].text == "." || tokens[j].text == "..." { dots += tokens[j].text; j += 1 }
                if let (name, _) = Self.dotted(tokens, j), name != "import" {
                    if name != "__future__" {
                        imports.append(PythonImport(module: dots + name, line: token.line, isRelative: !dots.isEmpty, isNested: token.indent > 0))
                    }
                } else if !dots.isEmpty {
                    imports.append(PythonImport(module: dots, line: token.line, isRelative: true, isNested: token.indent > 0))
                }
            case "def", "async":
                var j = i + (token.text == "async" ? 1 : 0)
                guard j < tokens.count, tokens[j].text == "def" else { break }
                functions += 1
                // Annotated when any parameter has ':' at the first bracket level, or a '->' follows.
                j += 2
                var depth = 0
                var hinted = false
                while j < tokens.count, tokens[j].kind != .newline {
                    let t = tokens[j].text
                    if tokens[j].kind == .op {
                        if t == "(" || t == "[" || t == "{" { depth += 1 }
                        if t == ")" || t == "]" || t == "}" { depth -= 1 }
                        if (t == ":" && depth == 1) || t == "->" { hinted = true }
                        if t == ":" && depth == 0 { break }
                    }
                    j += 1
                }
                if hinted { annotated += 1 }
            case "if", "elif", "else", "try", "except", "finally", "with", "for", "while", "class":
                // `if x: import y` on one line: the statement after ':' starts a statement.
                var j = i + 1
                var depth = 0
                while j < tokens.count, tokens[j].kind != .newline {
                    let t = tokens[j].text
                    if tokens[j].kind == .op {
                        if "([{".contains(t) { depth += 1 }
                        if ")]}".contains(t) { depth -= 1 }
                        if t == ":" && depth == 0 { break }
                    }
                    j += 1
                }
                if j < tokens.count, tokens[j].text == ":", j + 1 < tokens.count, tokens[j + 1].kind != .newline {
                    i = j
                    statementStart = true
                }
            default:
                break
            }
        }
        self.imports = imports
        self.functions = functions
        self.annotatedFunctions = annotated
    }

    /// A dotted name starting at `index`: the name and the index after it.
    static func dotted(_ tokens: [PythonToken], _ index: Int) -> (String, Int)? {
        guard index < tokens.count, tokens[index].kind == .name else { return nil }
        var name = tokens[index].text
        var j = index + 1
        while j + 1 < tokens.count, tokens[j].text == ".", tokens[j + 1].kind == .name {
            name += "." + tokens[j + 1].text
            j += 2
        }
        return (name, j)
    }
}
