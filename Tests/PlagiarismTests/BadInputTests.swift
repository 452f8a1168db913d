import Foundation
import Testing
@testable import Plagiarism

@Suite struct BadInputTests {
    static let normal = SubmissionFile(name: "normal.py", text: MatchRegionsTests.copied)

    static func hostileFiles() -> [SubmissionFile] {
        var random = SplitMix64(seed: 99)
        let noise = (0..<50_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let printable = String(decoding: (0..<200_000).map { _ in UInt8(32 + random.below(95)) }, as: UTF8.self)
            .replacingOccurrences("~", "\n")
        let deepIndent = (0..<300).map { String(repeating: " ", count: $0) + "if x:" }.joined(separator: "\n")
        return [
            SubmissionFile(name: "empty.py", bytes: []),
            SubmissionFile(name: "blank.py", text: "\n\n   \n\t\n"),
            SubmissionFile(name: "comments.py", text: "# just a comment\n# another\n"),
            SubmissionFile(name: "nul.py", bytes: Array("x = 1\n".utf8) + [0, 0, 0] + Array("y = 2\n".utf8)),
            SubmissionFile(name: "noise.bin.py", bytes: noise),
            SubmissionFile(name: "printable.py", text: printable),
            SubmissionFile(name: "latin1.py", bytes: Array("s = '".utf8) + [0xE9, 0xFF, 0xFE] + Array("'\nprint(s)\n".utf8)),
            SubmissionFile(name: "bom.py", bytes: [0xEF, 0xBB, 0xBF]),
            SubmissionFile(name: "unterminated.py", text: MatchRegionsTests.copied + "\n\ndef f():\n    return '''never closed\n"),
            SubmissionFile(name: "brackets.py", text: String(repeating: "(", count: 20_000) + "\nx = 1\n"),
            SubmissionFile(name: "closers.py", text: String(repeating: ")]}", count: 5_000) + "\n"),
            SubmissionFile(name: "indent.py", text: deepIndent),
            SubmissionFile(name: "dots.py", text: String(repeating: ".", count: 10_000)),
            SubmissionFile(name: "unreadable.py", bytes: [], unreadable: "permission denied"),
            SubmissionFile(name: "huge.py", text: String(repeating: MatchRegionsTests.copied + "\n", count: 4_000)),
        ]
    }

    @Test func hostile_files_never_crash_a_scan() {
        let files = Self.hostileFiles() + [Self.normal]
        let result = PlagiarismScan.run(files, options: PlagiarismOptions(reportingThreshold: 0))
        let issues = Dictionary(uniqueKeysWithValues: result.notes.map { ($0.name, $0.issues) })
        #expect(result.documentCount == files.count)
        #expect(issues["empty.py"] == [.empty])
        #expect(issues["blank.py"] == [.empty])
        #expect(issues["comments.py"] == [.empty])
        #expect(issues["nul.py"] == [.binary])
        #expect(issues["noise.bin.py"]?.contains(.binary) == true)
        #expect(issues["latin1.py"]?.first == .invalidUTF8)
        #expect(issues["bom.py"] == [.empty])
        #expect(issues["unreadable.py"] == [.unreadable(reason: "permission denied")])
        #expect(issues["normal.py"] == nil)
        #expect(issues["huge.py"]?.contains { if case .truncated = $0 { true } else { false } } == true)
        // Files with no fingerprints are in no pair; the copied function is still found.
        let paired = Set(result.report.pairs.flatMap { [$0.a, $0.b] })
        for name in ["empty.py", "blank.py", "nul.py", "bom.py", "unreadable.py"] { #expect(!paired.contains(name)) }
        #expect(result.report.pairs.contains { [$0.a, $0.b] == ["normal.py", "unterminated.py"] && $0.similarity >= 0.9 })
    }

    @Test func a_huge_file_is_cut_at_a_line_break_under_the_limit() {
        let huge = Self.hostileFiles().first { $0.name == "huge.py" }!
        #expect(huge.bytes.count > PlagiarismOptions.defaultMaximumFileBytes)
        let document = SubmissionFingerprints(file: huge)
        guard case let .truncated(total, kept)? = document.issues.first else {
            Issue.record("not truncated: \(document.issues)")
            return
        }
        #expect(total == huge.bytes.count)
        #expect(kept <= PlagiarismOptions.defaultMaximumFileBytes && kept > PlagiarismOptions.defaultMaximumFileBytes - 200)
        #expect(huge.bytes[kept - 1] == 0x0A)
    }

    @Test func a_folder_is_read_recursively_with_relative_names() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("plagiarism-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("task/__pycache__"), withIntermediateDirectories: true)
        try Data("x = 1\n".utf8).write(to: root.appendingPathComponent("a.py"))
        try Data("y = 2\n".utf8).write(to: root.appendingPathComponent("task/b.py"))
        try Data("ignored".utf8).write(to: root.appendingPathComponent("task/notes.txt"))
        try Data("cached".utf8).write(to: root.appendingPathComponent("task/__pycache__/c.py"))
        try Data(repeating: 0x41, count: 2_000).write(to: root.appendingPathComponent("task/big.py"))
        let files = try SubmissionFolder.read(root, maximumFileBytes: 1_000)
        #expect(files.map(\.name) == ["a.py", "task/b.py", "task/big.py"])
        let big = files.first { $0.name == "task/big.py" }!
        #expect(big.bytes.count == 1_001)
        #expect(big.totalByteCount == 2_000)
        #expect(SubmissionFingerprints(file: big, maximumBytes: 1_000).issues.first == .truncated(totalBytes: 2_000, keptBytes: 1_000))
        #expect(throws: PlagiarismError.self) { try SubmissionFolder.read(root.appendingPathComponent("missing")) }
    }
}
