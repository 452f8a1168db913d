import Testing
@testable import Plagiarism

@Suite struct FingerprintIndexTests {
    @Test func the_index_finds_the_same_pairs_as_comparing_every_pair() {
        let small = SmallCohort(perTask: 20, copies: 10)
        let index = small.index
        for threshold in [0.3, 0.8] {
            let scanned = index.scan(threshold: threshold)
            var allPairs: [PairScore] = []
            for a in index.documents.indices {
                for b in index.documents.indices where b > a {
                    let similarity = index.similarity(a, b)
                    if similarity >= threshold { allPairs.append(PairScore(a: a, b: b, similarity: similarity)) }
                }
            }
            #expect(!allPairs.isEmpty)
            #expect(Set(scanned) == Set(allPairs))
        }
    }

    @Test func a_query_finds_the_source_of_a_copy_first() {
        let cohort = CohortGenerator(seed: 5, solutionsPerTask: 20, plantedCopies: 0).generate()
        var index = FingerprintIndex(starterCode: cohort.starters)
        for file in cohort.files { index.add(file) }
        let source = cohort.submissions.first { if case .independent = $0.origin { $0.task == "merge_intervals" } else { false } }!
        let copy = CohortGenerator.copy(of: source, named: "late/copy.py", transforms: Set(CopyTransform.allCases), seed: 9)
        let candidates = index.query(index.fingerprints(of: copy.file))
        #expect(candidates.first?.name == source.name)
        #expect((candidates.first?.similarity ?? 0) >= 0.9)
        // Candidates share fingerprints with the query; they are far fewer than the cohort.
        #expect(candidates.count < index.documents.count / 2)
        #expect(candidates.allSatisfy { $0.sharedFingerprints > 0 })
    }

    static let common = """
    def parse(line):
        parts = line.strip().split(",")
        values = [int(part) for part in parts if part]
        values.sort()
        return values


    def show(values, width):
        for start in range(0, len(values), width):
            print(" ".join(str(value) for value in values[start:start + width]))
    """

    static let statements = [
        "total += values[0] * 2", "total = max(total, values[-1])", "if total > 10:\n        total -= 1",
        "values.append(total)", "total = sum(values) // len(values)", "for v in values:\n        total ^= v",
        "while total > 100:\n        total //= 2", "total = abs(total - values[0])", "values = sorted(values, reverse=True)",
        "total = min(values) + max(values)", "values.reverse()", "total = len([v for v in values if v % 2])",
    ]

    /// 40 submissions sharing `common` (helpers everyone copies from the task statement), each
    /// with its own function drawn at random.
    static func cohortSharingCode() -> [SubmissionFile] {
        var random = SplitMix64(seed: 21)
        return (0..<40).map { number in
            let body = random.shuffled(statements).prefix(5).map { "    " + $0 }.joined(separator: "\n")
            let own = "def solve(values):\n    total = 0\n" + body + "\n    return total\n"
            return SubmissionFile(name: "s\(number).py", text: common + "\n\n" + own)
        }
    }

    static func meanSimilarity(_ index: FingerprintIndex) -> Double {
        var total = 0.0
        var count = 0
        for a in index.documents.indices {
            for b in index.documents.indices where b > a {
                total += index.similarity(a, b)
                count += 1
            }
        }
        return total / Double(count)
    }

    @Test func fingerprints_common_to_the_cohort_do_not_count() {
        let files = Self.cohortSharingCode()
        var filtered = FingerprintIndex()
        var unfiltered = FingerprintIndex(options: PlagiarismOptions(commonFingerprints: .disabled))
        for file in files {
            filtered.add(file)
            unfiltered.add(file)
        }
        // The shared helpers' fingerprints are in all 40 documents, over the cutoff of 20.
        #expect(filtered.commonCutoff == 20)
        let parse = filtered.documents[0].fingerprints.first!.hash
        #expect(filtered.documentFrequency(of: parse) == 40)
        let countsFiltered = filtered.counts(parse)
        let countsUnfiltered = unfiltered.counts(parse)
        #expect(!countsFiltered)
        #expect(countsUnfiltered)
        #expect(Self.meanSimilarity(unfiltered) >= 0.5)
        #expect(Self.meanSimilarity(filtered) < 0.3)
        #expect(filtered.scan(threshold: 0.8).count < unfiltered.scan(threshold: 0.8).count)
    }

    @Test func starter_code_never_counts() {
        let starter = SubmissionFile(name: "starter.py", text: Self.common + "\n\n\ndef main():\n    import sys\n    print(solve(parse(sys.stdin.read())))\n")
        let one = SubmissionFile(name: "one.py", text: Self.common + "\n\ndef solve(values):\n    return sum(v * v for v in values if v > 0)\n\n\ndef main():\n    import sys\n    print(solve(parse(sys.stdin.read())))\n")
        let two = SubmissionFile(name: "two.py", text: Self.common + "\n\ndef solve(values):\n    best = None\n    for v in values:\n        if best is None or v > best:\n            best = v\n    return best\n\n\ndef main():\n    import sys\n    print(solve(parse(sys.stdin.read())))\n")
        let withStarter = PlagiarismScan.run([one, two], starterCode: [starter], options: PlagiarismOptions(reportingThreshold: 0))
        let withoutStarter = PlagiarismScan.run([one, two], options: PlagiarismOptions(reportingThreshold: 0))
        #expect((withoutStarter.report.pairs.first?.similarity ?? 0) >= 0.5)
        #expect((withStarter.report.pairs.first?.similarity ?? 0) < 0.2)
        // Nothing reported points into the starter's lines (1-5 and the main at the end).
        for match in withStarter.report.pairs.flatMap(\.matches) {
            #expect(match.aLines.from > 5)
        }
        // A submission that is only the starter code has nothing to compare.
        let untouched = PlagiarismScan.run([SubmissionFile(name: "same.py", bytes: starter.bytes), one], starterCode: [starter])
        #expect(untouched.notes.first { $0.name == "same.py" }?.issues == [.onlyStarterCode])
        #expect(untouched.report.pairs.isEmpty)
    }
}
