import Vapor

/// Every route, in one place. Path parameters are named after what they identify
/// (`roleID`, `candidateID`, …): the tenant-isolation test reads this table.
func registerRoutes(_ app: Application) throws {
    app.get("healthz") { _ in "ok" }
    app.get("styles.css") { req -> Response in
        let response = Response(status: .ok, body: .init(string: req.application.vetted.stylesheet))
        response.headers.contentType = .init(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        response.headers.cacheControl = .init(maxAge: 3600)
        return response
    }
    app.get("api", "openapi.json") { _ -> Response in
        let response = Response(status: .ok, body: .init(data: OpenAPIDocument.json))
        response.headers.contentType = .json
        return response
    }

    let web = app.grouped(SessionAuthenticator(), CSRFProtection())
    try web.register(collection: SignInPages())
    try web.register(collection: AssessmentPortal())
    try web.register(collection: OfferPortal())
    let signedIn = web.grouped(RequireSignIn())
    try signedIn.register(collection: DashboardPage())
    try signedIn.register(collection: RolePages())
    try signedIn.register(collection: ChecklistPages())
    try signedIn.register(collection: ImportPages())
    try signedIn.register(collection: ShortlistPages())
    try signedIn.register(collection: DuplicatePages())
    try signedIn.register(collection: CandidatePages())
    try signedIn.register(collection: AssessmentPages())
    try signedIn.register(collection: ApplicationPages())
    try signedIn.register(collection: PipelineBoard())
    try signedIn.register(collection: ScorecardPages())
    try signedIn.register(collection: OfferPages())
    try signedIn.register(collection: InterviewPages())
    try signedIn.register(collection: MailPages())
    try signedIn.register(collection: TrialPages())
    try signedIn.register(collection: PipelinePages())
    try signedIn.register(collection: AdminPages())
    try signedIn.register(collection: AccountPage())
    try signedIn.register(collection: RateCardPage())

    let api = app.grouped("api", "v1").grouped(BearerAuthenticator())
    try api.register(collection: MeAPI())
    try api.register(collection: OrganizationsAPI())
    try api.register(collection: UsersAPI())
    try api.register(collection: RolesAPI())
    try api.register(collection: PoolAPI())
    try api.register(collection: ShortlistAPI())
    try api.register(collection: CandidatesAPI())
    try api.register(collection: AssessmentsAPI())
    try api.register(collection: ApplicationsAPI())
    try api.register(collection: ScorecardsAPI())
    try api.register(collection: OffersAPI())
    try api.register(collection: InterviewsAPI())
    try api.register(collection: TrialsAPI())
    try api.register(collection: PipelinesAPI())
    try api.register(collection: AuditEventsAPI())
    try api.register(collection: PlanningAPI())
}
