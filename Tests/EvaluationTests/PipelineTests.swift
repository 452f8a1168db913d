import Testing
import VettedDomain
@testable import Evaluation

@Suite struct PipelineTests {
    let pipeline = Pipeline.standard
    func facts(_ visited: String...) -> StageMove.Facts { .init(visited: Set(visited)) }

    @Test func nextStageNeedsNoOverride() throws {
        let outcome = try StageMove.check(.init(from: "sourced", to: "screen"), in: pipeline, facts: facts("sourced"))
        #expect(outcome.skipped.isEmpty)
    }

    @Test func skippingARequiredStageNeedsAnOverrideAndRecordsIt() throws {
        let move = StageMove.Request(from: "screen", to: "communication")
        #expect(throws: DomainError.invalid(field: "override", message: "moving to Communication skips the required stages Fundamentals, Project test; record an override reason to skip")) {
            try StageMove.check(move, in: pipeline, facts: facts("sourced", "screen"))
        }
        var overridden = move
        overridden.override = "strong referral, fundamentals seen on the last contract"
        #expect(try StageMove.check(overridden, in: pipeline, facts: facts("sourced", "screen")).skipped == ["fundamentals", "project-test"])
        // A stage already passed once is not skipped when the candidate comes back through it.
        #expect(try StageMove.check(move, in: pipeline, facts: facts("sourced", "screen", "fundamentals", "project-test")).skipped.isEmpty)
    }

    @Test func optionalStagesMayBeSkipped() throws {
        let custom = try Pipeline(lines: "sourced | Sourced\ntake-home | Take-home | optional\noffer | Offer\nengaged | Engaged")
        #expect(try StageMove.check(.init(from: "sourced", to: "offer"), in: custom, facts: facts("sourced")).skipped.isEmpty)
    }

    @Test func closedCandidatesGetNoOffer() throws {
        #expect(throws: DomainError.self) { try StageMove.check(.init(from: "closed", to: "offer", override: "changed our mind"), in: pipeline, facts: facts("closed")) }
        #expect(throws: DomainError.invalid(field: "override", message: "reopening a closed candidate needs an override reason")) {
            try StageMove.check(.init(from: "closed", to: "screen"), in: pipeline, facts: facts("closed"))
        }
        #expect(try StageMove.check(.init(from: "closed", to: "screen", override: "budget approved again"), in: pipeline, facts: facts("closed")).reopened)
    }

    @Test func closingNeedsAReasonAndEngagedNeedsAnAcceptedOffer() throws {
        #expect(throws: DomainError.invalid(field: "closedReason", message: "a reason is required to close a candidate")) {
            try StageMove.check(.init(from: "screen", to: "closed", reason: "  "), in: pipeline, facts: facts("screen"))
        }
        #expect(throws: DomainError.self) { try StageMove.check(.init(from: "offer", to: "engaged"), in: pipeline, facts: facts("offer")) }
        #expect(try StageMove.check(.init(from: "offer", to: "engaged"), in: pipeline, facts: .init(visited: ["offer"], hasAcceptedOffer: true)).skipped.isEmpty)
    }

    @Test func unknownStageNamesTheChoices() {
        #expect(throws: DomainError.self) { try StageMove.check(.init(from: "sourced", to: "hired"), in: pipeline, facts: facts("sourced")) }
    }

    @Test func templateLinesRoundTripAndBadLinesNameTheLine() throws {
        #expect(try Pipeline(lines: Pipeline.standard.lines) == Pipeline.standard)
        #expect(throws: DomainError.invalid(field: "stages", message: "line 2: write 'key | Name' or 'key | Name | optional'; got 'screen'")) {
            try Pipeline(lines: "sourced | Sourced\nscreen")
        }
        #expect(throws: DomainError.invalid(field: "stages", message: "stage 2: key 'sourced' appears twice")) {
            try Pipeline(lines: "sourced | Sourced\nsourced | Again")
        }
        #expect(throws: DomainError.self) { try Pipeline(lines: "engaged | Engaged\noffer | Offer") }
        #expect(throws: DomainError.self) { try Pipeline(lines: "closed | Closed") }
    }
}
