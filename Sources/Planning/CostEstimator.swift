import Foundation
import VettedDomain

/// What a role costs: hourly band and total for its hours, low / expected / high, in cents.
public struct CostEstimate: Sendable, Equatable, Codable {
    public let currency: String
    public let hours: Int
    public let hourlyCents: RateBand
    public let totalCents: RateBand
    public let sources: [String]
}

/// An employee for the same work: salary with overhead for the weeks, plus recruiting.
public struct InHouseCost: Sendable, Equatable, Codable {
    public let annualSalaryCents: Int
    public let overheadPerMille: Int
    public let recruitingCents: Int
    public let weeksToHire: Int
    public let totalCents: Int
    public let sources: [String]
}

public struct EstimateRequest: Sendable, Equatable {
    public var category: RoleCategory
    public var level: Seniority
    public var location: WorkLocation
    public var hoursPerWeek: Int
    public var weeks: Int
    public var complexity: Complexity = .standard
    public var model: EngagementModel = .dedicated
    /// Hybrid only: the share of hours worked locally, in percent.
    public var localSharePercent: Int = 30
    public var region: ClientRegion = .us

    public init(category: RoleCategory, level: Seniority, location: WorkLocation, hoursPerWeek: Int, weeks: Int) {
        self.category = category
        self.level = level
        self.location = location
        self.hoursPerWeek = hoursPerWeek
        self.weeks = weeks
    }
}

/// Turns a rate card and a role's shape into an estimate. Integer cents throughout;
/// multipliers are per mille and round half up, so the same inputs give the same cents.
public struct CostEstimator: Sendable {
    public let card: RateCard

    public init(card: RateCard = .standard) { self.card = card }

    public func estimate(_ request: EstimateRequest) throws(DomainError) -> CostEstimate {
        guard (1...80).contains(request.hoursPerWeek) else {
            throw .invalid(field: "hoursPerWeek", message: "hours-per-week must be between 1 and 80; got \(request.hoursPerWeek)")
        }
        guard (1...520).contains(request.weeks) else {
            throw .invalid(field: "weeks", message: "weeks must be between 1 and 520; got \(request.weeks)")
        }
        guard (0...100).contains(request.localSharePercent) else {
            throw .invalid(field: "localShare", message: "local-share must be a percentage from 0 to 100; got \(request.localSharePercent)")
        }
        var sources: [String] = []
        // The guide has no lead band: a lead is priced as a senior, and says so.
        let level: Seniority = request.level == .lead ? .senior : request.level
        if request.level == .lead { sources.append("lead priced with the senior band (the guide has no lead band)") }

        let offshore = offshoreBand(category: request.category, level: level, sources: &sources)
        var band: RateBand
        switch request.location {
        case .offshore:
            band = offshore
        case .nearshore, .local:
            band = try marketBand(request.location, region: request.region, level: level, category: request.category, sources: &sources)
        case .hybrid:
            let local = try marketBand(.local, region: request.region, level: level, category: request.category, sources: &sources)
            let share = request.localSharePercent
            func mix(_ a: Int, _ b: Int) -> Int { Self.round(a * (100 - share) + b * share, dividedBy: 100) }
            band = RateBand(low: mix(offshore.low, local.low), expected: mix(offshore.expected, local.expected), high: mix(offshore.high, local.high))
            sources.append("hybrid: \(100 - share)% offshore, \(share)% local hours")
        }
        let complexity = card.complexity[request.complexity] ?? 1000
        let model = card.model[request.model] ?? 1000
        if complexity != 1000 { sources.append("complexity \(request.complexity.rawValue): ×\(Self.factor(complexity)) (Vetted default, docs/rate-card.md)") }
        if model != 1000 { sources.append("model \(request.model.rawValue): ×\(Self.factor(model)) (Vetted default, docs/rate-card.md)") }
        func adjust(_ cents: Int) -> Int { Self.round(Self.round(cents * complexity, dividedBy: 1000) * model, dividedBy: 1000) }
        band = RateBand(low: adjust(band.low), expected: adjust(band.expected), high: adjust(band.high))

        let hours = request.hoursPerWeek * request.weeks
        return CostEstimate(currency: "USD", hours: hours, hourlyCents: band,
                            totalCents: RateBand(low: band.low * hours, expected: band.expected * hours, high: band.high * hours),
                            sources: sources)
    }

    func offshoreBand(category: RoleCategory, level: Seniority, sources: inout [String]) -> RateBand {
        let (low, high) = card.offshoreBands[level] ?? (6000, 12000)
        let position = card.expectedPosition[category] ?? 500
        sources.append("offshore \(level.rawValue) band \(low)–\(high) cents/h: hiring guide")
        sources.append("expected at \(position / 10)% of the band for \(category.rawValue): Vetted default (the guide: AI/ML costs more than basic backend)")
        return RateBand(low: low, expected: low + Self.round((high - low) * position, dividedBy: 1000), high: high)
    }

    func marketBand(_ location: WorkLocation, region: ClientRegion, level: Seniority, category: RoleCategory, sources: inout [String]) throws(DomainError) -> RateBand {
        let group = switch (location, region) {
        case (.local, .us): "local-us"
        case (.local, .eu): "local-eu-west"
        case (_, .us): "nearshore-us"
        case (_, .eu): "nearshore-eu"
        }
        guard let cell = card.marketCell(location: group, level: level, category: category) else {
            throw .invalid(field: "location", message: "the rate card has no \(group) figures for \(level.rawValue) \(category.rawValue)")
        }
        var note = "\(group) \(level.rawValue) \(category.rawValue): p25/median/p75 of \(cell.n) salaries"
        if let fallback = cell.fallback { note += ", too few; used \(fallback.location) \(fallback.level) \(fallback.specialty) (\(fallback.n))" }
        sources.append(note + " — " + card.marketSource)
        return RateBand(low: cell.p25Cents, expected: cell.medianCents, high: cell.p75Cents)
    }

    /// What an employee costs for the same weeks: the local median salary for the level and
    /// category, with employer overhead, plus a recruiting fee; and how long hiring takes.
    public func inHouse(category: RoleCategory, level: Seniority, weeks: Int, region: ClientRegion = .us) throws(DomainError) -> InHouseCost {
        guard (1...520).contains(weeks) else { throw .invalid(field: "weeks", message: "weeks must be between 1 and 520; got \(weeks)") }
        let level: Seniority = level == .lead ? .senior : level
        let group = region == .us ? "local-us" : "local-eu-west"
        guard let cell = card.marketCell(location: group, level: level, category: category) else {
            throw .invalid(field: "level", message: "the rate card has no \(group) salary for \(level.rawValue) \(category.rawValue)")
        }
        // The survey cells are contractor-loaded hourly rates (salary / 2080 × 1.3): undo the loading.
        let salary = Self.round(cell.medianCents * 2080 * 1000, dividedBy: 1300)
        let employed = Self.round(Self.round(salary * card.inHouseOverhead, dividedBy: 1000) * weeks, dividedBy: 52)
        let recruiting = Self.round(salary * card.recruitingFee, dividedBy: 1000)
        return InHouseCost(annualSalaryCents: salary, overheadPerMille: card.inHouseOverhead, recruitingCents: recruiting,
                           weeksToHire: card.weeksToHire, totalCents: employed + recruiting,
                           sources: ["\(group) \(level.rawValue) \(category.rawValue) median salary from \(cell.n) reports — \(card.marketSource)",
                                     "overhead ×\(Self.factor(card.inHouseOverhead)), recruiting \(card.recruitingFee / 10)% of a year's salary, \(card.weeksToHire) weeks to hire: Vetted defaults (docs/rate-card.md)"])
    }

    static func round(_ value: Int, dividedBy divisor: Int) -> Int { (value + divisor / 2) / divisor }
    static func factor(_ perMille: Int) -> String { String(format: "%.2f", Double(perMille) / 1000) }
}
