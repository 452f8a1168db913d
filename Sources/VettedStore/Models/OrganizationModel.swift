import FluentKit
import Foundation
import VettedDomain

/// An organization: the operator that owns the talent pool, or a client.
public final class OrganizationModel: Model, @unchecked Sendable {
    public static let schema = "organizations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "kind") public var kind: String
    @Field(key: "version") public var version: Int
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(id: OrganizationID = .init(), name: String, kind: OrganizationKind) {
        self.id = id.rawValue
        self.name = name
        self.kind = kind.rawValue
        self.version = 1
    }

    public var typedID: OrganizationID { .init(id!) }
    public var organizationKind: OrganizationKind { OrganizationKind(rawValue: kind) ?? .client }
}
