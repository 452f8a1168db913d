import Testing
@testable import Plagiarism

@Suite struct CohortGeneratorTests {
    @Test func the_same_seed_gives_the_same_cohort() {
        let one = CohortGenerator(seed: 3, solutionsPerTask: 10, plantedCopies: 5).generate()
        let two = CohortGenerator(seed: 3, solutionsPerTask: 10, plantedCopies: 5).generate()
        let other = CohortGenerator(seed: 4, solutionsPerTask: 10, plantedCopies: 5).generate()
        #expect(one.files == two.files)
        #expect(one.planted == two.planted)
        #expect(one.files != other.files)
    }

    @Test func the_cohort_has_tasks_templates_and_ground_truth() {
        let cohort = CohortGenerator(seed: 8, solutionsPerTask: 60, plantedCopies: 30).generate()
        #expect(cohort.submissions.count == 5 * 60 + 30)
        #expect(Set(cohort.submissions.map(\.task)) == Set(CohortGenerator.taskNames))
        #expect(cohort.starters.count == CohortGenerator.taskNames.count)
        var templates: [String: Set<String>] = [:]
        for submission in cohort.submissions {
            if case let .independent(template) = submission.origin { templates[submission.task, default: []].insert(template) }
        }
        #expect(templates.values.allSatisfy { $0.count >= 4 })
        let names = Set(cohort.submissions.map(\.name))
        #expect(Set(cohort.submissions.map(\.text)).count == cohort.submissions.count)
        for copy in cohort.planted {
            #expect(names.contains(copy.source) && names.contains(copy.copy))
            #expect(!copy.transforms.isEmpty)
            #expect(cohort.root(of: copy.copy) == cohort.root(of: copy.source))
        }
        #expect(cohort.independentPairs().allSatisfy { cohort.submissions[$0.0].task == cohort.submissions[$0.1].task })
    }

    @Test func a_random_stream_is_uniform_enough_and_repeatable() {
        var random = SplitMix64(seed: 1)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[random.below(6)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
        var again = SplitMix64(seed: 1)
        var first = SplitMix64(seed: 1)
        #expect((0..<10).map { _ in again.next() } == (0..<10).map { _ in first.next() })
    }
}
