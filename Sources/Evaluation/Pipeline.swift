import VettedDomain

/// One column of a role's pipeline. `key` is what applications store; `required` stages
/// may only be skipped with a recorded override.
public struct PipelineStage: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var required: Bool

    public init(key: String, name: String, required: Bool = true) {
        self.key = key
        self.name = name
        self.required = required
    }
}

/// An ordered list of stages. `closed` is not a column: any candidate can be closed from
/// any stage with a reason. The keys `offer` and `engaged` keep their meaning in every
/// template, because offers and engagements hang off them.
public struct Pipeline: Codable, Sendable, Equatable {
    public static let closed = "closed"
    public static let offer = ApplicationStage.offer.rawValue
    public static let engaged = ApplicationStage.engaged.rawValue
    public static let paidTrial = ApplicationStage.paidTrial.rawValue

    public var stages: [PipelineStage]

    public init(stages: [PipelineStage]) throws(DomainError) {
        guard !stages.isEmpty else { throw .invalid(field: "stages", message: "a pipeline needs at least one stage") }
        var seen = Set<String>()
        for (index, stage) in stages.enumerated() {
            let line = "stage \(index + 1)"
            guard stage.key.range(of: "^[a-z][a-z0-9-]{0,39}$", options: .regularExpression) != nil else {
                throw .invalid(field: "stages", message: "\(line): key '\(stage.key)' must be lower-case letters, digits and dashes, starting with a letter")
            }
            guard stage.key != Self.closed else { throw .invalid(field: "stages", message: "\(line): 'closed' is built in; every pipeline can close a candidate") }
            guard !stage.name.trimmed.isEmpty else { throw .invalid(field: "stages", message: "\(line): a stage needs a name") }
            guard seen.insert(stage.key).inserted else { throw .invalid(field: "stages", message: "\(line): key '\(stage.key)' appears twice") }
        }
        if let offer = stages.firstIndex(where: { $0.key == Self.offer }), let engaged = stages.firstIndex(where: { $0.key == Self.engaged }), engaged < offer {
            throw .invalid(field: "stages", message: "'engaged' must come after 'offer'")
        }
        self.stages = stages
    }

    /// The guide's steps 5 to 10: sourced, screen, fundamentals, project test,
    /// communication, paid trial, offer, engaged.
    public static let standard = try! Pipeline(stages: [
        .init(key: "sourced", name: "Sourced"),
        .init(key: "screen", name: "Screen"),
        .init(key: "fundamentals", name: "Fundamentals"),
        .init(key: "project-test", name: "Project test"),
        .init(key: "communication", name: "Communication"),
        .init(key: "paid-trial", name: "Paid trial"),
        .init(key: "offer", name: "Offer"),
        .init(key: "engaged", name: "Engaged"),
    ])

    public func index(of key: String) -> Int? { stages.firstIndex { $0.key == key } }
    public func stage(_ key: String) -> PipelineStage? { stages.first { $0.key == key } }
    public func name(of key: String) -> String { key == Self.closed ? "Closed" : stage(key)?.name ?? key }

    /// Written one stage per line as `key | Name` with an optional `| optional`, the form
    /// the template editor shows.
    public init(lines text: String) throws(DomainError) {
        var stages: [PipelineStage] = []
        for (number, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = String(raw).trimmed
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
            guard parts.count == 2 || parts.count == 3 else {
                throw .invalid(field: "stages", message: "line \(number + 1): write 'key | Name' or 'key | Name | optional'; got '\(line)'")
            }
            if parts.count == 3, parts[2].lowercased() != "optional", parts[2].lowercased() != "required" {
                throw .invalid(field: "stages", message: "line \(number + 1): the third part must be 'optional' or 'required'; got '\(parts[2])'")
            }
            stages.append(PipelineStage(key: parts[0].lowercased(), name: parts[1], required: parts.count == 2 || parts[2].lowercased() == "required"))
        }
        try self.init(stages: stages)
    }

    public var lines: String {
        stages.map { "\($0.key) | \($0.name)\($0.required ? "" : " | optional")" }.joined(separator: "\n")
    }
}
