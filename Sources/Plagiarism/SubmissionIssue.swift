/// Why a file was compared only in part, or not at all. A scan never fails on a bad file;
/// it says so here and carries on.
public enum SubmissionIssue: Sendable, Hashable, Codable {
    /// Larger than the limit: only the first `keptBytes` of `totalBytes` were compared.
    case truncated(totalBytes: Int, keptBytes: Int)
    /// Not valid UTF-8: undecodable bytes were replaced before tokenizing.
    case invalidUTF8
    /// Holds NUL bytes, which Python source cannot: treated as binary, not compared.
    case binary
    /// No bytes, or only whitespace and comments.
    case empty
    /// Fewer tokens than one k-gram: nothing to compare.
    case tooShort(tokens: Int)
    /// Nothing left once the starter code is taken out.
    case onlyStarterCode
    /// The file could not be read.
    case unreadable(reason: String)
}

extension SubmissionIssue: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .truncated(total, kept): "larger than the limit (\(total) bytes): only the first \(kept) bytes compared"
        case .invalidUTF8: "not valid UTF-8: undecodable bytes replaced"
        case .binary: "binary (NUL bytes): not compared"
        case .empty: "empty: nothing to compare"
        case let .tooShort(tokens): "too short (\(tokens) tokens): nothing to compare"
        case .onlyStarterCode: "only starter code: nothing to compare"
        case let .unreadable(reason): "unreadable: \(reason)"
        }
    }
}
