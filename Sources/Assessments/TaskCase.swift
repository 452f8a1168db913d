import Foundation

/// One test case. Only `input` ever enters the box; `expected` stays with the grader.
public struct TaskCase: Sendable, Equatable {
    public var name: String
    public var input: JSONValue
    public var expected: JSONValue
    public var weight: Double?
    public var compare: CaseComparison?

    /// Reads a case file (public.json, hidden.json) with `JSONValue.parse`, so inputs keep
    /// their literal types. Errors name the case and the field.
    static func list(from data: Data) throws -> [TaskCase] {
        guard case .array(let items) = try JSONValue.parse(data) else { throw CaseFileError("the file is not a list of cases") }
        return try items.enumerated().map { index, item in
            guard case .object(let fields) = item else { throw CaseFileError("case \(index + 1) is not an object") }
            guard case .string(let name)? = fields["name"] else { throw CaseFileError("case \(index + 1) has no name") }
            guard let input = fields["input"] else { throw CaseFileError("case \"\(name)\" has no input") }
            guard let expected = fields["expected"] else { throw CaseFileError("case \"\(name)\" has no expected") }
            var compare: CaseComparison?
            if let raw = fields["compare"] {
                do { compare = try JSONDecoder().decode(CaseComparison.self, from: Data(raw.jsonText.utf8)) } catch {
                    throw CaseFileError("case \"\(name)\" has an invalid compare: \(AssessmentTask.describe(error))")
                }
            }
            return TaskCase(name: name, input: input, expected: expected, weight: fields["weight"]?.numeric, compare: compare)
        }
    }
}

struct CaseFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// How a case's output is judged, outside the box.
public struct CaseComparison: Sendable, Codable, Equatable {
    public enum Mode: String, Sendable, Codable { case equal, metric }
    public enum Metric: String, Sendable, Codable { case accuracy, macroF1 = "macro-f1" }

    public var mode: Mode
    /// equal: numbers within this, absolute or relative (default 1e-9).
    public var tolerance: Double?
    /// equal: a top-level list compared as a multiset.
    public var unordered: Bool?
    /// metric: which, and the least passing value.
    public var metric: Metric?
    public var min: Double?

    public static let equal = CaseComparison(mode: .equal)

    public init(mode: Mode, tolerance: Double? = nil, unordered: Bool? = nil, metric: Metric? = nil, min: Double? = nil) {
        self.mode = mode
        self.tolerance = tolerance
        self.unordered = unordered
        self.metric = metric
        self.min = min
    }
}
