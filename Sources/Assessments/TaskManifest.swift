/// A task's task.json (tasks/README.md): what it is, what it tests, how long it may run.
public struct TaskManifest: Sendable, Codable, Equatable {
    public enum Category: String, Sendable, Codable, CaseIterable {
        case fundamentals, aiML = "ai-ml", data, backend
    }

    public struct Limits: Sendable, Codable, Equatable {
        public var cpuSeconds: Double
        public var wallSeconds: Double
        public var memoryMB: Int
    }

    public var id: String
    public var title: String
    public var category: Category
    public var competencies: [String]
    /// Taxonomy ids; a graded result becomes assessment evidence for them.
    public var skills: [String]
    public var level: String
    public var timeMinutes: Int
    /// The file the candidate writes, e.g. solution.py.
    public var entry: String
    public var limits: Limits
    public var caseSeconds: Double?
    /// The question a person scores beside the automatic grade (AI and data tasks).
    public var rationale: String?
}
