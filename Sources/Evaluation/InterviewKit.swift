import VettedDomain

/// What to probe at a stage, the questions to ask and the competencies to score. Built
/// from the role's checklist for the project stages and from the guide's lists for
/// fundamentals (step 6) and communication (step 8).
public struct InterviewKit: Codable, Sendable, Equatable {
    public struct Competency: Codable, Sendable, Equatable {
        public var key: String
        public var name: String
        public var group: String
        /// What a reviewer looks for, in one sentence.
        public var probe: String
        public var questions: [String]
    }

    public var stage: String
    public var stageName: String
    public var competencies: [Competency]

    public static let fundamentals: [Competency] = [
        .init(key: "oop", name: "Object-oriented design", group: "fundamentals",
              probe: "Classes with one job, composition over inheritance, clear interfaces.",
              questions: ["Walk through how you would model this domain in classes.", "When did inheritance hurt you, and what did you do instead?"]),
        .init(key: "dsa", name: "Data structures and algorithms", group: "fundamentals",
              probe: "Chooses the structure that fits, knows the cost of each operation.",
              questions: ["Which structure would you use here, and what does each operation cost?", "How does this behave at 100 times the data?"]),
        .init(key: "clean-code", name: "Clean code", group: "fundamentals",
              probe: "Readable names, small functions, no clever tricks where plain code works.",
              questions: ["Review this function: what would you change first?", "How do you keep a growing module readable?"]),
        .init(key: "debugging-testing", name: "Debugging and testing", group: "fundamentals",
              probe: "Reproduces before fixing, writes the test that would have caught it.",
              questions: ["Tell me about the hardest bug you fixed: how did you find it?", "What would you test in this code, and how?"]),
    ]

    public static let communication: [Competency] = [
        .init(key: "explains-decisions", name: "Explains decisions", group: "communication",
              probe: "Says why, with the trade-offs, in words a non-specialist follows.",
              questions: ["Explain a technical choice you made to someone from the business side."]),
        .init(key: "asks-questions", name: "Asks the right questions", group: "communication",
              probe: "Clarifies requirements before building; asks about users and constraints.",
              questions: ["Here is a vague request: what do you ask before starting?"]),
        .init(key: "identifies-risks", name: "Identifies risks early", group: "communication",
              probe: "Names what could go wrong and raises it before it is late.",
              questions: ["What could make this project fail, and when would you say so?"]),
        .init(key: "business-alignment", name: "Aligns with business goals", group: "communication",
              probe: "Connects the work to what the client is trying to achieve.",
              questions: ["How would you decide what to build first here?"]),
    ]

    /// `checklist` is the role's must-haves as (id, name); the project stages probe each one.
    public static func build(stage: String, stageName: String, checklist: [(id: String, name: String)]) -> InterviewKit {
        let projectSkills = checklist.prefix(6).map { item in
            Competency(key: "skill-\(item.id)", name: item.name, group: "role",
                       probe: "Has used \(item.name) on real work and can show it.",
                       questions: ["Show me where you used \(item.name) and what you would do differently now."])
        }
        let competencies: [Competency]
        switch stage {
        case "fundamentals": competencies = fundamentals
        case "communication": competencies = communication
        case "screen": competencies = [fundamentals[2], communication[0]] + Array(projectSkills.prefix(2))
        case "paid-trial":
            competencies = [
                .init(key: "delivery", name: "Delivered what was agreed", group: "trial", probe: "The acceptance criteria are met.", questions: ["Which criteria are met, which are not?"]),
                .init(key: "code-quality", name: "Code quality", group: "trial", probe: "Tests, readability, fits the codebase.", questions: ["Would you merge this as it is?"]),
            ] + [communication[0], communication[2]]
        default:
            competencies = projectSkills.isEmpty ? [fundamentals[1], fundamentals[3]] : Array(projectSkills) + [fundamentals[3]]
        }
        return InterviewKit(stage: stage, stageName: stageName, competencies: competencies)
    }
}
