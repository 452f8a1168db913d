import Foundation

/// One candidate read from a file, with where it came from so a later validation error
/// can point the user at the right line.
public struct ImportRecord: Sendable, Equatable {
    /// The file name.
    public var source: String
    /// The 1-based physical line where the CSV record starts; for JSON the 1-based index of
    /// the resume in the file; 1 for a text or PDF resume.
    public var line: Int
    /// The profile as read; not yet validated.
    public var input: CandidateInput
    /// What was read but left out or guessed (an unknown skill, a zone taken from the country).
    public var warnings: [String]

    public init(source: String, line: Int, input: CandidateInput, warnings: [String] = []) {
        self.source = source
        self.line = line
        self.input = input
        self.warnings = warnings
    }
}
