import Foundation

/// A UUID that knows what it identifies, so a role id cannot be passed where a
/// candidate id is expected.
public struct TypedID<Tag>: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID) { self.rawValue = rawValue }

    /// A new random (version 4) id.
    public init() { self.rawValue = UUID() }

    /// Parses an id from its string form; nil when it is not a UUID.
    public init?(string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.rawValue = uuid
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue.uuidString.lowercased() }
}

/// Tags for the typed ids. Empty enums: they exist only as type parameters.
public enum OrganizationTag {}
public enum UserTag {}
public enum MembershipTag {}
public enum RoleTag {}
public enum CandidateTag {}
public enum ApplicationTag {}
public enum APITokenTag {}
public enum AuditEventTag {}
public enum OfferTag {}
public enum InterviewTag {}
public enum TrialTag {}

public typealias OrganizationID = TypedID<OrganizationTag>
public typealias UserID = TypedID<UserTag>
public typealias MembershipID = TypedID<MembershipTag>
public typealias RoleID = TypedID<RoleTag>
public typealias CandidateID = TypedID<CandidateTag>
public typealias ApplicationID = TypedID<ApplicationTag>
public typealias APITokenID = TypedID<APITokenTag>
public typealias AuditEventID = TypedID<AuditEventTag>
public typealias OfferID = TypedID<OfferTag>
public typealias InterviewID = TypedID<InterviewTag>
public typealias TrialID = TypedID<TrialTag>
