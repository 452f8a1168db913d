import VettedDomain

/// The fixed 4-point scale every competency is rated on. Four points, no middle: a
/// reviewer has to lean one way.
public enum Rating: Int, Codable, Sendable, CaseIterable, Comparable {
    case poor = 1, mixed, good, excellent

    public static func < (a: Rating, b: Rating) -> Bool { a.rawValue < b.rawValue }

    public var label: String {
        switch self {
        case .poor: "1 — poor"
        case .mixed: "2 — mixed"
        case .good: "3 — good"
        case .excellent: "4 — excellent"
        }
    }
}

/// A reviewer's overall call. The weights are symmetric so a panel's mean is 0 when it
/// is split evenly.
public enum Recommendation: String, Vocabulary {
    case strongNo = "strong-no", no, yes
    case strongYes = "strong-yes"

    public var weight: Int {
        switch self {
        case .strongNo: -2
        case .no: -1
        case .yes: 1
        case .strongYes: 2
        }
    }

    public var isPositive: Bool { weight > 0 }
}

/// One filled scorecard, as the engines see it.
public struct ScorecardEntry: Codable, Sendable, Equatable {
    public struct Score: Codable, Sendable, Equatable {
        public var competency: String
        public var rating: Rating
        public var evidence: String
        public init(competency: String, rating: Rating, evidence: String) {
            self.competency = competency
            self.rating = rating
            self.evidence = evidence
        }
    }

    public var reviewer: String
    public var candidate: String
    public var stage: String
    public var recommendation: Recommendation
    public var scores: [Score]
    public var notes: String

    public init(reviewer: String, candidate: String, stage: String, recommendation: Recommendation, scores: [Score], notes: String = "") {
        self.reviewer = reviewer
        self.candidate = candidate
        self.stage = stage
        self.recommendation = recommendation
        self.scores = scores
        self.notes = notes
    }

    public var meanRating: Double {
        scores.isEmpty ? 0 : Double(scores.reduce(0) { $0 + $1.rating.rawValue }) / Double(scores.count)
    }
}

/// Checks what a reviewer sent against the stage's kit: every competency rated on the
/// scale, with written evidence, and an overall recommendation. Raw form or JSON values
/// come in; a finished entry or an error naming the competency comes out.
public enum ScorecardValidator {
    public struct Raw: Sendable {
        public var ratings: [String: String]
        public var evidence: [String: String]
        public var recommendation: String?
        public var notes: String
        public init(ratings: [String: String], evidence: [String: String], recommendation: String?, notes: String = "") {
            self.ratings = ratings
            self.evidence = evidence
            self.recommendation = recommendation
            self.notes = notes
        }
    }

    public static func validate(_ raw: Raw, kit: InterviewKit, reviewer: String, candidate: String) throws(DomainError) -> ScorecardEntry {
        let known = Set(kit.competencies.map(\.key))
        if let stray = raw.ratings.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalid(field: "ratings.\(stray)", message: "'\(stray)' is not a competency of the \(kit.stageName) kit")
        }
        var scores: [ScorecardEntry.Score] = []
        for competency in kit.competencies {
            let field = "ratings.\(competency.key)"
            guard let text = raw.ratings[competency.key]?.trimmed, !text.isEmpty else {
                throw .invalid(field: field, message: "\(competency.name) has no rating; rate every competency from 1 to 4")
            }
            guard let value = Int(text), let rating = Rating(rawValue: value) else {
                throw .invalid(field: field, message: "\(competency.name): the rating must be 1, 2, 3 or 4; got '\(text)'")
            }
            let evidence = raw.evidence[competency.key]?.trimmed ?? ""
            guard !evidence.isEmpty else {
                throw .invalid(field: "evidence.\(competency.key)", message: "\(competency.name) needs written evidence: what did the candidate say or do?")
            }
            guard evidence.count <= 4000 else {
                throw .invalid(field: "evidence.\(competency.key)", message: "\(competency.name): evidence is limited to 4000 characters")
            }
            scores.append(.init(competency: competency.key, rating: rating, evidence: evidence))
        }
        guard let text = raw.recommendation?.trimmed, !text.isEmpty else {
            throw .invalid(field: "recommendation", message: "an overall recommendation is required (strong-no, no, yes, strong-yes)")
        }
        let recommendation = try Recommendation.parse(text, field: "recommendation")
        return ScorecardEntry(reviewer: reviewer, candidate: candidate, stage: kit.stage, recommendation: recommendation, scores: scores, notes: raw.notes.trimmed)
    }
}
