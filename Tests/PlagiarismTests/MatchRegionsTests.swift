import Testing
@testable import Plagiarism

@Suite struct MatchRegionsTests {
    static let copied = """
    def merge(intervals):
        ordered = sorted(intervals, key=lambda pair: pair[0])
        merged = []
        for start, end in ordered:
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return merged
    """

    static let disguised = """
    def combine(spans):
        srt = sorted(spans,
                     key=lambda p: p[0])
        out = []
        for a, b in srt:
            if out and a <= out[-1][1]:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
        return out
    """

    @Test func matches_point_at_the_copied_lines() {
        // a: a reader of its own, then the function.
        let a = """
        import sys


        def read():
            rows = []
            for line in sys.stdin:
                rows.append(list(map(int, line.split())))
            return rows

        """ + Self.copied + "\n\nprint(merge(read()))\n"
        // b: code of its own, then the function renamed and rewrapped.
        let b = """
        def load(text):
            chunks = text.split(";")
            return [[int(x) for x in chunk.split("-")] for chunk in chunks if chunk.strip()]


        """ + Self.disguised + "\n\nif __name__ == \"__main__\":\n    print(combine(load(input())))\n"
        let result = PlagiarismScan.run([SubmissionFile(name: "a.py", text: a), SubmissionFile(name: "b.py", text: b)],
                                        options: PlagiarismOptions(reportingThreshold: 0.5))
        let pair = result.report.pairs.first
        #expect(pair?.a == "a.py")
        // Most of a is the copied function; its reader is its own.
        #expect(pair?.similarity ?? 0 >= 0.5)
        let matches = pair?.matches ?? []
        #expect(matches.count == 1)
        // The region covers the copied function, and nothing outside it.
        let aFirst = a.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("def merge") }! + 1
        let bFirst = b.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("def combine") }! + 1
        let aLast = aFirst + 8
        let bLast = bFirst + 9
        #expect(aFirst > 5 && bFirst > 3)
        let match = matches.first
        #expect(match.map { (aFirst...aFirst + 1).contains($0.aLines.from) && ((aLast - 1)...aLast).contains($0.aLines.to) } == true,
                "\(String(describing: match)) for a \(aFirst)-\(aLast)")
        #expect(match.map { (bFirst...bFirst + 1).contains($0.bLines.from) && ((bLast - 1)...bLast).contains($0.bLines.to) } == true,
                "\(String(describing: match)) for b \(bFirst)-\(bLast)")
    }

    @Test func a_moved_function_is_a_region_of_its_own() {
        let helper = """
        def mean(values):
            total = 0
            for value in values:
                total += value
            return total / len(values) if values else 0.0
        """
        // a: helper (1-5) then merge (8-16); b: merge (1-9) then helper (12-16).
        let a = helper + "\n\n\n" + Self.copied
        let b = Self.copied + "\n\n\n" + helper
        let result = PlagiarismScan.run([SubmissionFile(name: "a.py", text: a), SubmissionFile(name: "b.py", text: b)])
        let matches = result.report.pairs.first?.matches ?? []
        #expect(result.report.pairs.first?.similarity == 1)
        #expect(matches.count == 2, "\(matches)")
        #expect(matches.contains { $0.aLines.from <= 2 && $0.aLines.to <= 5 && $0.bLines.from >= 12 })
        #expect(matches.contains { $0.aLines.from >= 8 && $0.bLines.from <= 2 && $0.bLines.to <= 9 })
    }

    @Test func overlapping_matches_merge_and_separate_ones_do_not() {
        let merged = MatchRegions.merge([
            .init(aFrom: 1, aTo: 3, bFrom: 10, bTo: 12),
            .init(aFrom: 3, aTo: 5, bFrom: 12, bTo: 14),
            .init(aFrom: 6, aTo: 7, bFrom: 15, bTo: 16),
            .init(aFrom: 2, aTo: 4, bFrom: 40, bTo: 42),
        ])
        #expect(merged == [.init(aFrom: 1, aTo: 7, bFrom: 10, bTo: 16), .init(aFrom: 2, aTo: 4, bFrom: 40, bTo: 42)])
    }
}
