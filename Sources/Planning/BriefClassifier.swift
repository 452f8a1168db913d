import Foundation
import Taxonomy
import VettedDomain

/// Reads a brief written in prose and says which kind of Python developer it needs, with
/// the words that decided it. Words come from two places: a short list of domain words per
/// category (below) and every skill name and alias in the taxonomy, which count for the
/// skill's category.
public struct BriefClassifier: Sendable {
    public struct Evidence: Sendable, Equatable, Codable {
        public let word: String
        public let category: String
        public let weight: Int
    }

    public struct Result: Sendable, Equatable, Codable {
        /// nil when the brief has no words that point anywhere.
        public let category: String?
        public let scores: [String: Int]
        public let evidence: [Evidence]
        /// Set when a second category is close behind: a generalist role, or two roles.
        public let spans: [String]
    }

    /// Words that point to a category without naming a skill. Weight 2; skills weigh 3.
    static let domainWords: [RoleCategory: [String]] = [
        .aiML: ["model", "models", "training", "train", "inference", "prediction", "predict", "classifier", "classification", "neural",
                "embedding", "embeddings", "fine-tune", "fine-tuning", "llm", "chatbot", "recommendation", "recommender", "vision",
                "detection", "segmentation", "language model", "generative", "rag", "agent", "agents", "ml", "ai"],
        .dataScience: ["dashboard", "dashboards", "report", "reports", "reporting", "analytics", "analysis", "insights", "kpi", "kpis",
                       "metrics", "warehouse", "etl", "elt", "pipeline", "pipelines", "cleaning", "ingestion", "forecast", "forecasting",
                       "cohort", "experiment", "experiments", "statistics", "statistical", "visualization", "visualisation", "bi"],
        .backend: ["api", "apis", "endpoint", "endpoints", "backend", "back-end", "server", "microservice", "microservices", "database",
                   "databases", "authentication", "auth", "payments", "webhook", "webhooks", "integration", "integrations", "latency",
                   "throughput", "scalability", "queue", "queues", "admin panel", "crud", "saas", "web app", "web application"],
    ]

    let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy = .standard) { self.taxonomy = taxonomy }

    public func classify(_ text: String) -> Result {
        let tokens = PhraseMatcher.tokens(text)
        var scores: [RoleCategory: Int] = [:]
        var evidence: [String: Evidence] = [:]
        for (category, words) in Self.domainWords {
            for word in words where PhraseMatcher.contains(tokens, phrase: word) {
                scores[category, default: 0] += 2
                evidence[word] = Evidence(word: word, category: category.rawValue, weight: 2)
            }
        }
        for skill in PhraseMatcher.skills(in: tokens, taxonomy: taxonomy) {
            guard let category = skill.skill.category.roleCategory else { continue }
            scores[category, default: 0] += 3
            evidence[skill.matched] = Evidence(word: skill.matched, category: category.rawValue, weight: 3)
        }
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
        let total = scores.values.reduce(0, +)
        // A second category with at least 60% of the leader's weight (and real weight) makes
        // this a mixed scope.
        let spans = ranked.count >= 2 && ranked[1].value * 10 >= ranked[0].value * 6 && ranked[1].value >= 6
            ? ranked.prefix(2).map(\.key.rawValue) : []
        return Result(
            category: total == 0 ? nil : ranked.first?.key.rawValue,
            scores: Dictionary(uniqueKeysWithValues: RoleCategory.allCases.map { ($0.rawValue, scores[$0] ?? 0) }),
            evidence: evidence.values.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.word < $1.word },
            spans: spans)
    }
}

/// Finds words and multi-word phrases in text on word boundaries, so "Go" in "go live"
/// is found only where asked, "C" never matches inside "C++", and "rag" not in "fragile".
enum PhraseMatcher {
    /// Lower-case tokens; letters, digits and the characters that belong inside tech names.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "+" || ch == "#" || ch == "." || ch == "-" || ch == "_" {
                current.append(ch)
            } else if !current.isEmpty {
                tokens.append(trim(current))
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(trim(current)) }
        return tokens.filter { !$0.isEmpty }
    }

    /// A sentence's last word keeps no trailing '.', '-' or '_'.
    static func trim(_ token: String) -> String {
        var t = Substring(token)
        while let last = t.last, last == "." || last == "-" || last == "_" { t = t.dropLast() }
        while let first = t.first, first == "-" || first == "_" || first == "." { t = t.dropFirst() }
        return String(t)
    }

    static func contains(_ tokens: [String], phrase: String) -> Bool {
        let words = self.tokens(phrase)
        guard !words.isEmpty, tokens.count >= words.count else { return false }
        for start in 0...(tokens.count - words.count) where Array(tokens[start..<(start + words.count)]) == words { return true }
        return false
    }

    /// Skills named in the text, longest phrases first, each once.
    static func skills(in tokens: [String], taxonomy: Taxonomy) -> [(skill: Skill, matched: String)] {
        var found: [(Skill, String)] = []
        var seen = Set<String>()
        // Single letters and words that are common English are too ambiguous in prose.
        let ambiguous: Set<String> = ["c", "r", "go", "d", "rest", "ray", "dash", "luigi", "prefect", "bokeh", "english", "communication"]
        for entry in taxonomy.vocabulary.sorted(by: { $0.text.count != $1.text.count ? $0.text.count > $1.text.count : $0.text < $1.text })
        where !seen.contains(entry.id) && !ambiguous.contains(entry.text) {
            if contains(tokens, phrase: entry.text), let skill = taxonomy.skill(entry.id) {
                found.append((skill, entry.text))
                seen.insert(entry.id)
            }
        }
        return found
    }
}
