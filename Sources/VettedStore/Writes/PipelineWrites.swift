import Evaluation
import FluentKit
import Foundation
import VettedDomain

/// Organizations' pipeline templates and a role's own stages.
///
/// A pipeline Vetted can run has an `offer` and an `engaged` stage (offers and engagements
/// hang off them). A role's stages cannot drop a stage that candidates are in: move them
/// first, so nobody ends up in a column that no longer exists.
public enum PipelineWrites {
    public static func check(_ pipeline: Pipeline) throws(DomainError) {
        for key in [Pipeline.offer, Pipeline.engaged] where pipeline.stage(key) == nil {
            throw .invalid(field: "stages", message: "a pipeline needs the '\(key)' stage: offers and engagements hang off it")
        }
    }

    public static func templates(scope: TenantScope, on db: any Database) async throws -> [PipelineTemplateModel] {
        try await PipelineTemplateModel.query(on: db).filter(\.$organizationID == scope.organizationID.rawValue).sort(\.$name).all()
    }

    public static func template(_ id: UUID, scope: TenantScope, on db: any Database) async throws -> PipelineTemplateModel {
        guard let row = try await PipelineTemplateModel.query(on: db).filter(\.$organizationID == scope.organizationID.rawValue).filter(\.$id == id).first() else {
            throw DomainError.notFound(entity: "pipeline template")
        }
        return row
    }

    /// Creates or replaces the organization's template of that name.
    @discardableResult
    public static func saveTemplate(name: String, lines: String, scope: TenantScope, on db: any Database) async throws -> PipelineTemplateModel {
        try scope.require(.editRoles)
        let title = name.trimmed
        guard !title.isEmpty, title.count <= 80 else { throw DomainError.invalid(field: "name", message: "a template needs a name of 1 to 80 characters") }
        let pipeline = try Pipeline(lines: lines)
        try check(pipeline)
        return try await db.transaction { tx in
            let existing = try await PipelineTemplateModel.query(on: tx).filter(\.$organizationID == scope.organizationID.rawValue).filter(\.$name == title).first()
            let row = existing ?? PipelineTemplateModel()
            let before: AuditSnapshot? = existing.map { ["stages": $0.stages] }
            if existing == nil {
                row.id = UUID()
                row.organizationID = scope.organizationID.rawValue
                row.name = title
            }
            row.stages = pipeline.lines
            row.updatedBy = scope.userEmail
            row.updatedAt = Date()
            try await row.save(on: tx)
            try await AuditLog.record(existing == nil ? .create : .update, entityType: "pipeline-template", entityID: row.id!, organizationID: row.organizationID,
                                      before: before, after: ["name": title, "stages": row.stages], summary: "saved the pipeline template \(title)", actor: scope.actor, on: tx)
            return row
        }
    }

    /// Gives a role its own stages. `lines` nil (or empty) goes back to the standard pipeline.
    public static func setRolePipeline(_ role: RoleModel, lines: String?, scope: TenantScope, on db: any Database) async throws {
        try scope.require(.editRoles)
        let text = lines?.trimmed ?? ""
        let pipeline = text.isEmpty ? Pipeline.standard : try Pipeline(lines: text)
        try check(pipeline)
        let occupied = try await ApplicationModel.query(on: db).filter(\.$role.$id == role.id!).filter(\.$stage != Pipeline.closed).all(\.$stage)
        let counts = Dictionary(occupied.map { ($0, 1) }, uniquingKeysWith: +)
        if let (stage, count) = counts.sorted(by: { $0.key < $1.key }).first(where: { pipeline.stage($0.key) == nil }) {
            throw DomainError.invalid(field: "stages", message: "\(count) candidate\(count == 1 ? " is" : "s are") at '\(stage)', which these stages drop; move them first")
        }
        try await db.transaction { tx in
            let before = role.pipeline.lines
            role.pipelineLines = text.isEmpty ? nil : pipeline.lines
            try await role.update(on: tx)
            try await AuditLog.record(.update, entityType: "role", entityID: role.id!, organizationID: role.$organization.id,
                                      before: ["pipeline": before], after: ["pipeline": pipeline.lines],
                                      summary: "changed the role's stages to \(pipeline.stages.map(\.name).joined(separator: " → "))", actor: scope.actor, on: tx)
        }
    }
}
