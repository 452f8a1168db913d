import FluentKit
import Foundation

/// A named pipeline an organization starts its roles from.
public final class PipelineTemplateModel: Model, @unchecked Sendable {
    public static let schema = "pipeline_templates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "stages") public var stages: String
    @Field(key: "updated_by") public var updatedBy: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
