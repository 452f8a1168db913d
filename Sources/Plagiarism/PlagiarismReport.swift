import Foundation

/// What `vetted plagiarism scan DIR --json` prints (the SPEC contract):
/// `{"pairs": [{"a", "b", "similarity", "matches": [{"aLines": [from, to], "bLines": [from, to]}]}]}`,
/// most similar first, pairs under the reporting threshold left out.
public struct PlagiarismReport: Sendable, Hashable, Codable {
    public var pairs: [Pair]

    public init(pairs: [Pair]) {
        self.pairs = pairs
    }

    /// The report as the CLI prints it: keys sorted, slashes in file names unescaped.
    public func json(pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Two submissions that share code: names relative to the scanned folder, `a` sorting
    /// first, similarity in [0, 1] rounded to four places.
    public struct Pair: Sendable, Hashable, Codable {
        public var a: String
        public var b: String
        public var similarity: Double
        public var matches: [Match]

        public init(a: String, b: String, similarity: Double, matches: [Match]) {
            self.a = a
            self.b = b
            self.similarity = similarity
            self.matches = matches
        }
    }

    /// One matching region for the side-by-side view, as inclusive line ranges.
    public struct Match: Sendable, Hashable, Codable {
        public var aLines: LineRange
        public var bLines: LineRange

        public init(aLines: LineRange, bLines: LineRange) {
            self.aLines = aLines
            self.bLines = bLines
        }
    }
}

/// Inclusive 1-based source lines, encoded as the two-element array `[from, to]`.
public struct LineRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var from: Int
    public var to: Int

    public init(_ from: Int, _ to: Int) {
        self.from = from
        self.to = to
    }

    public func contains(_ line: Int) -> Bool { from <= line && line <= to }
    public var description: String { "\(from)-\(to)" }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        from = try container.decode(Int.self)
        to = try container.decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(from)
        try container.encode(to)
    }
}
