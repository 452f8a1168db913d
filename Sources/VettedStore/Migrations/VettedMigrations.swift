import FluentKit

/// Every migration, in the order it runs. Append only: a shipped migration is never
/// edited, a change is a new migration at the end, and each one can `revert`.
public enum VettedMigrations {
    public static let all: [any Migration] = [
        M001CreateOrganizations(),
        M002CreateUsers(),
        M003CreateMemberships(),
        M004CreateSessions(),
        M005CreateAPITokens(),
        M006CreateLoginThrottles(),
        M007CreateRoles(),
        M008CreateCandidates(),
        M009CreateCandidateSkills(),
        M010CreateApplications(),
        M011CreateAuditEvents(),
        M012CreateRoleChecklistItems(),
        M013CreateRateCards(),
        M014AddProfileDetails(),
        M015CreateJobs(),
        M016CreateCandidateChanges(),
        M017CreateAssessments(),
        M018AddRationaleReview(),
        M019CreateStageEvents(),
        M020CreateScorecards(),
        M021CreateOffers(),
        M022CreateInterviews(),
        M023CreateOutbox(),
        M024CreateTrials(),
        M025CreatePipelineTemplates(),
        M026DropRedundantSkillIndex(),
    ]
}
