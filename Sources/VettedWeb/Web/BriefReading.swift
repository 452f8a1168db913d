import Planning
import Taxonomy

/// What the intake reads from a brief in words: the category and the words behind it,
/// specialties, named integrations, and whether the scope spans categories.
struct BriefReading: Encodable {
    let category: String?
    let evidence: String
    let specialties: [String]
    let integrations: [String]
    let spans: String?

    /// Specialty keys and the words that point to them.
    static let specialtyWords: [String: [String]] = [
        "nlp": ["nlp", "natural language", "text classification", "sentiment", "chatbot", "language model", "ner"],
        "computer-vision": ["computer vision", "image", "images", "video", "object detection", "segmentation", "ocr"],
        "llm": ["llm", "llms", "rag", "fine-tune", "fine-tuning", "prompt", "gpt"],
        "mlops": ["mlops", "model serving", "deployment of models", "model monitoring"],
        "etl": ["etl", "elt", "pipeline", "pipelines", "ingestion", "warehouse"],
        "analytics": ["analytics", "dashboard", "dashboards", "kpi", "kpis", "reporting", "reports"],
        "visualization": ["visualization", "visualisation", "charts", "plots"],
        "apis": ["api", "apis", "endpoint", "endpoints", "rest", "graphql", "webhook", "webhooks"],
        "databases": ["database", "databases", "postgresql", "postgres", "mysql", "query", "queries", "schema"],
        "architecture": ["architecture", "microservices", "scalability", "scale"],
    ]

    init(_ brief: String) {
        let result = BriefClassifier().classify(brief)
        category = result.category
        evidence = result.evidence.prefix(10).map(\.word).joined(separator: ", ")
        let tokens = PhraseMatcherFacade.tokens(brief)
        specialties = Self.specialtyWords.keys.sorted().filter { key in
            Self.specialtyWords[key]!.contains { PhraseMatcherFacade.contains(tokens, $0) }
        }
        // Named tools and services: taxonomy skills of the backend and cloud families.
        integrations = PhraseMatcherFacade.skills(brief).filter { $0.category == .backend || $0.category == .cloudDevops }
            .map(\.name).filter { !["REST APIs", "Python"].contains($0) }
        spans = result.spans.isEmpty ? nil : result.spans.joined(separator: " and ")
    }
}
