@testable import Plagiarism

extension FingerprintIndex {
    /// The similarity of two indexed documents by name.
    func similarity(_ a: String, _ b: String) -> Double {
        similarity(position(a), position(b))
    }

    func position(_ name: String) -> Int {
        documents.firstIndex { $0.name == name }!
    }
}

/// A small generated cohort, its index (starter code ignored) and ground truth, shared by
/// the tests that need realistic submissions.
struct SmallCohort {
    let cohort: GeneratedCohort
    let index: FingerprintIndex

    init(perTask: Int = 30, copies: Int = 15, seed: UInt64 = 7, options: PlagiarismOptions = PlagiarismOptions()) {
        cohort = CohortGenerator(seed: seed, solutionsPerTask: perTask, plantedCopies: copies).generate()
        var index = FingerprintIndex(options: options, starterCode: cohort.starters)
        for file in cohort.files { index.add(file) }
        self.index = index
    }
}

