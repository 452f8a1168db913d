import Foundation
import VettedDomain

/// Where the developer works, relative to the client.
public enum WorkLocation: String, Vocabulary {
    case offshore, nearshore, local, hybrid
}

/// The client's region: which countries are "local" and which "nearshore".
public enum ClientRegion: String, Vocabulary {
    case us, eu

    /// A client in a European zone compares with European salaries; everyone else with US ones
    /// (the survey's two deep local markets).
    public init(zone: ZoneName) {
        self = zone.identifier.hasPrefix("Europe/") ? .eu : .us
    }
}

public enum Complexity: String, Vocabulary {
    case basic, standard, complex
}

/// Hourly rates in cents: a band and the point inside it we expect.
public struct RateBand: Sendable, Equatable, Codable {
    public let low: Int
    public let expected: Int
    public let high: Int

    public init(low: Int, expected: Int, high: Int) {
        self.low = low
        self.expected = expected
        self.high = high
    }

    /// Where a rate falls against this band.
    public func place(_ cents: Int) -> Placement {
        cents < low ? .below : cents > high ? .above : .within
    }

    public enum Placement: String, Sendable, Codable { case below, within, above }
}

/// The rate card: the guide's offshore bands, the market figures for local and nearshore
/// work derived from the salary survey, and the adjustments for complexity and model. Every
/// number carries the source it came from (see docs/rate-card.md).
public struct RateCard: Sendable {
    public struct MarketCell: Sendable, Codable, Equatable {
        public let location: String
        public let level: String
        public let specialty: String
        public let n: Int
        public let p25Cents: Int
        public let medianCents: Int
        public let p75Cents: Int
        public let fallback: Fallback?

        public struct Fallback: Sendable, Codable, Equatable {
            public let location: String
            public let level: String
            public let specialty: String
            public let n: Int
        }
    }

    /// The guide's table: offshore, every category (junior, mid, senior).
    public var offshoreBands: [Seniority: (low: Int, high: Int)]
    /// Where inside the guide's band each category's expected rate sits, in per mille:
    /// the guide says AI/ML work costs more than basic backend work.
    public var expectedPosition: [RoleCategory: Int]
    /// Multipliers in per mille.
    public var complexity: [Complexity: Int]
    public var model: [EngagementModel: Int]
    public var market: [MarketCell]
    public var marketSource: String
    /// Survey location groups: "offshore" → ["IN", "PK", …].
    public var locationGroups: [String: [String]]
    /// In-house cost: employer overhead on salary (per mille), recruiting fee (per mille of
    /// one year's salary) and weeks to hire. Sources in docs/rate-card.md.
    public var inHouseOverhead = 1300
    public var recruitingFee = 200
    public var weeksToHire = 8

    /// The card Vetted ships: the guide's bands and the survey cells bundled with the module.
    public static let standard: RateCard = {
        do {
            return try RateCard(marketData: Data(contentsOf: Bundle.module.url(forResource: "ratecard-data", withExtension: "json")!))
        } catch {
            preconditionFailure("the bundled rate card data is unreadable: \(error)")
        }
    }()

    public init(marketData: Data) throws {
        struct File: Decodable {
            struct Source: Decodable { let dataset: String; let license: String; let commit: String; let hourly: String }
            let source: Source
            let cells: [MarketCell]
            let locationGroups: [String: [String]]
        }
        let file = try JSONDecoder().decode(File.self, from: marketData)
        offshoreBands = [.junior: (1500, 3000), .mid: (3000, 6000), .senior: (6000, 12000)]
        expectedPosition = [.aiML: 600, .dataScience: 500, .backend: 400]
        complexity = [.basic: 900, .standard: 1000, .complex: 1250]
        model = [.freelancer: 1100, .dedicated: 1000, .project: 1150, .inHouse: 1250]
        market = file.cells
        locationGroups = file.locationGroups
        marketSource = "\(file.source.dataset), \(file.source.license), commit \(file.source.commit); hourly = \(file.source.hourly)"
    }

    func marketCell(location: String, level: Seniority, category: RoleCategory) -> MarketCell? {
        market.first { $0.location == location && $0.level == level.rawValue && $0.specialty == category.rawValue }
    }

    /// The band a developer living in `country` is compared with: the guide's band offshore,
    /// the survey's p25–p75 elsewhere. nil for countries outside every group.
    public func band(forCountry country: String, level: Seniority) -> (group: String, band: RateBand)? {
        let level: Seniority = level == .lead ? .senior : level
        guard let group = locationGroups.first(where: { $0.value.contains(country.uppercased()) })?.key else { return nil }
        if group == "offshore", let (low, high) = offshoreBands[level] {
            return (group, RateBand(low: low, expected: (low + high) / 2, high: high))
        }
        guard let cell = market.first(where: { $0.location == group && $0.level == level.rawValue && $0.specialty == "all" }) else { return nil }
        return (group, RateBand(low: cell.p25Cents, expected: cell.medianCents, high: cell.p75Cents))
    }
}
