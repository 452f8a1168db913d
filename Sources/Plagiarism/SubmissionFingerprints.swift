/// A submission reduced to its winnowed fingerprints: what the index stores and compares.
/// Building one never fails: bad input gives an empty fingerprint set and an issue.
public struct SubmissionFingerprints: Sendable, Hashable {
    public let name: String
    /// The winnowed fingerprints in position order.
    public let fingerprints: [Fingerprint]
    /// Normalized tokens the fingerprints were taken from.
    public let tokenCount: Int
    public let winnowing: Winnowing
    public let issues: [SubmissionIssue]
    /// The distinct hashes, sorted, for membership tests and the index.
    public let hashes: [UInt64]
    /// The most times one hash occurs: bounds coverage without computing it.
    let maximumRepeats: Int

    /// Bytes in, fingerprints out: a UTF-8 BOM is skipped, more than `maximumBytes` is cut at
    /// the last line break before the limit, NUL bytes mean binary, invalid UTF-8 is decoded
    /// with replacement characters. Tokens inside any k-gram of `starterCode` (hashes from
    /// ``Winnowing/allKGrams(of:)`` of the starter files) are cut out before winnowing.
    public init(file: SubmissionFile, winnowing: Winnowing = .standard, maximumBytes: Int = PlagiarismOptions.defaultMaximumFileBytes,
                starterCode: Set<UInt64> = []) {
        var issues: [SubmissionIssue] = []
        if let reason = file.readFailure { issues.append(.unreadable(reason: reason)) }
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let total = file.totalByteCount ?? file.bytes.count
        if bytes.count > maximumBytes || total > file.bytes.count {
            var cut = bytes.startIndex + min(bytes.count, max(0, maximumBytes))
            if let lastNewline = bytes[..<cut].lastIndex(of: 0x0A) { cut = lastNewline + 1 }
            bytes = bytes[..<cut]
            issues.append(.truncated(totalBytes: total, keptBytes: bytes.count))
        }
        if bytes.contains(0) {
            self.init(name: file.name, tokens: NormalizedTokens(tokens: []), winnowing: winnowing, starterCode: [], issues: issues + [.binary])
            return
        }
        let source: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            source = valid
        } else {
            source = String(decoding: bytes, as: UTF8.self)
            issues.append(.invalidUTF8)
        }
        self.init(name: file.name, tokens: NormalizedTokens(source: source), winnowing: winnowing, starterCode: starterCode, issues: issues)
    }

    public init(name: String, source: String, winnowing: Winnowing = .standard) {
        self.init(file: SubmissionFile(name: name, text: source), winnowing: winnowing)
    }

    init(name: String, tokens: NormalizedTokens, winnowing: Winnowing, starterCode: Set<UInt64>, issues: [SubmissionIssue]) {
        var issues = issues
        let fingerprints = winnowing.fingerprints(of: tokens, excluding: starterCode)
        if !issues.contains(where: { if case .binary = $0 { true } else if case .unreadable = $0 { true } else { false } }) {
            if tokens.count == 0 {
                issues.append(.empty)
            } else if tokens.count < winnowing.k {
                issues.append(.tooShort(tokens: tokens.count))
            } else if fingerprints.isEmpty {
                issues.append(.onlyStarterCode)
            }
        }
        var repeats: [UInt64: Int] = [:]
        for fingerprint in fingerprints { repeats[fingerprint.hash, default: 0] += 1 }
        self.name = name
        self.fingerprints = fingerprints
        self.tokenCount = tokens.count
        self.winnowing = winnowing
        self.issues = issues
        self.hashes = repeats.keys.sorted()
        self.maximumRepeats = repeats.values.max() ?? 0
    }

    public func contains(_ hash: UInt64) -> Bool {
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }
}
