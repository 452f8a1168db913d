import FluentKit
import Foundation
import VettedDomain

/// Who is asking, in which organization, with which member role. Every read of tenant
/// data goes through one of these, so "can this caller see that row" is decided here
/// and nowhere else: a row outside the scope is reported as not found (404), never as
/// forbidden, so ids from other organizations reveal nothing.
public struct TenantScope: Sendable {
    public let userID: UserID
    public let userEmail: String
    public let organizationID: OrganizationID
    public let organizationKind: OrganizationKind
    public let memberRole: MemberRole
    /// How the member acted when not through the web or a token (e.g. "vetted CLI"): the
    /// audit log says so, since the command line needs no password.
    public var via: String?

    public init(userID: UserID, userEmail: String, organizationID: OrganizationID, organizationKind: OrganizationKind, memberRole: MemberRole) {
        self.userID = userID
        self.userEmail = userEmail
        self.organizationID = organizationID
        self.organizationKind = organizationKind
        self.memberRole = memberRole
    }

    /// The operator's admins and talent partners see the whole pool and every client.
    public var seesEverything: Bool {
        organizationKind == .operator && (memberRole == .admin || memberRole == .talentPartner)
    }

    public var isAdmin: Bool { memberRole == .admin }
    public var isOperatorAdmin: Bool { organizationKind == .operator && memberRole == .admin }

    public var actor: AuditActor { .init(userID: userID.rawValue, label: via.map { "\(userEmail) (\($0))" } ?? userEmail, organizationID: organizationID.rawValue) }

    // MARK: Permissions

    public enum Permission: Sendable {
        case editRoles, editCandidates, manageApplications, manageUsers, manageOrganizations, viewAudit
    }

    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .editRoles: memberRole != .interviewer
        case .editCandidates: organizationKind == .operator && memberRole != .interviewer && memberRole != .hiringManager
        case .manageApplications: memberRole != .interviewer
        case .manageUsers, .viewAudit: memberRole == .admin
        case .manageOrganizations: isOperatorAdmin
        }
    }

    public func require(_ permission: Permission) throws(DomainError) {
        guard allows(permission) else {
            throw .forbidden(message: "your member role (\(memberRole.rawValue)) does not allow this")
        }
    }
}

extension TenantScope {
    // MARK: Scoped queries. Each returns only rows this caller may see.

    public func roles(on db: any Database) -> QueryBuilder<RoleModel> {
        let query = RoleModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organization.$id == organizationID.rawValue)
    }

    public func applications(on db: any Database) -> QueryBuilder<ApplicationModel> {
        let query = ApplicationModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organization.$id == organizationID.rawValue)
    }

    /// Clients see a candidate only once that candidate is in one of their pipelines.
    public func candidates(on db: any Database) async throws -> QueryBuilder<CandidateModel> {
        if seesEverything { return CandidateModel.query(on: db) }
        let pipelines = applications(on: db)
        // Blind review: an interviewer reaches a blind role's candidates only through the
        // scorecard pages, which show no name, photo, location or rate.
        if memberRole == .interviewer {
            pipelines.join(RoleModel.self, on: \ApplicationModel.$role.$id == \RoleModel.$id).filter(RoleModel.self, \.$storedBlindReview == false)
        }
        let inPipelines = try await pipelines.all(\.$candidate.$id)
        return CandidateModel.query(on: db).filter(\.$id ~~ Array(Set(inPipelines)))
    }

    public func organizations(on db: any Database) -> QueryBuilder<OrganizationModel> {
        let query = OrganizationModel.query(on: db)
        return isOperatorAdmin ? query : query.filter(\.$id == organizationID.rawValue)
    }

    public func users(on db: any Database) async throws -> QueryBuilder<UserModel> {
        if isOperatorAdmin { return UserModel.query(on: db) }
        let members = try await MembershipModel.query(on: db)
            .filter(\.$organization.$id == organizationID.rawValue).all(\.$user.$id)
        return UserModel.query(on: db).filter(\.$id ~~ members)
    }

    public func tokens(on db: any Database) -> QueryBuilder<APITokenModel> {
        let query = APITokenModel.query(on: db)
        if isOperatorAdmin { return query }
        if isAdmin { return query.filter(\.$organization.$id == organizationID.rawValue) }
        return query.filter(\.$user.$id == userID.rawValue)
    }

    public func auditEvents(on db: any Database) -> QueryBuilder<AuditEventModel> {
        let query = AuditEventModel.query(on: db)
        return isOperatorAdmin ? query : query.filter(\.$organizationID == organizationID.rawValue)
    }

    // MARK: Single rows, or not found.

    public func role(_ id: RoleID, on db: any Database) async throws -> RoleModel {
        try await found(roles(on: db).filter(\.$id == id.rawValue).first(), "role")
    }

    public func candidate(_ id: CandidateID, on db: any Database) async throws -> CandidateModel {
        try await found(candidates(on: db).filter(\.$id == id.rawValue).first(), "candidate")
    }

    public func application(_ id: ApplicationID, on db: any Database) async throws -> ApplicationModel {
        try await found(applications(on: db).filter(\.$id == id.rawValue).first(), "application")
    }

    public func organization(_ id: OrganizationID, on db: any Database) async throws -> OrganizationModel {
        try await found(organizations(on: db).filter(\.$id == id.rawValue).first(), "organization")
    }

    public func user(_ id: UserID, on db: any Database) async throws -> UserModel {
        try await found(users(on: db).filter(\.$id == id.rawValue).first(), "user")
    }

    public func token(_ id: APITokenID, on db: any Database) async throws -> APITokenModel {
        try await found(tokens(on: db).filter(\.$id == id.rawValue).first(), "token")
    }

    private func found<M>(_ model: M?, _ entity: String) throws -> M {
        guard let model else { throw DomainError.notFound(entity: entity) }
        return model
    }
}

extension TenantScope {
    /// Scorecards of the organizations this caller sees. Which of them a reviewer may
    /// read before scoring is decided by `ScorecardWrites.visibleStages`.
    public func scorecards(on db: any Database) -> QueryBuilder<ScorecardModel> {
        let query = ScorecardModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organizationID == organizationID.rawValue)
    }
}

extension TenantScope {
    public func offers(on db: any Database) -> QueryBuilder<OfferModel> {
        let query = OfferModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organizationID == organizationID.rawValue)
    }

    public func offer(_ id: OfferID, on db: any Database) async throws -> OfferModel {
        guard let offer = try await offers(on: db).filter(\.$id == id.rawValue).first() else { throw DomainError.notFound(entity: "offer") }
        return offer
    }

    public func engagements(on db: any Database) -> QueryBuilder<EngagementModel> {
        let query = EngagementModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organizationID == organizationID.rawValue)
    }
}

extension TenantScope {
    public func interviews(on db: any Database) -> QueryBuilder<InterviewModel> {
        let query = InterviewModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organizationID == organizationID.rawValue)
    }

    public func interview(_ id: InterviewID, on db: any Database) async throws -> InterviewModel {
        guard let interview = try await interviews(on: db).filter(\.$id == id.rawValue).first() else { throw DomainError.notFound(entity: "interview") }
        return interview
    }
}

extension TenantScope {
    public func trials(on db: any Database) -> QueryBuilder<TrialModel> {
        let query = TrialModel.query(on: db)
        return seesEverything ? query : query.filter(\.$organizationID == organizationID.rawValue)
    }

    public func trial(_ id: TrialID, on db: any Database) async throws -> TrialModel {
        guard let trial = try await trials(on: db).filter(\.$id == id.rawValue).first() else { throw DomainError.notFound(entity: "trial") }
        return trial
    }
}
