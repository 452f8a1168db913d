import Fluent
import Foundation
import Planning
import VettedDomain
import VettedStore

/// An organization's rate card: the shipped defaults until an admin saves a version.
enum OrganizationRateCard {
    static func current(_ organizationID: OrganizationID, on db: any Database) async throws -> (settings: RateCardSettings, version: Int) {
        guard let latest = try await RateCardWrites.latest(organizationID, on: db),
              let settings = try? JSONDecoder().decode(RateCardSettings.self, from: Data(latest.settings.utf8))
        else { return (.defaults, 0) }
        return (settings, latest.version)
    }

    static func card(_ organizationID: OrganizationID, on db: any Database) async throws -> RateCard {
        RateCard.standard.applying(try await current(organizationID, on: db).settings)
    }

    static func save(_ settings: RateCardSettings, expectedVersion: Int?, scope: TenantScope, on db: any Database) async throws -> Int {
        try settings.validate()
        let before = try await current(scope.organizationID, on: db).settings
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        return try await RateCardWrites.save(settings: json, expectedVersion: expectedVersion, before: snapshot(before), after: snapshot(settings),
                                             scope: scope, on: db).version
    }

    static func snapshot(_ s: RateCardSettings) -> AuditSnapshot {
        ["junior": "\(s.junior.lowCents)–\(s.junior.highCents)", "mid": "\(s.mid.lowCents)–\(s.mid.highCents)",
         "senior": "\(s.senior.lowCents)–\(s.senior.highCents)",
         "expected": "ai-ml \(s.expectedAIML), data-science \(s.expectedDataScience), backend \(s.expectedBackend)",
         "complexity": "basic \(s.complexityBasic), complex \(s.complexityComplex)",
         "model": "freelancer \(s.modelFreelancer), project \(s.modelProject), in-house \(s.modelInHouse)",
         "inHouse": "overhead \(s.inHouseOverhead), recruiting \(s.recruitingFee), weeks \(s.weeksToHire)"]
    }
}
