/// How each reviewer scores against the rest of the panel, on the same candidates.
///
/// Leniency is the mean, over every candidate a reviewer scored together with someone
/// else, of (their mean rating − the others' mean rating on that candidate): +0.5 means
/// half a point kinder than colleagues. Agreement is the share of those candidates where
/// their yes/no matches the others' majority (ties count as no majority and are left out).
public enum Calibration {
    public struct Reviewer: Codable, Sendable, Equatable {
        public var reviewer: String
        public var scorecards: Int
        /// Candidates scored together with at least one other reviewer.
        public var shared: Int
        public var leniency: Double?
        public var agreementRate: Double?
    }

    public static func reviewers(_ entries: [ScorecardEntry]) -> [Reviewer] {
        // One mean per (reviewer, candidate): a reviewer who scored two stages of one
        // candidate counts once there, so busy reviewers do not outweigh the rest.
        var perCandidate: [String: [String: (rating: Double, weight: Int)]] = [:]
        var counts: [String: Int] = [:]
        var grouped: [String: [String: [ScorecardEntry]]] = [:]
        for entry in entries {
            grouped[entry.candidate, default: [:]][entry.reviewer, default: []].append(entry)
            counts[entry.reviewer, default: 0] += 1
        }
        for (candidate, byReviewer) in grouped {
            for (reviewer, list) in byReviewer {
                let rating = list.map(\.meanRating).reduce(0, +) / Double(list.count)
                let weight = list.map(\.recommendation.weight).reduce(0, +)
                perCandidate[candidate, default: [:]][reviewer] = (rating, weight)
            }
        }
        var result: [Reviewer] = []
        for reviewer in counts.keys.sorted() {
            var differences: [Double] = []
            var agreed = 0, decided = 0
            for (_, byReviewer) in perCandidate {
                guard let own = byReviewer[reviewer], byReviewer.count > 1 else { continue }
                let others = byReviewer.filter { $0.key != reviewer }.map(\.value)
                differences.append(own.rating - others.map(\.rating).reduce(0, +) / Double(others.count))
                let yes = others.filter { $0.weight > 0 }.count, no = others.filter { $0.weight < 0 }.count
                guard yes != no else { continue }
                decided += 1
                if (own.weight > 0) == (yes > no) { agreed += 1 }
            }
            result.append(Reviewer(reviewer: reviewer, scorecards: counts[reviewer]!, shared: differences.count,
                                   leniency: differences.isEmpty ? nil : rounded(differences.reduce(0, +) / Double(differences.count)),
                                   agreementRate: decided == 0 ? nil : rounded(Double(agreed) / Double(decided))))
        }
        return result
    }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
