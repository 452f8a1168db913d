import Foundation
import VettedDomain

/// A row or file that could not be read at all, or a remark about the whole file.
public struct ImportIssue: Sendable, Equatable, Codable {
    public var source: String
    /// nil when the problem is the whole file (not a PDF, no text layer).
    public var line: Int?
    /// The CSV column (documented name such as `hourly_rate`) or JSON path at fault.
    public var field: String?
    public var message: String

    public init(source: String, line: Int?, field: String? = nil, message: String) {
        self.source = source
        self.line = line
        self.field = field
        self.message = message
    }
}

/// What one file yielded.
public struct ParsedBatch: Sendable, Equatable {
    /// Every candidate that could be read, in file order.
    public var records: [ImportRecord]
    /// Rows and files that could not be read at all.
    public var issues: [ImportIssue]
    /// Remarks about the whole file that did not stop the import, such as columns that
    /// matched no field and were ignored.
    public var notes: [ImportIssue]

    public init(records: [ImportRecord] = [], issues: [ImportIssue] = [], notes: [ImportIssue] = []) {
        self.records = records
        self.issues = issues
        self.notes = notes
    }
}

/// Why a whole file could not be read; `message` is written for the person importing it.
public struct ImportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
