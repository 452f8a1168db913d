import VettedDomain

/// How much each factor counts, in whole points. The defaults are written down in
/// docs/matching.md; a role may set its own.
public struct MatchWeights: Sendable, Equatable, Codable {
    public var coverage = 40
    public var niceToHave = 10
    public var seniority = 10
    public var overlap = 15
    public var rate = 15
    public var availability = 5
    public var domain = 3
    public var engagement = 2

    public init() {}

    public static let names = ["coverage", "niceToHave", "seniority", "overlap", "rate", "availability", "domain", "engagement"]

    public var values: [Int] { [coverage, niceToHave, seniority, overlap, rate, availability, domain, engagement] }

    /// Weights from "coverage=50,rate=20" or a dictionary; unnamed factors keep their default.
    public init(_ given: [String: Int]) throws(ValidationFailure) {
        var failure = ValidationFailure()
        for (name, value) in given {
            guard Self.names.contains(name) else {
                failure.add(field: "weights.\(name)", "'\(name)' is not a factor; the factors are \(Self.names.joined(separator: ", "))")
                continue
            }
            guard (0...100).contains(value) else {
                failure.add(field: "weights.\(name)", "a weight is a whole number from 0 to 100; \(name) was \(value)")
                continue
            }
            switch name {
            case "coverage": coverage = value
            case "niceToHave": niceToHave = value
            case "seniority": seniority = value
            case "overlap": overlap = value
            case "rate": rate = value
            case "availability": availability = value
            case "domain": domain = value
            default: engagement = value
            }
        }
        if failure.isEmpty && values.reduce(0, +) == 0 {
            failure.add(field: "weights", "at least one weight must be above 0, or every candidate scores the same")
        }
        try failure.throwIfAny()
    }

    public static func parse(_ text: String) throws(ValidationFailure) -> MatchWeights {
        var given: [String: Int] = [:]
        var failure = ValidationFailure()
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let n = Int(pair[1]) else {
                failure.add(field: "weights", "weights are written factor=points separated by commas, such as coverage=50,rate=20; got '\(part)'")
                continue
            }
            given[pair[0]] = n
        }
        try failure.throwIfAny()
        return try MatchWeights(given)
    }
}
