import Foundation
import Testing
@testable import Plagiarism

@Suite struct PlagiarismReportTests {
    @Test func json_has_exactly_the_contract_keys() throws {
        let files = [SubmissionFile(name: "dir/one.py", text: MatchRegionsTests.copied),
                     SubmissionFile(name: "dir/two.py", text: MatchRegionsTests.disguised)]
        let data = try PlagiarismScan.run(files).report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["pairs"])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 1)
        #expect(Set(pairs[0].keys) == ["a", "b", "similarity", "matches"])
        #expect(pairs[0]["a"] as? String == "dir/one.py")
        #expect(pairs[0]["b"] as? String == "dir/two.py")
        let matches = try #require(pairs[0]["matches"] as? [[String: Any]])
        #expect(Set(matches[0].keys) == ["aLines", "bLines"])
        #expect((matches[0]["aLines"] as? [Int])?.count == 2)
        #expect(String(decoding: data, as: UTF8.self).contains("dir/one.py"))
        // The report decodes back to itself.
        #expect(try JSONDecoder().decode(PlagiarismReport.self, from: data) == PlagiarismScan.run(files).report)
    }

    @Test func pairs_come_most_similar_first_and_low_ones_are_left_out() {
        let small = SmallCohort(perTask: 20, copies: 10)
        let result = PlagiarismScan.result(of: small.index)
        let scores = result.report.pairs.map(\.similarity)
        #expect(!scores.isEmpty)
        #expect(scores == scores.sorted(by: >))
        #expect(scores.allSatisfy { $0 >= PlagiarismOptions().reportingThreshold })
        #expect(result.report.pairs.allSatisfy { $0.a < $0.b && !$0.matches.isEmpty })
        let everything = small.index.scan(threshold: 0)
        #expect(everything.count > scores.count)
    }
}
