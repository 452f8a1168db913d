import Evaluation
import Fluent
import Taxonomy
import Vapor
import VettedDomain
import VettedStore

/// The interview kits of an application's stages, built from the role's checklist, and the
/// panel as one caller may see it. The pages and the API both read through here, so the
/// independence rule is applied once.
enum ScorecardKits {
    /// Stages that are interviews or reviews; sourcing, the offer and the engagement are not scored.
    static func scoredStages(_ pipeline: Pipeline = .standard) -> [PipelineStage] {
        pipeline.stages.filter { ![ApplicationStage.sourced.rawValue, Pipeline.offer, Pipeline.engaged].contains($0.key) }
    }

    static func kit(for application: ApplicationModel, stage: String, on db: any Database) async throws -> InterviewKit {
        let stages = scoredStages(try await application.$role.get(on: db).pipeline)
        guard let found = stages.first(where: { $0.key == stage }) else {
            throw DomainError.invalid(field: "stage", message: "'\(stage)' is not a scored stage; choose one of \(stages.map(\.key).joined(separator: ", "))")
        }
        let checklist = try await ChecklistWrites.current(of: RoleID(application.$role.id), on: db).filter(\.mustHave)
        let taxonomy = Taxonomy.standard
        return InterviewKit.build(stage: found.key, stageName: found.name,
                                  checklist: checklist.map { ($0.skillId, taxonomy.skill($0.skillId)?.name ?? $0.skillId) })
    }

    struct StagePanel: Content {
        var stage: String
        var name: String
        var reached: Bool
        var submitted: Int
        var submittedByYou: Bool
        var revealedToYou: Bool
        /// Whether this caller may read the scores: after scoring the stage, or after revealing it.
        var visible: Bool
        var scorecards: [ScorecardDTO]
        var decision: PanelDecision?
    }

    struct Panel: Content {
        var applicationId: String
        var candidate: String
        var blind: Bool
        var stages: [StagePanel]
        /// The panel's decision over every scorecard this caller may read.
        var decision: PanelDecision
    }

    static func panel(_ application: ApplicationModel, scope: TenantScope, on db: any Database) async throws -> Panel {
        let role = try await application.$role.get(on: db)
        let candidate = try await application.$candidate.get(on: db)
        let cards = try await ScorecardWrites.all(of: application, scope: scope, on: db)
        let visible = try await ScorecardWrites.visibleStages(of: application, scope: scope, on: db)
        let revealed = try await ScorecardWrites.revealedStages(of: application, scope: scope, on: db)
        let reached = Set(try await ApplicationWrites.history(application, on: db).map(\.toStage)).union([application.stage])
        let leniency = try await ScorecardWrites.leniency(organizationID: application.$organization.id, on: db)
        var shown: [ScorecardEntry] = []
        var stages: [StagePanel] = []
        for stage in scoredStages(role.pipeline) {
            let here = cards.filter { $0.stage == stage.key }
            let canRead = visible.contains(stage.key)
            let entries = canRead ? try here.map { try $0.entry() } : []
            shown += entries
            stages.append(StagePanel(stage: stage.key, name: stage.name, reached: reached.contains(stage.key), submitted: here.count,
                                     submittedByYou: here.contains { $0.reviewerID == scope.userID.rawValue },
                                     revealedToYou: revealed.contains(stage.key), visible: canRead,
                                     scorecards: canRead ? try here.map(ScorecardDTO.init) : [],
                                     decision: canRead && !entries.isEmpty ? PanelDecision(entries: entries, leniency: leniency) : nil))
        }
        return Panel(applicationId: application.typedID.description,
                     candidate: role.blindReview ? ScorecardWrites.alias(application) : candidate.fullName,
                     blind: role.blindReview, stages: stages, decision: PanelDecision(entries: shown, leniency: leniency))
    }
}

/// A submitted scorecard as the API and the panel show it.
struct ScorecardDTO: Content {
    let id: String
    let applicationId: String
    let stage: String
    let reviewer: String
    let recommendation: String
    let scores: [ScorecardEntry.Score]
    let meanRating: Double
    let notes: String
    let blind: Bool
    let submittedAt: Date

    init(_ card: ScorecardModel) throws {
        let entry = try card.entry()
        id = card.id!.uuidString.lowercased()
        applicationId = card.$application.id.uuidString.lowercased()
        stage = card.stage
        reviewer = card.reviewerLabel
        recommendation = card.recommendation
        scores = entry.scores
        meanRating = (entry.meanRating * 100).rounded() / 100
        notes = card.notes
        blind = card.blind
        submittedAt = card.submittedAt
    }
}
