import FluentKit
import Foundation

/// One line of a role's saved skill checklist: a taxonomy skill, must-have or nice-to-have,
/// and the reason it is there. Matching reads these.
public final class RoleChecklistItemModel: Model, @unchecked Sendable {
    public static let schema = "role_checklist_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "role_id") public var role: RoleModel
    @Field(key: "skill_id") public var skillID: String
    /// "must" or "nice".
    @Field(key: "importance") public var importance: String
    @Field(key: "reason") public var reason: String
    @Field(key: "position") public var position: Int

    public init() {}

    public init(roleID: UUID, skillID: String, mustHave: Bool, reason: String, position: Int) {
        self.id = UUID()
        self.$role.id = roleID
        self.skillID = skillID
        self.importance = mustHave ? "must" : "nice"
        self.reason = reason
        self.position = position
    }

    public var isMustHave: Bool { importance == "must" }
}
