import Foundation
import Taxonomy
import VettedDomain

/// A role's skill checklist: must-haves and nice-to-haves, each with the reason it is there.
public struct Checklist: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable, Hashable {
        public let id: String
        public let name: String
        public let reason: String

        public init(id: String, name: String, reason: String) {
            self.id = id
            self.name = name
            self.reason = reason
        }
    }

    public var mustHave: [Item]
    public var niceToHave: [Item]
    /// Warnings a person should read: a scope spanning categories, an unknown integration.
    public var flags: [String]
    /// What the brief still lacks.
    public var missing: [String]
    public var classification: BriefClassifier.Result?
}

/// What the checklist is built from: the intake's answers.
public struct ChecklistRequest: Sendable, Equatable {
    public var category: RoleCategory?
    public var specialties: [String] = []
    public var integrations: [String] = []
    public var features: [String] = []
    public var summary: String = ""
    public var seniority: Seniority = .mid
    public var deliverables: String = ""
    public var hasTimeline = false
    public var hasIPOwnership = false
    public var hasBudget = false
    public var hasOverlapRequirement = false

    public init(category: RoleCategory? = nil) { self.category = category }
}

/// Builds checklists from the taxonomy. The base lists per category and specialty are the
/// guide's (what each kind of developer must know); integrations and scope words add the
/// skills a brief names.
public struct ChecklistBuilder: Sendable {
    let taxonomy: Taxonomy
    let classifier: BriefClassifier

    public init(taxonomy: Taxonomy = .standard) {
        self.taxonomy = taxonomy
        self.classifier = BriefClassifier(taxonomy: taxonomy)
    }

    /// Per category: must-haves, then nice-to-haves (the guide's step 3).
    static let base: [RoleCategory: (must: [String], nice: [String])] = [
        .aiML: (["python", "machine-learning", "model-evaluation", "feature-engineering", "numpy", "pandas"],
                ["pytorch", "scikit-learn", "mlops", "statistics"]),
        .dataScience: (["python", "pandas", "sql", "data-cleaning", "statistics", "data-visualization"],
                       ["numpy", "jupyter", "etl", "a-b-testing"]),
        .backend: (["python", "rest-apis", "sql", "testing", "git"],
                   ["docker", "postgresql", "asyncio", "ci-cd", "performance-tuning"]),
    ]

    /// Specialties a role may name, and the skills each adds.
    public static let specialties: [String: (must: [String], nice: [String])] = [
        "nlp": (["nlp", "transformers"], ["spacy", "huggingface", "llm-fine-tuning"]),
        "computer-vision": (["computer-vision", "pytorch"], ["opencv", "onnx"]),
        "llm": (["llm-fine-tuning", "transformers"], ["langchain", "huggingface"]),
        "mlops": (["mlops", "docker"], ["mlflow", "kubernetes"]),
        "etl": (["etl", "sql"], ["airflow", "dbt", "apache-spark"]),
        "analytics": (["sql", "statistics"], ["dbt", "a-b-testing"]),
        "visualization": (["data-visualization"], ["plotly", "matplotlib", "seaborn"]),
        "apis": (["rest-apis"], ["fastapi", "django-rest-framework", "graphql"]),
        "databases": (["sql", "postgresql"], ["sqlalchemy", "redis", "performance-tuning"]),
        "architecture": (["microservices"], ["kubernetes", "kafka", "performance-tuning"]),
    ]

    static let fundamentals = ["oop", "data-structures", "algorithms", "clean-code", "debugging", "testing"]
    static let communication = ["explains-decisions", "asks-right-questions", "identifies-risks", "aligns-with-business-goals"]

    public func build(_ request: ChecklistRequest) throws(DomainError) -> Checklist {
        var must: [Checklist.Item] = []
        var nice: [Checklist.Item] = []
        var flags: [String] = []
        var seen = Set<String>()
        func add(_ id: String, reason: String, required: Bool) {
            guard let skill = taxonomy.skill(id) else { return }
            guard seen.insert(skill.id).inserted else { return }
            let item = Checklist.Item(id: skill.id, name: skill.name, reason: reason)
            if required { must.append(item) } else { nice.append(item) }
        }

        let prose = ([request.summary, request.deliverables] + request.features).joined(separator: "\n")
        let classification = prose.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : classifier.classify(prose)
        guard let category = request.category ?? classification?.category.flatMap(RoleCategory.init(rawValue:)) else {
            throw .invalid(field: "category", message: "category is required when the brief does not say what the work is (ai-ml, data-science or backend)")
        }

        // Integrations first: a named tool is the strongest reason there is.
        for integration in request.integrations {
            if let skill = taxonomy.resolve(integration) {
                add(skill.id, reason: "integration: \(integration)", required: true)
            } else {
                flags.append("integration '\(integration)' is not in the skill taxonomy: check it by hand")
            }
        }
        let (baseMust, baseNice) = Self.base[category]!
        for id in baseMust { add(id, reason: "\(category.label) role", required: true) }
        for specialty in request.specialties {
            let key = specialty.lowercased().trimmingCharacters(in: .whitespaces)
            guard let lists = Self.specialties[key] else {
                throw .invalid(field: "specialties", message: "unknown specialty '\(specialty)'; known: \(Self.specialties.keys.sorted().joined(separator: ", "))")
            }
            for id in lists.must { add(id, reason: "specialty: \(key)", required: true) }
            for id in lists.nice { add(id, reason: "specialty: \(key)", required: false) }
        }
        if let classification {
            for skill in PhraseMatcher.skills(in: PhraseMatcher.tokens(prose), taxonomy: taxonomy) {
                add(skill.skill.id, reason: "scope mentions '\(skill.matched)'", required: false)
            }
            if !classification.spans.isEmpty {
                flags.append("the scope spans \(classification.spans.joined(separator: " and ")): decide between a generalist and two specialists, or split the role")
            } else if let detected = classification.category, detected != category.rawValue, (classification.scores[detected] ?? 0) >= 6 {
                flags.append("the brief reads as \(detected), but the role's category is \(category.rawValue): check the category")
            }
        }
        for id in baseNice { add(id, reason: "\(category.label) role", required: false) }
        let seniorFundamentals = request.seniority == .senior || request.seniority == .lead
        for id in Self.fundamentals {
            add(id, reason: seniorFundamentals ? "fundamentals (senior)" : "fundamentals", required: seniorFundamentals && (id == "testing" || id == "clean-code"))
        }
        for id in Self.communication { add(id, reason: "communication and problem solving", required: false) }

        var missing: [String] = []
        if request.summary.trimmingCharacters(in: .whitespaces).isEmpty && request.features.isEmpty { missing.append("scope: what is to be built (features and modules)") }
        if request.specialties.isEmpty { missing.append("specialties") }
        if request.integrations.isEmpty { missing.append("integrations (APIs, third-party tools)") }
        if !request.hasTimeline { missing.append("timeline: start date and weeks") }
        if request.deliverables.trimmingCharacters(in: .whitespaces).isEmpty { missing.append("deliverables") }
        if !request.hasIPOwnership { missing.append("IP ownership") }
        if !request.hasOverlapRequirement { missing.append("required overlap hours") }
        if !request.hasBudget { missing.append("budget (hourly cap or total)") }
        return Checklist(mustHave: must, niceToHave: nice, flags: flags, missing: missing, classification: classification)
    }
}
