import Foundation
import VettedDomain

/// Choices that apply to every row of one import.
public struct ImportOptions: Sendable {
    /// The evidence recorded for a skill the file names without saying how it was shown.
    public var defaultEvidence: EvidenceSource
    /// Used when a row gives no time zone (an IANA name such as `Europe/Berlin`).
    public var defaultTimeZone: String?
    /// How a CSV file's headers map onto candidate fields; nil reads the documented header
    /// and otherwise uses `ColumnMapping.suggested(for:)`.
    public var mapping: ColumnMapping?
    /// "Today", for years of experience up to a job that has not ended; fixed in tests.
    public var referenceDate: Date

    public init(defaultEvidence: EvidenceSource = .claimed, defaultTimeZone: String? = nil,
                mapping: ColumnMapping? = nil, referenceDate: Date = Date()) {
        self.defaultEvidence = defaultEvidence
        self.defaultTimeZone = defaultTimeZone
        self.mapping = mapping
        self.referenceDate = referenceDate
    }
}
