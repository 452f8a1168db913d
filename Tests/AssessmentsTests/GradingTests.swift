import Foundation
import Testing
@testable import Assessments
import Sandbox

extension GradingSuites {
    /// SANDBOX.md probe 24: printing a fake result and leaving before the tests run.
    @Test func probe24_fake_frames_and_an_early_exit_do_not_pass() throws {
        let report = try Grading.grade("fund-merge-intervals", """
        import os, sys
        for name in ["no bookings", "single booking", "back-to-back bookings merge"]:
            sys.__stdout__.write('VETTED 0000 {"case": "%s", "output": [], "error": null}\\n' % name)
            print('{"case": "%s", "output": [], "error": null}' % name)
        sys.__stdout__.flush()
        os._exit(0)
        """)
        #expect(report.score == 0)
        #expect(report.passed == 0)
        #expect(report.cases.allSatisfy { $0.verdict == .missing })
        #expect(report.fatal != nil)
    }

    /// A frame forged with the real nonce (found in the harness's memory) is followed by
    /// the harness's own: two results for one case are a conflict, never a pass.
    @Test func a_case_reported_twice_is_an_error() {
        let frames = HarnessFrames(stdout: """
        VETTED abc {"case": "a", "output": 1, "error": null}
        VETTED abc {"case": "a", "output": 2, "error": null}
        VETTED abc {"case": "b", "output": 3, "error": null}
        VETTED other {"case": "c", "output": 3, "error": null}
        VETTED abc {"done": true}
        """, nonce: "abc")
        #expect(frames.cases["a"]?.conflicting == true)
        #expect(frames.cases["b"]?.output == .integer(3))
        #expect(frames.cases["c"] == nil)
        #expect(frames.done)
    }

    /// SANDBOX.md probe 25: the box holds no expected output, and a hidden report quotes
    /// neither inputs nor expected values.
    @Test func probe25_hidden_inputs_and_expected_outputs_never_reach_the_candidate() throws {
        let report = try Grading.grade("fund-merge-intervals", """
        import os, sys
        for root, folders, files in os.walk("/task"):
            for name in files:
                sys.stderr.write("FILE " + os.path.join(root, name) + "\\n")
        def merge_bookings(*args, **kwargs):
            return []
        def free_windows(*args, **kwargs):
            return []
        """)
        let files = report.stderr.split(separator: "\n").filter { $0.hasPrefix("FILE ") }
        #expect(!files.isEmpty)
        #expect(!files.contains { $0.hasSuffix("hidden.json") || $0.hasSuffix("public.json") || $0.contains("reference") })
        #expect(report.cases.allSatisfy { $0.input == nil && $0.expected == nil && $0.output == nil })
        let request = Grader.HarnessRequest(nonce: "n", entry: "solution.py", caseSeconds: 1,
                                            cases: [.init(name: "a", input: .number(1))])
        #expect(!request.jsonText.contains("expected"))
    }

    @Test func an_endless_loop_times_out_its_case_and_the_report_still_comes_back() throws {
        let report = try Grading.grade("fund-merge-intervals", """
        def merge_bookings(*args, **kwargs):
            while True:
                pass
        def free_windows(*args, **kwargs):
            while True:
                pass
        """, suite: .public)
        #expect(report.score == 0)
        #expect(report.cases.allSatisfy { $0.verdict == .timeout || $0.verdict == .missing })
        #expect(report.cases.contains { $0.verdict == .timeout } || report.runStatus == "timeout")
    }

    @Test func a_syntax_error_is_reported_with_its_line() throws {
        let report = try Grading.grade("fund-merge-intervals", "def merge_bookings(:\n    pass\n", suite: .public)
        #expect(report.score == 0)
        #expect(report.fatal?.contains("SyntaxError") == true)
    }

    @Test func ruff_reports_findings_with_lines() throws {
        let reference = try Grading.solution("fund-merge-intervals", "reference")
        let report = try Grading.grade("fund-merge-intervals", reference + "\nimport os\n", suite: .public, quality: true)
        #expect(report.quality?.note == nil)
        #expect(report.quality?.findings.contains { $0.code == "F401" && $0.line > 1 } == true)
    }
}

@Suite struct CaseComparatorTests {
    @Test func inputs_keep_their_literal_types_on_the_way_into_the_box() throws {
        let value = try JSONValue.parse(Data(#"{"q": [2, 2.0, true, 0, false, 2.5, "x\"y"]}"#.utf8))
        #expect(value.jsonText == #"{"q":[2,2.0,true,0,false,2.5,"x\"y"]}"#)
        #expect(CaseComparator.failure(output: .bool(false), expected: .integer(0), comparison: .equal) != nil)
        #expect(CaseComparator.failure(output: .integer(2), expected: .number(2.0), comparison: .equal) == nil)
    }

    @Test func numbers_compare_within_tolerance() {
        #expect(CaseComparator.failure(output: .number(0.30000000000000004), expected: .number(0.3), comparison: .equal) == nil)
        #expect(CaseComparator.failure(output: .number(0.31), expected: .number(0.3), comparison: .equal) != nil)
        #expect(CaseComparator.failure(output: .number(0.3004), expected: .number(0.3), comparison: CaseComparison(mode: .equal, tolerance: 1e-3)) == nil)
    }

    @Test func unordered_lists_compare_as_multisets() {
        let unordered = CaseComparison(mode: .equal, unordered: true)
        let a: JSONValue = .array([.number(1), .number(2), .number(2)])
        #expect(CaseComparator.failure(output: .array([.number(2), .number(1), .number(2)]), expected: a, comparison: unordered) == nil)
        #expect(CaseComparator.failure(output: .array([.number(1), .number(1), .number(2)]), expected: a, comparison: unordered) != nil)
        #expect(CaseComparator.failure(output: .array([.number(2), .number(1), .number(2)]), expected: a, comparison: .equal) != nil)
    }

    @Test func metrics_pass_at_their_threshold() {
        let truth: JSONValue = .array([.string("a"), .string("a"), .string("b"), .string("b")])
        let guess: JSONValue = .array([.string("a"), .string("a"), .string("b"), .string("a")])
        #expect(CaseComparator.failure(output: guess, expected: truth, comparison: CaseComparison(mode: .metric, metric: .accuracy, min: 0.75)) == nil)
        #expect(CaseComparator.failure(output: guess, expected: truth, comparison: CaseComparison(mode: .metric, metric: .accuracy, min: 0.8)) != nil)
        // macro-F1: a (p 2/3, r 1 → 0.8), b (p 1, r 0.5 → 0.667); mean 0.733
        #expect(CaseComparator.failure(output: guess, expected: truth, comparison: CaseComparison(mode: .metric, metric: .macroF1, min: 0.73)) == nil)
        #expect(CaseComparator.failure(output: guess, expected: truth, comparison: CaseComparison(mode: .metric, metric: .macroF1, min: 0.74)) != nil)
        let short: JSONValue = .array([.string("a")])
        #expect(CaseComparator.failure(output: short, expected: truth, comparison: CaseComparison(mode: .metric, min: 0)) == "expected 4 predictions, got 1")
    }
}
