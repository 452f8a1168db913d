import Testing
@testable import Plagiarism

@Suite struct PlantedCopyTests {
    /// Independent (not starter-only) submissions of a small cohort, a few per task.
    static func sources(_ cohort: GeneratedCohort, perTask: Int) -> [GeneratedSubmission] {
        CohortGenerator.taskNames.flatMap { task in
            cohort.submissions.filter {
                guard $0.task == task, case .independent = $0.origin else { return false }
                return true
            }.prefix(perTask)
        }
    }

    /// Scores a copy of each source made with `transforms`, in an index holding the cohort.
    static func copyScores(_ transforms: Set<CopyTransform>) -> [Double] {
        let cohort = CohortGenerator(seed: 11, solutionsPerTask: 30, plantedCopies: 0).generate()
        let sources = Self.sources(cohort, perTask: 6)
        var index = FingerprintIndex(starterCode: cohort.starters)
        for file in cohort.files { index.add(file) }
        var copies: [String] = []
        for (offset, source) in sources.enumerated() {
            let copy = CohortGenerator.copy(of: source, named: "copies/\(offset).py", transforms: transforms, seed: UInt64(100 + offset))
            if !transforms.isDisjoint(with: [.rename, .reformat, .deadCode]) { #expect(copy.text != source.text) }
            index.add(copy.file)
            copies.append(copy.name)
        }
        return zip(sources, copies).map { index.similarity($0.name, $1) }
    }

    @Test(arguments: CopyTransform.allCases)
    func a_copy_disguised_one_way_scores_at_least_0_9(_ transform: CopyTransform) {
        let scores = Self.copyScores([transform])
        #expect(scores.count == 30)
        #expect(scores.allSatisfy { $0 >= 0.9 }, "\(transform): \(scores.sorted().prefix(5))")
    }

    @Test func a_copy_disguised_every_way_scores_at_least_0_9() {
        let scores = Self.copyScores(Set(CopyTransform.allCases))
        #expect(scores.allSatisfy { $0 >= 0.9 }, "\(scores.sorted().prefix(5))")
    }

    @Test func independent_solutions_to_the_same_task_score_low() {
        let small = SmallCohort(perTask: 40, copies: 0)
        let scores = small.cohort.independentPairs().map { small.index.similarity($0.0, $0.1) }.sorted()
        #expect(scores.count > 3_000)
        #expect(scores[scores.count / 2] <= 0.15)
        // Two solutions picked from different tasks share nothing.
        let twoSum = small.cohort.submissions.first { $0.task == "two_sum" }!.name
        let brackets = small.cohort.submissions.first { $0.task == "balanced_brackets" }!.name
        #expect(small.index.similarity(twoSum, brackets) < 0.2)
    }

    @Test func the_generated_cohort_scan_reports_its_planted_copies() {
        let small = SmallCohort(perTask: 30, copies: 20)
        let reported = Set(PlagiarismScan.result(of: small.index).report.pairs.map { [$0.a, $0.b] })
        let planted = small.cohort.planted.map { [$0.source, $0.copy].sorted() }
        #expect(planted.count == 20)
        #expect(planted.allSatisfy { reported.contains($0) })
    }
}
