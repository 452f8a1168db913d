/// One generated submission: its text and where it came from.
public struct GeneratedSubmission: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Written independently from one of the task's templates.
        case independent(template: String)
        /// The starter code with a trivial body.
        case starterOnly
        /// A planted copy of another submission.
        case copy(of: String, transforms: [CopyTransform])
    }

    public let name: String
    public let task: String
    public internal(set) var origin: Origin
    public let text: String
    let program: CohortProgram
    let style: CohortStyle

    init(name: String, task: String, origin: Origin, program: CohortProgram, style: CohortStyle) {
        self.name = name
        self.task = task
        self.origin = origin
        self.program = program
        self.style = style
        self.text = CohortRendering.render(program, style: style)
    }

    public var file: SubmissionFile { SubmissionFile(name: name, text: text) }

    func renamed(_ name: String) -> GeneratedSubmission {
        GeneratedSubmission(name: name, task: task, origin: origin, program: program, style: style)
    }
}

/// A planted copy and the submission it copies.
public struct PlantedCopy: Sendable, Hashable, Codable {
    public let source: String
    public let copy: String
    public let transforms: [CopyTransform]
}

/// The generated cohort with its ground truth.
public struct GeneratedCohort: Sendable {
    /// Sorted by name (`task/sub_NNNN.py`).
    public let submissions: [GeneratedSubmission]
    /// Each task's starter code, `task/starter.py`: scans ignore these.
    public let starters: [SubmissionFile]
    public let planted: [PlantedCopy]
    private let sourceByCopy: [String: String]

    init(submissions: [GeneratedSubmission], starters: [SubmissionFile], planted: [PlantedCopy]) {
        self.submissions = submissions
        self.starters = starters
        self.planted = planted
        self.sourceByCopy = Dictionary(planted.map { ($0.copy, $0.source) }, uniquingKeysWith: { first, _ in first })
    }

    public var files: [SubmissionFile] { submissions.map(\.file) }

    /// The submission every file descends from: itself, or the source its copy chain starts at.
    public func root(of name: String) -> String {
        var current = name
        var seen: Set<String> = []
        while let source = sourceByCopy[current], seen.insert(current).inserted { current = source }
        return current
    }

    /// Pairs of independently written submissions (not copies) of the same task, as
    /// indexes into ``submissions``.
    public func independentPairs() -> [(Int, Int)] {
        var byTask: [String: [Int]] = [:]
        for (index, submission) in submissions.enumerated() {
            if case .copy = submission.origin { continue }
            byTask[submission.task, default: []].append(index)
        }
        var pairs: [(Int, Int)] = []
        for task in byTask.keys.sorted() {
            let members = byTask[task]!
            for (offset, a) in members.enumerated() {
                for b in members[(offset + 1)...] { pairs.append((a, b)) }
            }
        }
        return pairs
    }
}
