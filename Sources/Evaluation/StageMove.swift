import VettedDomain

/// The rules a move between stages obeys, decided without a database: the caller passes
/// what it knows about the application.
public enum StageMove {
    public struct Facts: Sendable {
        /// Every stage key the application has been in, the current one included.
        public var visited: Set<String>
        public var hasAcceptedOffer: Bool
        public init(visited: Set<String>, hasAcceptedOffer: Bool = false) {
            self.visited = visited
            self.hasAcceptedOffer = hasAcceptedOffer
        }
    }

    public struct Request: Sendable {
        public var from: String
        public var to: String
        public var reason: String?
        public var override: String?
        public init(from: String, to: String, reason: String? = nil, override: String? = nil) {
            self.from = from
            self.to = to
            self.reason = reason
            self.override = override
        }
    }

    public struct Outcome: Sendable, Equatable {
        /// Required stages passed over, recorded with the override.
        public var skipped: [String]
        public var reopened: Bool
    }

    public static func check(_ move: Request, in pipeline: Pipeline, facts: Facts) throws(DomainError) -> Outcome {
        let override = move.override?.trimmed ?? ""
        if move.to == Pipeline.closed {
            guard !(move.reason?.trimmed ?? "").isEmpty else {
                throw .invalid(field: "closedReason", message: "a reason is required to close a candidate")
            }
            return Outcome(skipped: [], reopened: false)
        }
        guard let target = pipeline.index(of: move.to) else {
            let keys = (pipeline.stages.map(\.key) + [Pipeline.closed]).joined(separator: ", ")
            throw .invalid(field: "stage", message: "stage must be one of this role's stages (\(keys)); got '\(move.to)'")
        }
        if move.from == Pipeline.closed {
            if move.to == Pipeline.offer || move.to == Pipeline.engaged {
                throw .invalid(field: "stage", message: "a closed candidate cannot be moved to \(pipeline.name(of: move.to)); reopen them at an earlier stage first")
            }
            guard !override.isEmpty else {
                throw .invalid(field: "override", message: "reopening a closed candidate needs an override reason")
            }
            return Outcome(skipped: [], reopened: true)
        }
        if move.to == Pipeline.engaged, !facts.hasAcceptedOffer {
            throw .invalid(field: "stage", message: "a candidate becomes engaged only by accepting an offer")
        }
        let current = pipeline.index(of: move.from) ?? -1
        guard target > current else { return Outcome(skipped: [], reopened: false) }
        let skipped = pipeline.stages[(current + 1)..<target].filter { $0.required && !facts.visited.contains($0.key) }.map(\.key)
        if !skipped.isEmpty, override.isEmpty {
            let names = skipped.map { pipeline.name(of: $0) }.joined(separator: ", ")
            throw .invalid(field: "override", message: "moving to \(pipeline.name(of: move.to)) skips the required stage\(skipped.count == 1 ? "" : "s") \(names); record an override reason to skip")
        }
        return Outcome(skipped: skipped, reopened: false)
    }
}
