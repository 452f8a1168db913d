/// Everything a scan can be tuned with, read once by the caller (CLI flags, settings).
public struct PlagiarismOptions: Sendable, Hashable {
    public static let defaultMaximumFileBytes = 1_000_000

    public var winnowing: Winnowing
    /// Pairs scoring below this are left out of the report. 0.8 by default: on the generated
    /// cohort (``CohortGenerator``) every planted copy scores at least 0.82 (median 1.0),
    /// while independent solutions of the same task have a median of 0 but a tail of
    /// near-identical solutions (same algorithm, same choices): 7 % of those pairs reach 0.5
    /// and 1.0–1.5 % reach 0.8. So 0.8 reports every copy with a fifth of the unrelated pairs
    /// 0.5 would; lower it to review borderline pairs.
    public var reportingThreshold: Double
    public var commonFingerprints: CommonFingerprintFilter
    /// A floor on the tokens the smaller document counts, so two submissions with almost
    /// nothing of their own are not "identical" on the strength of one shared k-gram:
    /// similarity is shared coverage over at least this many tokens. By default the
    /// winnowing's guarantee threshold (k + window − 1): a document scores fully only with at
    /// least one passage winnowing is sure to see.
    public var minimumCountedTokens: Int {
        get { explicitMinimumCountedTokens ?? winnowing.guaranteeThreshold }
        set { explicitMinimumCountedTokens = newValue }
    }
    private var explicitMinimumCountedTokens: Int?
    /// Bytes read per file; the rest is reported (``SubmissionIssue/truncated(totalBytes:keptBytes:)``).
    public var maximumFileBytes: Int

    public init(winnowing: Winnowing = .standard,
                reportingThreshold: Double = 0.8,
                commonFingerprints: CommonFingerprintFilter = .standard,
                minimumCountedTokens: Int? = nil,
                maximumFileBytes: Int = defaultMaximumFileBytes) {
        self.winnowing = winnowing
        self.reportingThreshold = reportingThreshold
        self.commonFingerprints = commonFingerprints
        self.explicitMinimumCountedTokens = minimumCountedTokens
        self.maximumFileBytes = maximumFileBytes
    }
}

/// Fingerprints present in many submissions of a cohort are the task's, not a copier's:
/// starter code the index was not told about, the canonical idioms of the task. One counts
/// only while it is in at most `max(minimumDocuments, cohortFraction × cohort size)`
/// documents.
public struct CommonFingerprintFilter: Sendable, Hashable {
    /// 20 documents, or 3 % of a larger cohort: a fingerprint in more than 30 of 1,000
    /// submissions is the task speaking. On the generated cohort this takes the unrelated
    /// pairs reaching 0.8 from 1,870 to 1,223 (801 when each task is scanned on its own),
    /// while every planted copy still scores 0.82 or more; filtering at 10 documents left
    /// 623 but dropped five copies under the threshold, copies of near-canonical solutions
    /// whose every fingerprint was common. The minimum keeps small cohorts, where 3 % is a
    /// document or two, and rings of copiers sharing one source from being filtered away.
    public static let standard = CommonFingerprintFilter(minimumDocuments: 20, cohortFraction: 0.03)
    /// Nothing is common: every shared fingerprint counts.
    public static let disabled = CommonFingerprintFilter(minimumDocuments: Int.max, cohortFraction: 1)

    public var minimumDocuments: Int
    public var cohortFraction: Double

    public init(minimumDocuments: Int, cohortFraction: Double) {
        self.minimumDocuments = max(1, minimumDocuments)
        self.cohortFraction = cohortFraction
    }

    /// The most documents a fingerprint may be in and still count, for a cohort this large.
    public func cutoff(cohortSize: Int) -> Int {
        let fraction = (cohortFraction * Double(max(0, cohortSize))).rounded(.down)
        guard fraction.isFinite, fraction < Double(Int.max) else { return fraction.isNaN ? minimumDocuments : Int.max }
        return max(minimumDocuments, Int(max(0, fraction)))
    }
}
