/// How much of one submission is found in another, in [0, 1].
///
/// Containment by covered tokens: of the tokens the smaller document's counted fingerprints
/// cover (a fingerprint at position p covers tokens p ..< p + k), the share covered by
/// fingerprints the other document also has. Counting covered tokens rather than shared
/// fingerprints matters for robustness: a moved function or an inserted dead-code line
/// destroys every k-gram that straddles the edit (k − 1 of them), but the tokens on both
/// sides stay covered by the k-grams that do not straddle it, so an edit costs at most
/// about `window − 1` tokens of coverage instead of k fingerprints' worth.
///
/// "Smaller" means fewer counted tokens, so a copy padded with dead code or extra functions
/// still scores its source's share; the denominator is at least `minimumCountedTokens`, so
/// two almost-empty submissions do not score 1. Fingerprints that do not count (starter
/// code, common to the cohort) are in neither numerator nor denominator.
public enum PairSimilarity {
    public static func similarity(_ a: SubmissionFingerprints, _ b: SubmissionFingerprints,
                                  minimumCountedTokens: Int, counts: (UInt64) -> Bool) -> Double {
        similarity(a, countedA: coveredTokens(a, where: counts), b, countedB: coveredTokens(b, where: counts),
                   minimumCountedTokens: minimumCountedTokens, counts: counts)
    }

    /// The same, with each document's counted tokens already known (a scan computes them
    /// once per document, not once per pair).
    static func similarity(_ a: SubmissionFingerprints, countedA: Int, _ b: SubmissionFingerprints, countedB: Int,
                           minimumCountedTokens: Int, counts: (UInt64) -> Bool) -> Double {
        let denominator = max(min(countedA, countedB), minimumCountedTokens, 1)
        guard min(countedA, countedB) > 0 else { return 0 }
        var shared = 0
        if countedA <= countedB {
            shared = coveredTokens(a) { counts($0) && b.contains($0) }
        }
        if countedB <= countedA {
            shared = max(shared, coveredTokens(b) { counts($0) && a.contains($0) })
        }
        return min(1, Double(shared) / Double(denominator))
    }

    /// Tokens covered by the fingerprints whose hash passes `include`: the union of
    /// `[position, position + k)` over them.
    public static func coveredTokens(_ document: SubmissionFingerprints, where include: (UInt64) -> Bool) -> Int {
        let k = document.winnowing.k
        var covered = 0
        var reach = Int.min
        for fingerprint in document.fingerprints where include(fingerprint.hash) {
            let start = Int(fingerprint.position)
            // Positions ascend and every span has length k, so spans end in order too.
            covered += start >= reach ? k : start + k - reach
            reach = start + k
        }
        return covered
    }
}
