/// The grade of one submission on one suite of cases.
public struct GradeReport: Sendable, Codable, Equatable {
    public enum Suite: String, Sendable, Codable { case `public`, hidden }
    public enum Verdict: String, Sendable, Codable { case passed, failed, error, timeout, missing }

    public struct CaseResult: Sendable, Codable, Equatable {
        public var name: String
        public var verdict: Verdict
        public var seconds: Double?
        /// Why it did not pass; for hidden cases it never quotes the input or the expected value.
        public var message: String?
        /// Sample cases only: what the candidate may see.
        public var input: JSONValue?
        public var expected: JSONValue?
        public var output: JSONValue?
    }

    public var taskId: String
    public var suite: Suite
    /// 0-100, weighted by case.
    public var score: Double
    public var passed: Int
    public var total: Int
    public var cases: [CaseResult]
    /// The sandbox's verdict on the whole run (ok, timeout, memory-limit, ...).
    public var runStatus: String
    /// Could not import the code, or the run ended before every case reported.
    public var fatal: String?
    public var wallSeconds: Double
    public var cpuSeconds: Double
    public var maxRSSKB: Int
    /// The tail of what the program wrote to stderr (its own prints land there).
    public var stderr: String
    public var quality: QualityReport?
}

/// ruff's findings on the submission, run inside the box.
public struct QualityReport: Sendable, Codable, Equatable {
    public struct Finding: Sendable, Codable, Equatable {
        public var code: String
        public var message: String
        public var line: Int
    }

    public var findings: [Finding]
    public var total: Int
    /// Set when ruff could not run; the grade stands without it.
    public var note: String?
}
