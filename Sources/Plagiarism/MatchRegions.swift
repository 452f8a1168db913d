/// The side-by-side view of a pair: shared counted fingerprints mapped back to lines and
/// merged into regions. Two matches join one region when their line ranges overlap or touch
/// in both files; consecutive fingerprints of a copied passage overlap (k > window), so a
/// copied function becomes one region, and code moved elsewhere becomes its own region.
/// A k-gram joining statements that are not next to each other in one of the files (it
/// exists only after canonical ordering) counts for similarity but draws no region.
public enum MatchRegions {
    /// A hash repeated in both files pairs each occurrence with each; past this many per
    /// side only the first are paired, so repetitive input cannot blow up.
    static let occurrencesPaired = 8

    public static func regions(_ a: SubmissionFingerprints, _ b: SubmissionFingerprints,
                               counts: (UInt64) -> Bool) -> [PlagiarismReport.Match] {
        var inB: [UInt64: [Fingerprint]] = [:]
        for fingerprint in b.fingerprints where fingerprint.isContiguous && counts(fingerprint.hash) && a.contains(fingerprint.hash) {
            if inB[fingerprint.hash, default: []].count < occurrencesPaired { inB[fingerprint.hash, default: []].append(fingerprint) }
        }
        guard !inB.isEmpty else { return [] }
        var pairs: [Region] = []
        var seenInA: [UInt64: Int] = [:]
        for fingerprint in a.fingerprints where fingerprint.isContiguous {
            guard let partners = inB[fingerprint.hash] else { continue }
            let seen = seenInA[fingerprint.hash, default: 0]
            guard seen < occurrencesPaired else { continue }
            seenInA[fingerprint.hash] = seen + 1
            for partner in partners {
                pairs.append(Region(aFrom: Int(fingerprint.firstLine), aTo: Int(fingerprint.lastLine),
                                    bFrom: Int(partner.firstLine), bTo: Int(partner.lastLine)))
            }
        }
        return merge(pairs).map {
            PlagiarismReport.Match(aLines: LineRange($0.aFrom, $0.aTo), bLines: LineRange($0.bFrom, $0.bTo))
        }
    }

    struct Region: Equatable {
        var aFrom: Int, aTo: Int, bFrom: Int, bTo: Int

        func touches(_ other: Region) -> Bool {
            aFrom <= other.aTo + 1 && other.aFrom <= aTo + 1 && bFrom <= other.bTo + 1 && other.bFrom <= bTo + 1
        }

        mutating func absorb(_ other: Region) {
            aFrom = min(aFrom, other.aFrom)
            aTo = max(aTo, other.aTo)
            bFrom = min(bFrom, other.bFrom)
            bTo = max(bTo, other.bTo)
        }
    }

    /// Sweeps matches in order of their first line in `a`. Regions that end before the
    /// current line (with one line of slack) can no longer grow and leave the active set,
    /// which keeps the sweep near-linear.
    static func merge(_ matches: [Region]) -> [Region] {
        let sorted = matches.sorted { ($0.aFrom, $0.bFrom, $0.aTo, $0.bTo) < ($1.aFrom, $1.bFrom, $1.aTo, $1.bTo) }
        var done: [Region] = []
        var active: [Region] = []
        for match in sorted {
            var current = match
            var open: [Region] = []
            for region in active {
                if region.aTo + 1 < match.aFrom { done.append(region) } else { open.append(region) }
            }
            // Absorbing one region can make the grown one touch another: repeat until none.
            var grew = true
            while grew {
                grew = false
                open.removeAll { region in
                    guard region.touches(current) else { return false }
                    current.absorb(region)
                    grew = true
                    return true
                }
            }
            open.append(current)
            active = open
        }
        done.append(contentsOf: active)
        return done.sorted { ($0.aFrom, $0.bFrom) < ($1.aFrom, $1.bFrom) }
    }
}
