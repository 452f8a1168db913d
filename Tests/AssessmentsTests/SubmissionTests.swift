import Testing
@testable import Assessments

@Suite struct SubmissionTests {
    @Test(arguments: [
        ([UInt8](), "empty"),
        (Array("  \n\t\n".utf8), "empty"),
        (Array("print(1)\0\n".utf8), "NUL byte at offset 8"),
        ([0x70, 0x72, 0xFF, 0xFE], "not UTF-8 text (first bad byte near offset 2)"),
        ([UInt8](repeating: 0x61, count: Submission.maxBytes + 1), "at most"),
    ])
    func bad_submissions_are_refused_with_the_reason(bytes: [UInt8], reason: String) {
        #expect {
            _ = try Submission.text(bytes)
        } throws: { error in
            guard case AssessmentError.invalidSubmission(let message) = error else { return false }
            return message.contains(reason)
        }
    }

    @Test func python_source_is_accepted_as_it_is() throws {
        #expect(try Submission.text(Array("def f():\n    return 'é'\n".utf8)) == "def f():\n    return 'é'\n")
    }
}
