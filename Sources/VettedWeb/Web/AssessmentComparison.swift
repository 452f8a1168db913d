import Foundation
import Plagiarism

/// Two submissions side by side, line by line, with the lines inside matching regions
/// marked: what a person reads before deciding whether a similarity flag means anything.
struct AssessmentComparison: Encodable {
    struct Line: Encodable {
        let number: Int
        let text: String
        let matched: Bool
    }

    let similarity: Double
    let regions: [String]
    let left: [Line]
    let right: [Line]

    init(similarity: Double, matches: [PlagiarismReport.Match], left: String, right: String) {
        self.similarity = similarity
        regions = matches.map { "lines \($0.aLines) ↔ \($0.bLines)" }
        self.left = Self.lines(left, marked: matches.map(\.aLines))
        self.right = Self.lines(right, marked: matches.map(\.bLines))
    }

    static func lines(_ source: String, marked: [LineRange]) -> [Line] {
        source.split(separator: "\n", omittingEmptySubsequences: false).prefix(2000).enumerated().map { index, text in
            let number = index + 1
            return Line(number: number, text: String(text), matched: marked.contains { $0.contains(number) })
        }
    }
}
