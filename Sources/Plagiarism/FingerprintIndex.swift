/// An inverted index from fingerprint hash to the documents holding it, so a new submission
/// is compared only with the documents it shares a counted fingerprint with, and a whole
/// cohort is scanned without looking at every pair.
///
/// A fingerprint counts unless it is ignored (from starter code, ``ignore(_:)``) or common:
/// in more documents than ``CommonFingerprintFilter/cutoff(cohortSize:)`` allows for the
/// documents indexed so far.
public struct FingerprintIndex: Sendable {
    public let options: PlagiarismOptions
    public private(set) var documents: [SubmissionFingerprints] = []
    /// Hash → indexes of the documents holding it, ascending (documents are appended).
    private var postings: [UInt64: [Int32]] = [:]
    public private(set) var ignoredHashes: Set<UInt64> = []

    /// An index whose documents are fingerprinted without `starterCode` (the files handed
    /// out with the task).
    public init(options: PlagiarismOptions = PlagiarismOptions(), starterCode: [SubmissionFile] = []) {
        self.options = options
        for file in starterCode { ignore(file) }
    }

    /// Indexes a submission and returns its index in ``documents``.
    @discardableResult
    public mutating func add(_ document: SubmissionFingerprints) -> Int {
        let id = documents.count
        documents.append(document)
        for hash in document.hashes { postings[hash, default: []].append(Int32(id)) }
        return id
    }

    @discardableResult
    public mutating func add(_ file: SubmissionFile) -> Int {
        add(fingerprints(of: file))
    }

    /// A file fingerprinted the way this index compares: its options, its starter code cut
    /// out. Use it for documents passed to ``add(_:)-(SubmissionFingerprints)`` or ``query(_:)``.
    public func fingerprints(of file: SubmissionFile) -> SubmissionFingerprints {
        SubmissionFingerprints(file: file, winnowing: options.winnowing, maximumBytes: options.maximumFileBytes, starterCode: ignoredHashes)
    }

    /// Starter code: every k-gram of it (not only the winnowed ones, since a submission's
    /// window may select a k-gram the starter's window skipped) is cut out of documents
    /// fingerprinted from now on, and stops counting in every comparison, including for
    /// documents added before. Pass starter code to ``init(options:starterCode:)`` so every
    /// document is cut.
    public mutating func ignore(_ file: SubmissionFile) {
        let document = SubmissionFingerprints(file: file, winnowing: Winnowing(k: options.winnowing.k, window: 1),
                                              maximumBytes: options.maximumFileBytes)
        ignoredHashes.formUnion(document.hashes)
    }

    /// How many indexed documents hold the hash.
    public func documentFrequency(of hash: UInt64) -> Int { postings[hash]?.count ?? 0 }

    /// The most documents a hash may be in and still count, for the documents indexed now.
    public var commonCutoff: Int { options.commonFingerprints.cutoff(cohortSize: documents.count) }

    /// Whether a shared hash is evidence: not starter code, not common to the cohort.
    public func counts(_ hash: UInt64) -> Bool {
        !ignoredHashes.contains(hash) && documentFrequency(of: hash) <= commonCutoff
    }

    /// The indexed documents sharing at least one counted fingerprint with `document`, most
    /// similar first. `document` need not be indexed; if it is, it is not its own candidate.
    public func query(_ document: SubmissionFingerprints) -> [PlagiarismCandidate] {
        let cutoff = commonCutoff
        var shared: [Int32: Int] = [:]
        for hash in document.hashes where !ignoredHashes.contains(hash) {
            guard let holders = postings[hash], holders.count <= cutoff else { continue }
            for holder in holders { shared[holder, default: 0] += 1 }
        }
        let counts = { (hash: UInt64) in self.counts(hash) }
        let countedSelf = PairSimilarity.coveredTokens(document, where: counts)
        return shared.compactMap { holder, sharedCount -> PlagiarismCandidate? in
            let other = documents[Int(holder)]
            if other == document { return nil }
            let similarity = PairSimilarity.similarity(
                document, countedA: countedSelf, other, countedB: PairSimilarity.coveredTokens(other, where: counts),
                minimumCountedTokens: options.minimumCountedTokens, counts: counts)
            return PlagiarismCandidate(document: Int(holder), name: other.name, sharedFingerprints: sharedCount, similarity: similarity)
        }
        .sorted { ($1.similarity, $0.name) < ($0.similarity, $1.name) }
    }

    /// Every pair of indexed documents scoring at least `threshold`, most similar first.
    /// Each document walks the postings of its counted hashes once, collecting the later
    /// documents it meets; only those pairs are scored, after a bound from the number of
    /// shared hashes has ruled out the ones that cannot reach the threshold.
    public func scan(threshold: Double? = nil) -> [PairScore] {
        let threshold = threshold ?? options.reportingThreshold
        let cutoff = commonCutoff
        let counts = { (hash: UInt64) in self.counts(hash) }
        let counted = documents.map { PairSimilarity.coveredTokens($0, where: counts) }
        var sharedWith = [Int32](repeating: 0, count: documents.count)
        var met: [Int] = []
        var results: [PairScore] = []
        for (a, document) in documents.enumerated() where counted[a] > 0 {
            for hash in document.hashes where !ignoredHashes.contains(hash) {
                guard let holders = postings[hash], holders.count <= cutoff else { continue }
                for holder in holders.reversed() {
                    let b = Int(holder)
                    if b <= a { break }
                    if sharedWith[b] == 0 { met.append(b) }
                    sharedWith[b] += 1
                }
            }
            for b in met {
                defer { sharedWith[b] = 0 }
                guard counted[b] > 0 else { continue }
                // Each shared hash covers at most k tokens per occurrence in the smaller document.
                let smaller = counted[a] <= counted[b] ? document : documents[b]
                let bound = Int(sharedWith[b]) * smaller.winnowing.k * max(1, smaller.maximumRepeats)
                let denominator = max(min(counted[a], counted[b]), options.minimumCountedTokens, 1)
                if Double(bound) / Double(denominator) < threshold { continue }
                let similarity = PairSimilarity.similarity(document, countedA: counted[a], documents[b], countedB: counted[b],
                                                           minimumCountedTokens: options.minimumCountedTokens, counts: counts)
                if similarity >= threshold { results.append(PairScore(a: a, b: b, similarity: similarity)) }
            }
            met.removeAll(keepingCapacity: true)
        }
        return results.sorted { ($1.similarity, $0.a, $0.b) < ($0.similarity, $1.a, $1.b) }
    }

    /// The similarity of two indexed documents under the current filter.
    public func similarity(_ a: Int, _ b: Int) -> Double {
        PairSimilarity.similarity(documents[a], documents[b], minimumCountedTokens: options.minimumCountedTokens) { counts($0) }
    }

    /// The matching regions of two indexed documents, in lines of each.
    public func matches(_ a: Int, _ b: Int) -> [PlagiarismReport.Match] {
        MatchRegions.regions(documents[a], documents[b]) { counts($0) }
    }
}

/// An indexed document that shares counted fingerprints with a queried one.
public struct PlagiarismCandidate: Sendable, Hashable {
    public let document: Int
    public let name: String
    public let sharedFingerprints: Int
    public let similarity: Double
}

/// A scored pair of indexed documents, `a < b`.
public struct PairScore: Sendable, Hashable {
    public let a: Int
    public let b: Int
    public let similarity: Double
}
