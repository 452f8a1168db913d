import Fluent
import Planning
import Vapor
import VettedDomain
import VettedStore
import WorkingHours

/// The planning engines over HTTP: a role's whole plan, and checklist, estimate and overlap
/// for any input. Computations only: a read token may call them.
struct PlanningAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("roles", ":roleID", "plan", use: rolePlan)
        let planning = routes.grouped("planning")
        planning.post("checklist", use: checklist)
        planning.post("estimate", use: estimate)
        planning.post("overlap", use: overlap)
        routes.get("rate-card", use: rateCard)
        routes.put("rate-card", use: saveRateCard)
    }

    struct RolePlanDTO: Content {
        let roleId: String
        let checklist: Checklist
        let estimates: [String: CostEstimate]
        let advice: HiringAdvice
    }

    func rolePlan(req: Request) async throws -> RolePlanDTO {
        let role = try await req.scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let draft = role.draft
        let request = RoleChecklist.request(for: draft)
        let region: ClientRegion = ClientRegion(zone: draft.timeZone)
        let estimator = CostEstimator(card: try await OrganizationRateCard.card(OrganizationID(role.$organization.id), on: req.db))
        var estimates: [String: CostEstimate] = [:]
        for location in WorkLocation.allCases {
            var estimate = EstimateRequest(category: draft.category, level: draft.seniority, location: location,
                                           hoursPerWeek: draft.hoursPerWeek ?? 40, weeks: draft.durationWeeks ?? 1)
            estimate.region = region
            estimates[location.rawValue] = try estimator.estimate(estimate)
        }
        let advisor = RoleChecklist.advisorRequest(for: draft)
        return RolePlanDTO(roleId: role.typedID.description, checklist: try ChecklistBuilder().build(request),
                           estimates: estimates, advice: try HiringModelAdvisor(estimator: estimator).advise(advisor))
    }

    struct RateCardDTO: Content {
        struct Version: Content { let version: Int; let savedBy: String; let savedAt: Date? }
        let version: Int
        let settings: RateCardSettings
        let history: [Version]
    }

    struct RateCardInput: Content {
        let version: Int?
        let settings: RateCardSettings
    }

    func rateCard(req: Request) async throws -> RateCardDTO {
        let scope = try req.scope
        let (settings, version) = try await OrganizationRateCard.current(scope.organizationID, on: req.db)
        let history = try await RateCardWrites.history(scope.organizationID, on: req.db).map { RateCardDTO.Version(version: $0.version, savedBy: $0.savedBy, savedAt: $0.createdAt) }
        return RateCardDTO(version: version, settings: settings, history: history)
    }

    func saveRateCard(req: Request) async throws -> RateCardDTO {
        let scope = try req.scope
        let input = try req.content.decode(RateCardInput.self)
        _ = try await OrganizationRateCard.save(input.settings, expectedVersion: input.version, scope: scope, on: req.db)
        return try await rateCard(req: req)
    }

    struct ChecklistInput: Content {
        var category: String?
        var specialties: [String]?
        var integrations: [String]?
        var brief: String?
        var seniority: String?
    }

    func checklist(req: Request) async throws -> Checklist {
        let input = try req.content.decode(ChecklistInput.self)
        var request = ChecklistRequest(category: try input.category.map { c throws(DomainError) in try RoleCategory.parse(c, field: "category") })
        request.specialties = input.specialties ?? []
        request.integrations = input.integrations ?? []
        request.summary = input.brief ?? ""
        request.seniority = try Seniority.parse(input.seniority ?? "mid", field: "seniority")
        return try ChecklistBuilder().build(request)
    }

    struct EstimateInput: Content {
        var category: String?
        var level: String?
        var location: String?
        var hoursPerWeek: Int?
        var weeks: Int?
        var complexity: String?
        var model: String?
        var localSharePercent: Int?
        var region: String?
    }

    func estimate(req: Request) async throws -> CostEstimate {
        let input = try req.content.decode(EstimateInput.self)
        guard let hours = input.hoursPerWeek else { throw DomainError.invalid(field: "hoursPerWeek", message: "hoursPerWeek is required") }
        guard let weeks = input.weeks else { throw DomainError.invalid(field: "weeks", message: "weeks is required") }
        var request = EstimateRequest(category: try RoleCategory.parse(input.category ?? "", field: "category"),
                                      level: try Seniority.parse(input.level ?? "", field: "level"),
                                      location: try WorkLocation.parse(input.location ?? "", field: "location"), hoursPerWeek: hours, weeks: weeks)
        request.complexity = try Complexity.parse(input.complexity ?? "standard", field: "complexity")
        request.model = try EngagementModel.parse(input.model ?? "dedicated", field: "model")
        request.localSharePercent = input.localSharePercent ?? 30
        request.region = try ClientRegion.parse(input.region ?? "us", field: "region")
        return try CostEstimator(card: try await OrganizationRateCard.card(try req.scope.organizationID, on: req.db)).estimate(request)
    }

    struct OverlapInput: Content {
        var a: String?
        var b: String?
        var on: String?
        var from: String?
        var to: String?
    }

    func overlap(req: Request) async throws -> Response {
        let input = try req.content.decode(OverlapInput.self)
        let a = try WorkingWindow(input.a ?? "", field: "a")
        let b = try WorkingWindow(input.b ?? "", field: "b")
        if let on = input.on {
            return try await OverlapReport.day(OverlapCalculator.overlap(a, b, on: try LocalDate(on, field: "on"))).encodeResponse(for: req)
        }
        guard let from = input.from, let to = input.to else { throw DomainError.invalid(field: "on", message: "give on, or from and to") }
        return try await OverlapReport.range(try OverlapCalculator.overlap(a, b, from: try LocalDate(from, field: "from"), to: try LocalDate(to, field: "to"))).encodeResponse(for: req)
    }
}

extension Checklist: Content {}
extension RateCardSettings: Content {}
extension CostEstimate: Content {}
extension HiringAdvice: Content {}
extension OverlapReport.DayJSON: Content {}
extension OverlapReport.RangeJSON: Content {}
