import Foundation

/// A closed list of words stored as strings (`ai-ml`, `talent-partner`). Parsing names the
/// field and the allowed values, so a bad value gets an error a user can act on.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {
    /// What people read on a page.
    var label: String { get }
}

extension Vocabulary {
    public static func parse(_ text: String, field: String) throws(DomainError) -> Self {
        // Most values are already exact (an import parses several a row).
        if let value = Self(rawValue: text) ?? Self(rawValue: text.trimmed.lowercased()) { return value }
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        throw .invalid(field: field, message: "\(field) must be one of \(allowed); got '\(text)'")
    }

    public var label: String {
        rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}

/// What a user may do: their member role in an organization (not a job brief).
public enum MemberRole: String, Vocabulary {
    case admin
    case talentPartner = "talent-partner"
    case hiringManager = "hiring-manager"
    case interviewer
}

/// The operator owns the talent pool; clients see only their own roles and pipelines.
public enum OrganizationKind: String, Vocabulary {
    case `operator`
    case client
}

/// The three kinds of Python developer the guide hires for.
public enum RoleCategory: String, Vocabulary {
    case aiML = "ai-ml"
    case dataScience = "data-science"
    case backend

    public var label: String {
        switch self {
        case .aiML: "AI/ML"
        case .dataScience: "Data science"
        case .backend: "Backend"
        }
    }
}

public enum Seniority: String, Vocabulary {
    case junior, mid, senior, lead
}

/// Where a job brief stands.
public enum RoleStatus: String, Vocabulary {
    case draft, open
    case onHold = "on-hold"
    case filled, closed
}

/// Whether the operator has vetted a developer.
public enum VettingStatus: String, Vocabulary {
    case unvetted
    case inReview = "in-review"
    case vetted, rejected
}

/// Where a skill claim comes from, weakest first.
public enum EvidenceSource: String, Vocabulary {
    case claimed, repository, assessment, trial
}

/// How a developer is engaged (the guide's first axis).
public enum EngagementModel: String, Vocabulary {
    case freelancer, dedicated
    case inHouse = "in-house"
    case project
}

public enum EnglishLevel: String, Vocabulary {
    case basic, conversational, professional, native
}

/// An individual developer or a development partner (an agency or team).
public enum CandidateKind: String, Vocabulary {
    case individual, partner
}

/// The default pipeline, as the guide orders the evaluation.
public enum ApplicationStage: String, Vocabulary {
    case sourced, screen, fundamentals
    case projectTest = "project-test"
    case communication
    case paidTrial = "paid-trial"
    case offer, engaged, closed
}

/// What an API token may do: read only, or read and write.
public enum TokenScope: String, Vocabulary {
    case read, write
}

public enum AuditAction: String, Vocabulary {
    case create, update, delete, merge
}

/// What an import does with a batch that has bad rows.
public enum ImportMode: String, Vocabulary {
    /// Commit every valid row in one transaction and report the rest.
    case validRows = "valid-rows"
    /// Commit nothing unless every row is valid.
    case allOrNothing = "all-or-nothing"
}

/// Where a background job is.
public enum JobStatus: String, Vocabulary {
    case queued, running, done, failed
}
