/// One token of Python source, with the line it starts on (1-based).
public struct PythonToken: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case name, number, string, op, comment
        /// The end of a logical line (not inside brackets, not after a backslash).
        case newline
    }

    public let kind: Kind
    public let text: String
    public let line: Int
    /// The column of the line's first token, for statements: 0 at module level.
    public let indent: Int

    public init(kind: Kind, text: String, line: Int, indent: Int) {
        self.kind = kind
        self.text = text
        self.line = line
        self.indent = indent
    }
}
