/// One selected k-gram of a document: its hash, the index of its first normalized token,
/// and the source lines it spans, so a match maps back to lines.
public struct Fingerprint: Sendable, Hashable {
    public let hash: UInt64
    public let position: Int32
    public let firstLine: Int32
    public let lastLine: Int32
    /// False when the k-gram joins statements that canonical ordering brought together from
    /// different places: it still counts for similarity, but shows no region of its own.
    public let isContiguous: Bool

    public init(hash: UInt64, position: Int32, firstLine: Int32, lastLine: Int32, isContiguous: Bool = true) {
        self.hash = hash
        self.position = position
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.isContiguous = isContiguous
    }
}

/// Winnowing (Schleimer, Wilkerson, Aiken, SIGMOD 2003): hash every k-gram of normalized
/// tokens, then keep the minimum hash of every window of `window` consecutive hashes
/// (robust variant: on a tie keep the previous choice, else the rightmost minimum). Any
/// shared run of at least `k + window - 1` tokens (``guaranteeThreshold``) yields a shared
/// fingerprint; no run shorter than `k` can.
///
/// ``standard`` is k = 15, window = 3, so the guarantee threshold is 17 tokens, about two
/// lines of Python. Chosen on the generated cohort (``CohortGenerator``: 1,000 submissions,
/// 5 tasks, 100 planted copies; three seeds) over k in 8…20 and window in 1…5, scoring each
/// task's submissions as one scan, as `vetted plagiarism scan` on a task folder does:
/// - shorter k-grams are idioms every solution to a task writes: at k = 10, 1,107 pairs of
///   unrelated solutions reached the reporting threshold, against 801 at k = 15 (default
///   seed), and five planted copies scored under 0.9 against two;
/// - longer ones lose copied passages cut short by inserted statements: at k = 20 the worst
///   planted copy fell to 0.74 and two dropped under the reporting threshold, while at
///   k = 15 none is under 0.82.
/// - window = 3 keeps half of the k-grams (density 2 / (window + 1)), which keeps the index
///   small, and costs a copied passage at most `window - 1` = 2 tokens of coverage at each
///   edge, since ``PairSimilarity`` counts covered tokens; window 5 let more planted copies
///   slip under 0.9, and window 2 changed little for a larger index.
public struct Winnowing: Sendable, Hashable {
    public let k: Int
    public let window: Int

    public static let standard = Winnowing(k: 15, window: 3)

    /// The shortest shared run of tokens winnowing is sure to report.
    public var guaranteeThreshold: Int { k + window - 1 }

    public init(k: Int, window: Int) {
        self.k = max(1, k)
        self.window = max(1, window)
    }

    /// The winnowed fingerprints, in position order.
    public func fingerprints(of tokens: NormalizedTokens) -> [Fingerprint] {
        fingerprints(of: tokens, excluding: [])
    }

    /// The winnowed fingerprints of what is left once every token inside a k-gram of
    /// `excluded` (starter code) is cut out. The pieces left between starter code are
    /// winnowed separately, so no k-gram straddles starter and own code: such a k-gram
    /// would change whenever the own code moves, and cost a copy its score.
    public func fingerprints(of tokens: NormalizedTokens, excluding excluded: Set<UInt64>) -> [Fingerprint] {
        let hashes = kgramHashes(tokens.symbols)
        guard !hashes.isEmpty else { return [] }
        guard !excluded.isEmpty else { return winnow(hashes, from: 0, to: hashes.count, tokens) }
        // Mark the tokens starter k-grams cover, then winnow each unmarked run of at least k.
        var masked = [Bool](repeating: false, count: tokens.count)
        for (start, hash) in hashes.enumerated() where excluded.contains(hash) {
            for offset in start..<(start + k) { masked[offset] = true }
        }
        var result: [Fingerprint] = []
        var runStart = 0
        for index in 0...tokens.count where index == tokens.count || masked[index] {
            // Tokens runStart ..< index are own code: k-grams start at runStart ... index - k.
            if index - runStart >= k { result += winnow(hashes, from: runStart, to: index - k + 1, tokens) }
            runStart = index + 1
        }
        return result
    }

    /// Robust winnowing over the k-grams starting at `from ..< to`.
    func winnow(_ hashes: [UInt64], from: Int, to: Int, _ tokens: NormalizedTokens) -> [Fingerprint] {
        var result: [Fingerprint] = []
        result.reserveCapacity(2 * (to - from) / (window + 1) + 1)
        var selected = -1
        let windows = max(1, to - from - window + 1)
        for start in from..<(from + windows) {
            let end = min(start + window, to)
            var minimum = start
            for index in start..<end where hashes[index] <= hashes[minimum] { minimum = index }
            if selected >= start, hashes[selected] == hashes[minimum] { continue }
            selected = minimum
            result.append(fingerprint(at: minimum, hash: hashes[minimum], tokens))
        }
        return result
    }

    /// Every k-gram, unwinnowed: for documents whose fingerprints must never count (starter
    /// code), where a submission's window may pick a k-gram the starter's window skipped.
    public func allKGrams(of tokens: NormalizedTokens) -> [Fingerprint] {
        kgramHashes(tokens.symbols).enumerated().map { fingerprint(at: $0.offset, hash: $0.element, tokens) }
    }

    func kgramHashes(_ symbols: [UInt64]) -> [UInt64] {
        guard symbols.count >= k else { return [] }
        var hashes = [UInt64](repeating: 0, count: symbols.count - k + 1)
        for start in hashes.indices {
            var hash: UInt64 = 0
            for offset in 0..<k { hash = StableHash.mix(hash ^ symbols[start + offset]) }
            hashes[start] = hash
        }
        return hashes
    }

    /// The k-gram at `position` with the lines it covers. A k-gram that spans statements
    /// canonical ordering brought together reports the lines of the part holding most of
    /// its tokens, so a match never claims the unrelated lines between two moved pieces.
    func fingerprint(at position: Int, hash: UInt64, _ tokens: NormalizedTokens) -> Fingerprint {
        let range = position..<(position + k)
        var segment = tokens.segments[position]
        if tokens.segments[range.upperBound - 1] != segment {
            var best = 0
            var index = position
            while index < range.upperBound {
                let current = tokens.segments[index]
                var length = 0
                while index < range.upperBound, tokens.segments[index] == current { length += 1; index += 1 }
                if length > best { best = length; segment = current }
            }
        }
        var first = Int32.max
        var last = Int32.min
        for index in range where tokens.segments[index] == segment {
            first = min(first, tokens.firstLines[index])
            last = max(last, tokens.lastLines[index])
        }
        return Fingerprint(hash: hash, position: Int32(position), firstLine: first, lastLine: last,
                           isContiguous: tokens.segments[position] == tokens.segments[range.upperBound - 1])
    }
}
