/// A whole-cohort scan: what `vetted plagiarism scan DIR` runs. Fingerprints every file,
/// indexes them, ignores the starter code, and reports the pairs at or above the threshold
/// with their matching regions.
public enum PlagiarismScan {
    public static func run(_ files: [SubmissionFile], starterCode: [SubmissionFile] = [],
                           options: PlagiarismOptions = PlagiarismOptions()) -> PlagiarismScanResult {
        var index = FingerprintIndex(options: options, starterCode: starterCode)
        for file in files { index.add(file) }
        return result(of: index)
    }

    /// The report and file notes for everything already in `index`.
    public static func result(of index: FingerprintIndex) -> PlagiarismScanResult {
        let documents = index.documents
        let pairs = index.scan().map { score -> PlagiarismReport.Pair in
            // Report names in a stable order, whatever order the files were added in.
            let swap = documents[score.b].name < documents[score.a].name
            let (a, b) = swap ? (score.b, score.a) : (score.a, score.b)
            return PlagiarismReport.Pair(a: documents[a].name, b: documents[b].name,
                                         similarity: (score.similarity * 10_000).rounded() / 10_000,
                                         matches: index.matches(a, b))
        }
        .sorted { ($1.similarity, $0.a, $0.b) < ($0.similarity, $1.a, $1.b) }
        let notes = documents.filter { !$0.issues.isEmpty }.map { SubmissionNote(name: $0.name, issues: $0.issues) }
        return PlagiarismScanResult(report: PlagiarismReport(pairs: pairs), notes: notes,
                                    documentCount: documents.count, commonCutoff: index.commonCutoff)
    }
}

/// A scan's outcome: the report the SPEC fixes, plus what the CLI tells the user on the
/// side (files truncated, binary, empty) and the filter it applied.
public struct PlagiarismScanResult: Sendable, Hashable {
    public let report: PlagiarismReport
    public let notes: [SubmissionNote]
    public let documentCount: Int
    /// Fingerprints in more documents than this were treated as common and ignored.
    public let commonCutoff: Int
}

/// A file the scan compared only in part or not at all, and why.
public struct SubmissionNote: Sendable, Hashable, Codable {
    public let name: String
    public let issues: [SubmissionIssue]
}
