/// What the panel says about one candidate: who said what, the mean per competency, and
/// a recommendation that weighs every reviewer once, corrected for their leniency.
///
/// "Not the loudest voice": each reviewer's call counts with the same weight whatever
/// they wrote, strong calls count double only against a plain one, and a reviewer known to
/// be kinder than colleagues has their share of that difference taken off their ratings.
public struct PanelDecision: Codable, Sendable, Equatable {
    public struct Voice: Codable, Sendable, Equatable {
        public var reviewer: String
        public var stage: String
        public var recommendation: Recommendation
        public var meanRating: Double
        public var calibratedRating: Double
        public var scores: [ScorecardEntry.Score]
        public var notes: String
    }

    public struct CompetencyMean: Codable, Sendable, Equatable {
        public var competency: String
        public var mean: Double
        public var count: Int
        public var spread: Int
    }

    public enum Verdict: String, Codable, Sendable {
        case advance, hold, reject
        case noScores = "no-scores"
    }

    public var voices: [Voice]
    public var competencies: [CompetencyMean]
    public var yes: Int
    public var no: Int
    /// Mean recommendation weight, −2 … +2.
    public var meanRecommendation: Double
    public var calibratedMeanRating: Double
    public var verdict: Verdict
    /// Competencies where reviewers are two or more points apart: worth a debrief.
    public var disagreements: [String]

    public init(entries: [ScorecardEntry], leniency: [String: Double] = [:]) {
        // Leniency is measured against the *others*; a reviewer's distance from a panel
        // mean that includes them is (n − 1)/n of that, so that is what is taken off.
        // With two reviewers a point apart, both land on the midpoint rather than swapping.
        let panelSize = Double(max(2, Set(entries.map(\.reviewer)).count))
        let share = (panelSize - 1) / panelSize
        voices = entries.map { entry in
            Voice(reviewer: entry.reviewer, stage: entry.stage, recommendation: entry.recommendation, meanRating: Calibration.rounded(entry.meanRating),
                  calibratedRating: Calibration.rounded(min(4, max(1, entry.meanRating - (leniency[entry.reviewer] ?? 0) * share))),
                  scores: entry.scores, notes: entry.notes)
        }
        var byCompetency: [String: [Int]] = [:]
        var order: [String] = []
        for entry in entries {
            for score in entry.scores {
                if byCompetency[score.competency] == nil { order.append(score.competency) }
                byCompetency[score.competency, default: []].append(score.rating.rawValue)
            }
        }
        competencies = order.map { key in
            let values = byCompetency[key]!
            return CompetencyMean(competency: key, mean: Calibration.rounded(Double(values.reduce(0, +)) / Double(values.count)),
                                  count: values.count, spread: values.max()! - values.min()!)
        }
        disagreements = competencies.filter { $0.spread >= 2 }.map(\.competency)
        // One vote per reviewer: their calls averaged across the stages they scored.
        var perReviewer: [String: [Int]] = [:]
        for entry in entries { perReviewer[entry.reviewer, default: []].append(entry.recommendation.weight) }
        let votes = perReviewer.values.map { Double($0.reduce(0, +)) / Double($0.count) }
        yes = votes.filter { $0 > 0 }.count
        no = votes.filter { $0 < 0 }.count
        meanRecommendation = votes.isEmpty ? 0 : Calibration.rounded(votes.reduce(0, +) / Double(votes.count))
        calibratedMeanRating = voices.isEmpty ? 0 : Calibration.rounded(voices.map(\.calibratedRating).reduce(0, +) / Double(voices.count))
        if votes.isEmpty {
            verdict = .noScores
        } else if yes > no, calibratedMeanRating >= 2.5 {
            verdict = .advance
        } else if no > yes, calibratedMeanRating < 3 {
            verdict = .reject
        } else {
            verdict = .hold
        }
    }
}
