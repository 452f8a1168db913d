import FluentKit
import Foundation
import VettedDomain

/// Merges a duplicate profile into the one a person chose to keep.
///
/// The kept profile's own values win; its empty fields take the duplicate's; lists and
/// skills are united; the duplicate's pipeline applications move over. The duplicate row
/// goes, but its audit events stay (the log is append-only) and the kept profile lists its
/// id in `merged_from`, so the profile page shows both histories.
public enum CandidateMerge {
    public static func merge(keep keepID: CandidateID, absorb absorbID: CandidateID, expectedVersion: Int?,
                             scope: TenantScope, on db: any Database) async throws -> CandidateModel {
        try scope.require(.editCandidates)
        guard keepID != absorbID else {
            throw DomainError.invalid(field: "absorb", message: "a profile cannot be merged into itself; choose two different profiles")
        }
        let keep = try await scope.candidate(keepID, on: db)
        let absorb = try await scope.candidate(absorbID, on: db)
        return try await db.transaction { tx in
            var before = keep.auditSnapshot
            let keptSkills = try await CandidateWrites.currentSkills(of: keep.id!, on: tx)
            let absorbedSkills = try await CandidateWrites.currentSkills(of: absorb.id!, on: tx)
            before["skills"] = CandidateWrites.skillSummary(keptSkills)

            let keptRoles = Set(try await ApplicationModel.query(on: tx).filter(\.$candidate.$id == keep.id!).all().map(\.$role.id))
            let moving = try await ApplicationModel.query(on: tx).filter(\.$candidate.$id == absorb.id!).all()
            if let clash = moving.first(where: { keptRoles.contains($0.$role.id) }) {
                let role = try await RoleModel.find(clash.$role.id, on: tx)
                throw DomainError.conflict(entity: "candidate", message: "both profiles are in the pipeline of role '\(role?.title ?? "?")'; close one of those applications before merging")
            }

            keep.version = try await VersionGuard.claimNextVersion(table: CandidateModel.schema, id: keep.id!, expected: expectedVersion, entity: "candidate", on: tx)
            let absorbedSummary = absorb.auditSnapshot
            fill(keep, from: absorb)
            try await keep.update(on: tx)
            for application in moving {
                application.$candidate.id = keep.id!
                try await application.update(on: tx)
            }
            let skills = CandidateImport.mergeSkills(keptSkills, absorbedSkills)
            try await CandidateWrites.replaceSkills(of: keep, with: skills, on: tx)
            try await CandidateSkillModel.query(on: tx).filter(\.$candidate.$id == absorb.id!).delete()
            try await absorb.delete(on: tx)

            var after = keep.auditSnapshot
            after["skills"] = CandidateWrites.skillSummary(skills)
            after["mergedFrom"] = absorb.id!.uuidString
            try await AuditLog.record(.merge, entityType: "candidate", entityID: keep.id!, organizationID: keep.$organization.id,
                                      before: before, after: after,
                                      summary: "merged \(absorb.fullName) (\(absorb.id!.uuidString.prefix(8))) into \(keep.fullName); \(moving.count) application(s) moved",
                                      actor: scope.actor, on: tx)
            try await AuditLog.record(.merge, entityType: "candidate", entityID: absorb.id!, organizationID: absorb.$organization.id,
                                      before: absorbedSummary, after: ["mergedInto": keep.id!.uuidString],
                                      summary: "merged into \(keep.fullName) (\(keep.id!.uuidString.prefix(8)))",
                                      actor: scope.actor, on: tx)
            try await ChangeLog.record([keep.id!, absorb.id!], on: tx)
            return keep
        }
    }

    static func fill(_ keep: CandidateModel, from other: CandidateModel) {
        keep.headline = keep.headline ?? other.headline
        keep.email = keep.email ?? other.email
        keep.phone = keep.phone ?? other.phone
        keep.phoneKey = keep.phoneKey ?? other.phoneKey
        keep.githubHandle = keep.githubHandle ?? other.githubHandle
        keep.country = keep.country ?? other.country
        keep.hourlyRateCents = keep.hourlyRateCents ?? other.hourlyRateCents
        keep.availableFrom = keep.availableFrom ?? other.availableFrom
        keep.hoursPerWeek = keep.hoursPerWeek ?? other.hoursPerWeek
        keep.englishLevel = keep.englishLevel ?? other.englishLevel
        keep.teamSize = keep.teamSize ?? other.teamSize
        keep.processes = keep.processes ?? other.processes
        keep.communication = keep.communication ?? other.communication
        if keep.bio.isEmpty { keep.bio = other.bio }
        keep.yearsExperience = max(keep.yearsExperience, other.yearsExperience)
        keep.links = union(keep.links, other.links)
        keep.engagementPreferences = union(keep.engagementPreferences, other.engagementPreferences)
        keep.storedDomains = union(keep.domains, other.domains)
        keep.storedRepositories = union(keep.repositories, other.repositories)
        var studies = keep.caseStudies
        for s in other.caseStudies where !studies.contains(s) { studies.append(s) }
        keep.storedCaseStudies = CandidateModel.encodeCaseStudies(studies)
        keep.storedMergedFrom = union(keep.storedMergedFrom ?? [], [other.id!.uuidString] + (other.storedMergedFrom ?? []))
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        var seen = Set(a)
        return a + b.filter { seen.insert($0).inserted }
    }
}
