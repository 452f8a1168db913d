import Testing
import VettedDomain
@testable import Evaluation

@Suite struct ScorecardTests {
    let kit = InterviewKit.build(stage: "fundamentals", stageName: "Fundamentals", checklist: [])

    func raw(_ rating: String = "3", skip: String? = nil, recommendation: String? = "yes") -> ScorecardValidator.Raw {
        var ratings: [String: String] = [:], evidence: [String: String] = [:]
        for c in kit.competencies where c.key != skip {
            ratings[c.key] = rating
            evidence[c.key] = "explained \(c.name) with an example"
        }
        return .init(ratings: ratings, evidence: evidence, recommendation: recommendation)
    }

    @Test func kitsFollowTheGuide() {
        #expect(kit.competencies.map(\.key) == ["oop", "dsa", "clean-code", "debugging-testing"])
        let communication = InterviewKit.build(stage: "communication", stageName: "Communication", checklist: [])
        #expect(communication.competencies.map(\.key) == ["explains-decisions", "asks-questions", "identifies-risks", "business-alignment"])
        let project = InterviewKit.build(stage: "project-test", stageName: "Project test", checklist: [("pytorch", "PyTorch"), ("fastapi", "FastAPI")])
        #expect(project.competencies.map(\.key) == ["skill-pytorch", "skill-fastapi", "debugging-testing"])
    }

    @Test func aCompleteScorecardPasses() throws {
        let entry = try ScorecardValidator.validate(raw(), kit: kit, reviewer: "r1", candidate: "c1")
        #expect(entry.scores.count == 4)
        #expect(entry.meanRating == 3)
        #expect(entry.recommendation == .yes)
    }

    @Test func aMissingRatingIsNamed() {
        #expect(throws: DomainError.invalid(field: "ratings.dsa", message: "Data structures and algorithms has no rating; rate every competency from 1 to 4")) {
            try ScorecardValidator.validate(raw(skip: "dsa"), kit: kit, reviewer: "r1", candidate: "c1")
        }
    }

    @Test func ratingsOffTheScaleEvidenceMissingOrNoRecommendationAreRefused() {
        #expect(throws: DomainError.invalid(field: "ratings.oop", message: "Object-oriented design: the rating must be 1, 2, 3 or 4; got '5'")) {
            try ScorecardValidator.validate(raw("5"), kit: kit, reviewer: "r1", candidate: "c1")
        }
        var noEvidence = raw()
        noEvidence.evidence["clean-code"] = " "
        #expect(throws: DomainError.self) { try ScorecardValidator.validate(noEvidence, kit: kit, reviewer: "r1", candidate: "c1") }
        #expect(throws: DomainError.invalid(field: "recommendation", message: "an overall recommendation is required (strong-no, no, yes, strong-yes)")) {
            try ScorecardValidator.validate(raw(recommendation: nil), kit: kit, reviewer: "r1", candidate: "c1")
        }
        var stray = raw()
        stray.ratings["charisma"] = "4"
        #expect(throws: DomainError.self) { try ScorecardValidator.validate(stray, kit: kit, reviewer: "r1", candidate: "c1") }
    }
}
