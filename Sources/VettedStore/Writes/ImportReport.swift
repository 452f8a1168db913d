import Foundation
import VettedDomain

/// What happened to one row or file of an import, and why.
public struct ImportOutcome: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case created, updated, skipped, failed }

    public var source: String
    /// The line (CSV) or position (JSON) the row came from; nil for a whole file.
    public var line: Int?
    public var outcome: Kind
    public var candidateId: UUID?
    public var field: String?
    public var message: String?
    public var warnings: [String]

    public init(source: String, line: Int?, outcome: Kind, candidateId: UUID? = nil, field: String? = nil,
                message: String? = nil, warnings: [String] = []) {
        self.source = source
        self.line = line
        self.outcome = outcome
        self.candidateId = candidateId
        self.field = field
        self.message = message
        self.warnings = warnings
    }
}

public struct ImportReport: Codable, Sendable, Equatable {
    public var mode: ImportMode
    /// False when the mode was all-or-nothing and a row failed: nothing was written.
    public var committed: Bool
    public var created: Int
    public var updated: Int
    public var skipped: Int
    public var failed: Int
    public var rows: [ImportOutcome]
    /// About whole files: columns left out, a missing time-zone column.
    public var notes: [String] = []

    public init(mode: ImportMode, committed: Bool, rows: [ImportOutcome], notes: [String] = []) {
        self.mode = mode
        self.notes = notes
        self.committed = committed
        self.rows = rows
        created = rows.count { $0.outcome == .created }
        updated = rows.count { $0.outcome == .updated }
        skipped = rows.count { $0.outcome == .skipped }
        failed = rows.count { $0.outcome == .failed }
    }

    /// The rows a person has to look at: failures, skips and rows with warnings.
    public var problems: [ImportOutcome] { rows.filter { $0.outcome == .failed || $0.outcome == .skipped || !$0.warnings.isEmpty } }
}

/// Progress of a long import: rows handled so far out of the total.
public struct ImportProgress: Sendable {
    public var phase: String
    public var done: Int
    public var total: Int
}
