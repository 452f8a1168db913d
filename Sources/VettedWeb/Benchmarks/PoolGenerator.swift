import Foundation
import PoolImport
import Taxonomy
import VettedDomain
import VettedStore

/// A deterministic, realistic pool as documented-header CSV: skills drawn from the
/// taxonomy by category, zones and rates by region, availability and hours. The same
/// seed gives the same file, so benchmark runs compare like with like.
enum PoolGenerator {
    struct Region {
        let zones: [String]
        let country: String
        let rate: ClosedRange<Int>
    }

    static let regions: [Region] = [
        .init(zones: ["Europe/Warsaw", "Europe/Kyiv", "Europe/Bucharest"], country: "PL", rate: 3_000...7_000),
        .init(zones: ["Asia/Kolkata"], country: "IN", rate: 1_500...4_500),
        .init(zones: ["America/Sao_Paulo", "America/Argentina/Buenos_Aires", "America/Bogota"], country: "BR", rate: 3_000...7_500),
        .init(zones: ["America/New_York", "America/Chicago", "America/Los_Angeles"], country: "US", rate: 7_000...15_000),
        .init(zones: ["Europe/London", "Europe/Berlin", "Europe/Lisbon"], country: "DE", rate: 6_000...12_000),
        .init(zones: ["Asia/Manila", "Asia/Ho_Chi_Minh"], country: "PH", rate: 1_500...4_000),
    ]

    static func csv(rows: Int, seed: UInt64 = 42, taxonomy: Taxonomy = .standard) -> String {
        var rng = SeededGenerator(seed: seed)
        let byCategory = Dictionary(grouping: taxonomy.skills.filter { $0.category.roleCategory != nil }) { $0.category.roleCategory! }
        let categories = RoleCategory.allCases.filter { byCategory[$0] != nil }
        let general = taxonomy.skills.filter { $0.category.roleCategory == nil }
        let first = ["Ada", "Bo", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jun", "Kemi", "Lena", "Mateo", "Nia", "Omar", "Priya"]
        let last = ["Nowak", "Silva", "Kumar", "Okafor", "Ivanova", "Garcia", "Tanaka", "Rossi", "Smith", "Haddad", "Kowal", "Costa"]
        let starts = ["08:00", "09:00", "10:00"]
        var lines = [CandidateCSV.header.joined(separator: ",")]
        lines.reserveCapacity(rows + 1)
        for i in 0..<rows {
            let region = regions[rng.int(0...(regions.count - 1))]
            let zone = region.zones[rng.int(0...(region.zones.count - 1))]
            let category = categories[rng.int(0...(categories.count - 1))]
            let pool = byCategory[category]!
            var skills: [String] = ["python:\(rng.int(2...5))"]
            for _ in 0..<rng.int(3...7) {
                let skill = pool[rng.int(0...(pool.count - 1))]
                let evidence = rng.percent(15) ? "assessment" : rng.percent(25) ? "repository" : "claimed"
                skills.append("\(skill.id):\(rng.int(1...5)):\(evidence)")
            }
            if rng.percent(40) { skills.append(general[rng.int(0...(general.count - 1))].id + ":3") }
            let start = starts[rng.int(0...2)]
            let end = String(format: "%02d:00", Int(start.prefix(2))! + 8)
            let seniority = ["junior", "mid", "senior"][rng.int(0...2)]
            let rate = rng.int(region.rate)
            let available = rng.percent(50) ? "" : String(format: "2026-%02d-%02d", rng.int(1...12), rng.int(1...28))
            let name = "\(first[rng.int(0...(first.count - 1))]) \(last[rng.int(0...(last.count - 1))]) \(i)"
            let fields = [
                "individual", name, "\(category.rawValue) developer", "dev\(i)@pool.example", "", "", region.country, zone, start, end,
                seniority, String(rng.int(1...20)), String(format: "%d.%02d", rate / 100, rate % 100), "USD", available,
                String([20, 30, 40][rng.int(0...2)]), "freelancer;dedicated", "professional", "", "", "", "", "", "", "unvetted",
                skills.joined(separator: "; "), "",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
