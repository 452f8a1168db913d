import Foundation
import VettedDomain

/// What the advisor needs to know about a role. Everything a brief already holds.
public struct AdvisorRequest: Sendable, Equatable {
    public var category: RoleCategory
    public var level: Seniority
    public var durationWeeks: Int
    public var hoursPerWeek: Int
    /// Days from today until the work must start; 0 = now.
    public var daysUntilStart: Int
    /// The client must own what is built.
    public var clientOwnsIP: Bool
    /// The deliverables are written down and the scope is fixed.
    public var fixedScope: Bool
    /// Hours a day the developer must share with the client.
    public var overlapHours: Int
    public var budgetHourlyCents: Int?
    public var region: ClientRegion = .us

    public init(category: RoleCategory, level: Seniority, durationWeeks: Int, hoursPerWeek: Int, daysUntilStart: Int,
                clientOwnsIP: Bool, fixedScope: Bool, overlapHours: Int, budgetHourlyCents: Int?) {
        self.category = category
        self.level = level
        self.durationWeeks = durationWeeks
        self.hoursPerWeek = hoursPerWeek
        self.daysUntilStart = daysUntilStart
        self.clientOwnsIP = clientOwnsIP
        self.fixedScope = fixedScope
        self.overlapHours = overlapHours
        self.budgetHourlyCents = budgetHourlyCents
    }
}

/// One ranked option with the points each factor gave it.
public struct AdvisedOption: Sendable, Equatable, Codable {
    public struct Factor: Sendable, Equatable, Codable {
        public let factor: String
        public let points: Int
        public let why: String
    }

    public let option: String
    public let score: Int
    public let factors: [Factor]
    /// Engagements only: how soon work can start (the guide's FAQ).
    public let timeToStart: String?
}

public struct HiringAdvice: Sendable, Equatable, Codable {
    public let engagement: [AdvisedOption]
    public let location: [AdvisedOption]
    /// Full-time from 35 hours a week.
    public let fullTime: Bool
    public let budgetClass: String
}

/// Ranks the guide's two separate choices — the engagement (freelancer, dedicated,
/// in-house, project-based) and the location (offshore, nearshore, local, hybrid) — from
/// the role's duration, hours, budget, control and IP needs, urgency and overlap. The
/// points are written down in docs/advisor.md; ties keep the order of the lists below.
public struct HiringModelAdvisor: Sendable {
    let estimator: CostEstimator

    public init(estimator: CostEstimator = CostEstimator()) { self.estimator = estimator }

    static let engagements: [EngagementModel] = [.freelancer, .dedicated, .project, .inHouse]
    static let locations: [WorkLocation] = [.offshore, .nearshore, .hybrid, .local]

    public static func timeToStart(_ model: EngagementModel) -> String {
        switch model {
        case .freelancer: "immediately"
        case .dedicated: "within days"
        case .project: "1–2 weeks (scoping first)"
        case .inHouse: "weeks to months (recruiting)"
        }
    }

    public func advise(_ r: AdvisorRequest) throws(DomainError) -> HiringAdvice {
        guard r.durationWeeks >= 1 else { throw .invalid(field: "durationWeeks", message: "durationWeeks must be at least 1; got \(r.durationWeeks)") }
        guard (1...80).contains(r.hoursPerWeek) else { throw .invalid(field: "hoursPerWeek", message: "hoursPerWeek must be between 1 and 80; got \(r.hoursPerWeek)") }
        guard r.daysUntilStart >= 0 else { throw .invalid(field: "startDate", message: "the start date is in the past") }
        guard (0...24).contains(r.overlapHours) else { throw .invalid(field: "overlapHours", message: "overlapHours must be between 0 and 24; got \(r.overlapHours)") }
        if let budget = r.budgetHourlyCents, budget < 0 { throw .invalid(field: "budgetHourlyCents", message: "budget must not be negative; got \(budget)") }
        let budget = try budgetClass(r)

        var engagement: [EngagementModel: [AdvisedOption.Factor]] = [:]
        func e(_ model: EngagementModel, _ factor: String, _ points: Int, _ why: String) {
            if points != 0 { engagement[model, default: []].append(.init(factor: factor, points: points, why: why)) }
        }
        // Duration.
        switch r.durationWeeks {
        case ...4:
            e(.freelancer, "duration", 3, "\(r.durationWeeks) weeks is a short engagement"); e(.project, "duration", 2, "short and bounded")
            e(.inHouse, "duration", -3, "hiring an employee for \(r.durationWeeks) weeks does not pay off")
        case 5...26:
            e(.dedicated, "duration", 2, "months of steady work"); e(.project, "duration", 2, "fits a defined project")
            e(.freelancer, "duration", 1, "possible for a few months"); e(.inHouse, "duration", -1, "short for an employee")
        case 27...52:
            e(.dedicated, "duration", 3, "a long engagement with one developer"); e(.inHouse, "duration", 2, "long enough for an employee")
            e(.freelancer, "duration", -1, "freelancers rotate over a year")
        default:
            e(.inHouse, "duration", 3, "more than a year: core team"); e(.dedicated, "duration", 3, "more than a year with one developer")
            e(.freelancer, "duration", -2, "too long for a freelancer"); e(.project, "duration", -1, "an ongoing product, not a project")
        }
        // Hours per week.
        switch r.hoursPerWeek {
        case ..<20:
            e(.freelancer, "hours", 2, "\(r.hoursPerWeek) h/week is part-time"); e(.project, "hours", 1, "part-time fits a project")
            e(.dedicated, "hours", -1, "dedicated developers work full weeks"); e(.inHouse, "hours", -2, "part-time employees are rare")
        case 20..<35:
            e(.freelancer, "hours", 1, "part-time"); e(.dedicated, "hours", 1, "a large share of a week")
        default:
            e(.dedicated, "hours", 1, "full-time"); e(.inHouse, "hours", 1, "full-time")
        }
        // Control and IP.
        if r.clientOwnsIP && r.durationWeeks > 26 {
            e(.inHouse, "control and IP", 3, "a long-lived product whose IP the client must own"); e(.dedicated, "control and IP", 2, "a contract assigns IP; day-to-day control stays with the client")
            e(.freelancer, "control and IP", -2, "least control over a core product")
        } else if r.clientOwnsIP {
            e(.dedicated, "control and IP", 1, "IP assigned by contract"); e(.project, "control and IP", 1, "IP assigned at delivery")
        }
        if r.fixedScope && r.durationWeeks <= 26 {
            e(.project, "scope", 3, "deliverables are written down: price and deliver them as a project")
        }
        // Urgency (the guide's FAQ on time to start).
        switch r.daysUntilStart {
        case ...7:
            e(.freelancer, "urgency", 3, "starts in \(r.daysUntilStart) days: freelancers start immediately"); e(.dedicated, "urgency", 1, "dedicated developers start within days")
            e(.inHouse, "urgency", -3, "in-house hiring takes weeks to months")
        case 8...30:
            e(.freelancer, "urgency", 1, "starts within a month"); e(.dedicated, "urgency", 1, "starts within a month"); e(.inHouse, "urgency", -1, "a month is short for hiring")
        default: break
        }
        // Budget.
        switch budget {
        case "low":
            e(.freelancer, "budget", 1, "a tight hourly budget"); e(.inHouse, "budget", -2, "salary, overhead and recruiting exceed a tight budget")
        case "high":
            e(.inHouse, "budget", 1, "the budget allows local salaries")
        default: break
        }

        var location: [WorkLocation: [AdvisedOption.Factor]] = [:]
        func l(_ place: WorkLocation, _ factor: String, _ points: Int, _ why: String) {
            if points != 0 { location[place, default: []].append(.init(factor: factor, points: points, why: why)) }
        }
        switch r.overlapHours {
        case 6...:
            l(.local, "overlap", 3, "\(r.overlapHours) h of overlap a day means the same or an adjacent zone"); l(.nearshore, "overlap", 2, "nearby zones overlap most of the day")
            l(.hybrid, "overlap", 1, "the local part covers the overlap"); l(.offshore, "overlap", -2, "distant zones cannot share \(r.overlapHours) h a day")
        case 3...5:
            l(.nearshore, "overlap", 2, "\(r.overlapHours) h of overlap suits nearby zones"); l(.local, "overlap", 1, "full overlap"); l(.hybrid, "overlap", 1, "the local part covers the overlap")
        default:
            l(.offshore, "overlap", 2, "little overlap needed: any zone works"); l(.nearshore, "overlap", 1, "little overlap needed")
        }
        switch budget {
        case "low":
            l(.offshore, "budget", 3, "offshore rates fit a tight budget"); l(.nearshore, "budget", 2, "nearshore rates are close to offshore")
            l(.hybrid, "budget", 1, "mostly offshore hours"); l(.local, "budget", -2, "local rates exceed the budget")
        case "high":
            l(.local, "budget", 1, "the budget allows local rates"); l(.hybrid, "budget", 1, "the budget allows a local lead")
        default:
            l(.nearshore, "budget", 1, "a middle budget"); l(.offshore, "budget", 1, "a middle budget"); l(.hybrid, "budget", 1, "a middle budget")
        }
        if r.clientOwnsIP && r.durationWeeks > 26 {
            l(.local, "control and IP", 1, "same jurisdiction for IP"); l(.hybrid, "control and IP", 1, "a local lead keeps control")
        }

        func ranked<K>(_ keys: [K], _ factors: [K: [AdvisedOption.Factor]], name: (K) -> String, start: (K) -> String?) -> [AdvisedOption] {
            keys.enumerated().map { index, key in
                (index, AdvisedOption(option: name(key), score: factors[key, default: []].reduce(0) { $0 + $1.points }, factors: factors[key, default: []], timeToStart: start(key)))
            }
            .sorted { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0 < $1.0 }
            .map(\.1)
        }
        return HiringAdvice(
            engagement: ranked(Self.engagements, engagement, name: \.rawValue, start: Self.timeToStart),
            location: ranked(Self.locations, location, name: \.rawValue, start: { _ in nil }),
            fullTime: r.hoursPerWeek >= 35, budgetClass: budget)
    }

    /// "low" at or under the offshore expected rate, "high" at or over the local expected
    /// rate, "medium" between; "medium" when the role has no hourly budget.
    func budgetClass(_ r: AdvisorRequest) throws(DomainError) -> String {
        guard let budget = r.budgetHourlyCents else { return "medium" }
        var request = EstimateRequest(category: r.category, level: r.level, location: .offshore, hoursPerWeek: r.hoursPerWeek, weeks: r.durationWeeks > 520 ? 520 : r.durationWeeks)
        request.region = r.region
        let offshore = try estimator.estimate(request).hourlyCents.expected
        request.location = .local
        let local = try estimator.estimate(request).hourlyCents.expected
        return budget <= offshore ? "low" : budget >= local ? "high" : "medium"
    }
}
