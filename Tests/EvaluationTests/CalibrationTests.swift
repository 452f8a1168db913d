import Testing
@testable import Evaluation

@Suite struct CalibrationTests {
    func entry(_ reviewer: String, _ candidate: String, _ rating: Rating, _ recommendation: Recommendation) -> ScorecardEntry {
        ScorecardEntry(reviewer: reviewer, candidate: candidate, stage: "fundamentals", recommendation: recommendation,
                       scores: [.init(competency: "oop", rating: rating, evidence: "e"), .init(competency: "dsa", rating: rating, evidence: "e")])
    }

    /// Kind rates every candidate a point above the other two, and says yes to a candidate
    /// the others turn down.
    var panel: [ScorecardEntry] {
        [
            entry("kind", "c1", .excellent, .strongYes), entry("fair", "c1", .good, .yes), entry("strict", "c1", .good, .yes),
            entry("kind", "c2", .good, .yes), entry("fair", "c2", .mixed, .no), entry("strict", "c2", .mixed, .no),
            entry("kind", "c3", .mixed, .no), entry("fair", "c3", .poor, .strongNo),
            entry("solo", "c4", .good, .yes),
        ]
    }

    @Test func leniencyIsTheMeanDifferenceOnSharedCandidates() throws {
        let byName = Dictionary(uniqueKeysWithValues: Calibration.reviewers(panel).map { ($0.reviewer, $0) })
        #expect(byName["kind"]?.leniency == 1.0)
        #expect(byName["kind"]?.shared == 3)
        // fair: c1 3 − (4+3)/2 = −0.5; c2 2 − (3+2)/2 = −0.5; c3 1 − 2 = −1 → −0.67
        #expect(byName["fair"]?.leniency == -0.67)
        #expect(byName["solo"]?.leniency == nil)
        #expect(byName["solo"]?.shared == 0)
    }

    @Test func agreementIsTheShareMatchingTheOthersMajority() {
        let byName = Dictionary(uniqueKeysWithValues: Calibration.reviewers(panel).map { ($0.reviewer, $0) })
        // kind: c1 agrees, c2 disagrees (others both no), c3 agrees (other no) → 2/3
        #expect(byName["kind"]?.agreementRate == 0.67)
        // strict: c1 (others yes, yes) agrees; c2 (others yes, no) is a tie and left out → 1/1
        #expect(byName["strict"]?.agreementRate == 1.0)
    }

    @Test func theDecisionWeighsEveryReviewerOnceAndCorrectsLeniency() {
        let c2 = panel.filter { $0.candidate == "c2" }
        let raw = PanelDecision(entries: c2)
        #expect(raw.yes == 1 && raw.no == 2)
        #expect(raw.verdict == .reject)
        // A loud, lenient reviewer cannot carry a candidate alone: kind's strong yes counts once.
        let loud = [entry("kind", "c5", .excellent, .strongYes), entry("fair", "c5", .mixed, .no), entry("strict", "c5", .mixed, .no)]
        let decision = PanelDecision(entries: loud, leniency: ["kind": 1.0])
        #expect(decision.verdict == .reject)
        // One point kinder than the other two: two thirds of it is their distance from the panel's mean.
        #expect(decision.voices.first { $0.reviewer == "kind" }?.calibratedRating == 3.33)
        #expect(decision.disagreements == ["oop", "dsa"])
        #expect(PanelDecision(entries: panel.filter { $0.candidate == "c1" }).verdict == .advance)
        #expect(PanelDecision(entries: []).verdict == .noScores)
    }
}
