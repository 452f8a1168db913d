/// The JSON document of `vetted portfolio analyze` (fields fixed in SPEC; more added).
public struct PortfolioReport: Sendable, Codable, Equatable {
    public struct Evidence: Sendable, Codable, Equatable, Hashable {
        public let file: String
        public let line: Int
        /// import, dependency, notebook, config
        public let kind: String

        public init(file: String, line: Int, kind: String) {
            self.file = file
            self.line = line
            self.kind = kind
        }
    }

    public struct SkillEvidence: Sendable, Codable, Equatable {
        public let id: String
        public let name: String
        public let category: String
        public let evidence: [Evidence]
    }

    public struct Practices: Sendable, Codable, Equatable {
        /// Test files found, and the framework they use.
        public let tests: Tests
        public let ci: [String]
        /// Share of functions with type hints, 0–1 (null when there are no functions).
        public let typeHints: Double?
        public let packaging: [String]
        public let lint: [String]
        public let typeCheck: [String]
        public let containers: [String]

        public struct Tests: Sendable, Codable, Equatable {
            public let files: Int
            public let framework: String?

            // Absent values are written as null: the SPEC's keys are always there.
            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(files, forKey: .files)
                try c.encode(framework, forKey: .framework)
            }
        }

        enum CodingKeys: String, CodingKey { case tests, ci, typeHints, packaging, lint, typeCheck, containers }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(tests, forKey: .tests)
            try c.encode(ci, forKey: .ci)
            try c.encode(typeHints, forKey: .typeHints)
            try c.encode(packaging, forKey: .packaging)
            try c.encode(lint, forKey: .lint)
            try c.encode(typeCheck, forKey: .typeCheck)
            try c.encode(containers, forKey: .containers)
        }
    }

    public struct History: Sendable, Codable, Equatable {
        public let commits: Int
        public let authors: Int
        public let firstCommit: String?
        public let lastCommit: String?
        public let activeMonths: Int
        /// Commits by the e-mails asked about (`--author`), when given.
        public let authorCommits: Int?
        /// Why there is no history, when there is none.
        public let note: String?
    }

    public struct Scan: Sendable, Codable, Equatable {
        public let filesRead: Int
        public let bytesRead: Int
        public let skipped: [String: Int]
        public let warnings: [String]
    }

    public let category: String?
    public let scores: [String: Int]
    public let skills: [SkillEvidence]
    public let practices: Practices
    public let history: History
    public let scan: Scan
}
