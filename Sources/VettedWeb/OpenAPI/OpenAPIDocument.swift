import Foundation

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/openapi.json`. A test
/// compares its paths with the registered routes in both directions, so it stays true.
enum OpenAPIDocument {
    struct Operation {
        let method: String
        let path: String
        let summary: String
        let tag: String
        let request: String?
        let response: String?
        let status: String
        var query: [String] = []
        /// A request body that is a file, not JSON: its accepted media types.
        var fileTypes: [String] = []
    }

    static let operations: [Operation] = [
        .init(method: "get", path: "/api/v1/me", summary: "The caller: user, organization and member role", tag: "accounts", request: nil, response: "Me", status: "200"),
        .init(method: "get", path: "/api/v1/organizations", summary: "Organizations the caller can see", tag: "accounts", request: nil, response: "OrganizationList", status: "200", query: ["page", "perPage"]),
        .init(method: "post", path: "/api/v1/organizations", summary: "Create a client organization (operator admins)", tag: "accounts", request: "OrganizationInput", response: "Organization", status: "201"),
        .init(method: "get", path: "/api/v1/organizations/{organizationID}", summary: "One organization", tag: "accounts", request: nil, response: "Organization", status: "200"),
        .init(method: "patch", path: "/api/v1/organizations/{organizationID}", summary: "Rename an organization", tag: "accounts", request: "OrganizationInput", response: "Organization", status: "200"),
        .init(method: "get", path: "/api/v1/users", summary: "Users in the caller's scope (admins)", tag: "accounts", request: nil, response: "UserList", status: "200", query: ["page", "perPage"]),
        .init(method: "post", path: "/api/v1/users", summary: "Create a user with a member role", tag: "accounts", request: "UserInput", response: "User", status: "201"),
        .init(method: "get", path: "/api/v1/users/{userID}", summary: "One user", tag: "accounts", request: nil, response: "User", status: "200"),
        .init(method: "patch", path: "/api/v1/users/{userID}", summary: "Change a user's name, member role or active flag", tag: "accounts", request: "UserUpdate", response: "User", status: "200"),
        .init(method: "get", path: "/api/v1/roles", summary: "Job briefs in the caller's scope", tag: "roles", request: nil, response: "RoleList", status: "200", query: ["page", "perPage", "status", "category"]),
        .init(method: "post", path: "/api/v1/roles", summary: "Create a job brief", tag: "roles", request: "RoleInput", response: "Role", status: "201"),
        .init(method: "get", path: "/api/v1/roles/{roleID}", summary: "One job brief", tag: "roles", request: nil, response: "Role", status: "200"),
        .init(method: "patch", path: "/api/v1/roles/{roleID}", summary: "Change a job brief (send the version you read)", tag: "roles", request: "RoleInput", response: "Role", status: "200"),
        .init(method: "delete", path: "/api/v1/roles/{roleID}", summary: "Delete a job brief with an empty pipeline", tag: "roles", request: nil, response: nil, status: "204"),
        .init(method: "get", path: "/api/v1/candidates", summary: "Search the talent pool", tag: "candidates", request: nil, response: "CandidateList", status: "200", query: ["page", "perPage", "q", "skill", "evidence", "seniority", "country", "vetting", "kind", "minRate", "maxRate", "maxRateCents", "availableBy", "minHours", "overlapWith", "minOverlap", "overlapOn"]),
        .init(method: "post", path: "/api/v1/candidates/import", summary: "Import a file sent as the body (text/csv, application/json for JSON Resume, text/plain resume, application/pdf); report per row. mode=valid-rows|all-or-nothing", tag: "candidates", request: nil, response: "ImportReport", status: "200", query: ["fileName", "format", "mode", "evidence", "timeZone"],
              fileTypes: ["text/csv", "application/json", "text/plain", "application/pdf"]),
        .init(method: "get", path: "/api/v1/candidates/export", summary: "The pool, a search of it (the list's filters) or a role's shortlist (roleId) as CSV (the import header) or JSON", tag: "candidates", request: nil, response: nil, status: "200", query: ["format", "roleId", "q", "skill", "evidence", "minRate", "maxRate", "availableBy", "overlapWith", "minOverlap"]),
        .init(method: "get", path: "/api/v1/candidates/duplicates", summary: "Profiles sharing a normalized e-mail, GitHub handle or phone", tag: "candidates", request: nil, response: "DuplicateGroups", status: "200"),
        .init(method: "post", path: "/api/v1/candidates/{candidateID}/analyses", summary: "Queue a repository analysis (a folder under VETTED_REPOSITORY_ROOT or an https git URL); its findings become repository evidence", tag: "candidates", request: "AnalysisInput", response: "Job", status: "202"),
        .init(method: "get", path: "/api/v1/roles/{roleID}/shortlist", summary: "The role's ranked, explained shortlist from the pool (weights as coverage=50,rate=20; hard filters)", tag: "matching", request: nil, response: "Shortlist", status: "200", query: ["limit", "asOf", "weights", "requireAll", "minOverlap", "maxRate", "availableBy", "minEvidence"]),
        .init(method: "post", path: "/api/v1/roles/{roleID}/shortlist/exclusions", summary: "Exclude a candidate from the role's shortlist, with the reason", tag: "matching", request: "ExclusionInput", response: nil, status: "201"),
        .init(method: "get", path: "/api/v1/assessment-tasks", summary: "The assessment task library (what a link can send)", tag: "assessments", request: nil, response: "AssessmentTasks", status: "200"),
        .init(method: "get", path: "/api/v1/candidates/{candidateID}/assessments", summary: "The candidate's assessment links with status and score", tag: "assessments", request: nil, response: "Assessments", status: "200"),
        .init(method: "post", path: "/api/v1/candidates/{candidateID}/assessments", summary: "Create a private, single-use link to a task (the link is in this response only)", tag: "assessments", request: "AssessmentLinkInput", response: "AssessmentLink", status: "201"),
        .init(method: "get", path: "/api/v1/candidates/{candidateID}/assessments/{assessmentID}", summary: "One assessment: per-test results of the hidden tests, code, timings, code quality, similar submissions", tag: "assessments", request: nil, response: "AssessmentResult", status: "200"),
        .init(method: "get", path: "/api/v1/jobs/{jobID}", summary: "A background job: status, progress and result", tag: "jobs", request: nil, response: "Job", status: "200"),
        .init(method: "post", path: "/api/v1/candidates/{candidateID}/merge", summary: "Merge another profile into this one; both histories stay in the audit log", tag: "candidates", request: "MergeInput", response: "Candidate", status: "200"),
        .init(method: "post", path: "/api/v1/candidates", summary: "Add a candidate to the pool", tag: "candidates", request: "CandidateInput", response: "Candidate", status: "201"),
        .init(method: "get", path: "/api/v1/candidates/{candidateID}", summary: "One candidate with skills and evidence", tag: "candidates", request: nil, response: "Candidate", status: "200"),
        .init(method: "patch", path: "/api/v1/candidates/{candidateID}", summary: "Change a candidate (send the version you read)", tag: "candidates", request: "CandidateInput", response: "Candidate", status: "200"),
        .init(method: "delete", path: "/api/v1/candidates/{candidateID}", summary: "Delete a candidate in no pipeline", tag: "candidates", request: nil, response: nil, status: "204"),
        .init(method: "get", path: "/api/v1/applications", summary: "Candidates in pipelines", tag: "applications", request: nil, response: "ApplicationList", status: "200", query: ["page", "perPage", "roleId", "stage"]),
        .init(method: "post", path: "/api/v1/applications", summary: "Put a candidate into a role's pipeline", tag: "applications", request: "ApplicationInput", response: "Application", status: "201"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}", summary: "One application", tag: "applications", request: nil, response: "Application", status: "200"),
        .init(method: "patch", path: "/api/v1/applications/{applicationID}", summary: "Move an application to another stage", tag: "applications", request: "ApplicationInput", response: "Application", status: "200"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/stages", summary: "Stage history: every move with who, when, reason and override", tag: "applications", request: nil, response: "StageEventList", status: "200"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/kits/{stage}", summary: "The interview kit of a stage: what to probe, questions, the competencies to score", tag: "scorecards", request: nil, response: "InterviewKit", status: "200"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/scorecards", summary: "The panel as the caller may see it: a stage's scores only after the caller scored it (or revealed it), who said what, the calibrated decision", tag: "scorecards", request: nil, response: "Panel", status: "200"),
        .init(method: "post", path: "/api/v1/applications/{applicationID}/scorecards", summary: "Submit the caller's scorecard for a stage: every competency rated 1-4 with evidence, and a recommendation", tag: "scorecards", request: "ScorecardInput", response: "Scorecard", status: "201"),
        .init(method: "post", path: "/api/v1/applications/{applicationID}/scorecards/{stage}/reveal", summary: "See a stage's scores without scoring it (deciders); the caller can no longer score that stage", tag: "scorecards", request: nil, response: "Panel", status: "200"),
        .init(method: "get", path: "/api/v1/calibration", summary: "Each reviewer's leniency against the panel and agreement rate (admins)", tag: "scorecards", request: nil, response: "Calibration", status: "200"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/offers", summary: "The application's offers with status, terms and cost against the role's budget", tag: "offers", request: nil, response: "OfferList", status: "200"),
        .init(method: "post", path: "/api/v1/applications/{applicationID}/offers", summary: "Draft an offer (the candidate must be at Offer); a second member approves it", tag: "offers", request: "OfferInput", response: "Offer", status: "201"),
        .init(method: "post", path: "/api/v1/offers/{offerID}/approve", summary: "Approve an offer drafted by someone else; the response holds the candidate's private link, once", tag: "offers", request: "OfferApproval", response: "OfferApproved", status: "200"),
        .init(method: "post", path: "/api/v1/offers/{offerID}/withdraw", summary: "Withdraw an offer awaiting approval or sent", tag: "offers", request: nil, response: "Offer", status: "200"),
        .init(method: "get", path: "/api/v1/engagements", summary: "Engagements recorded from accepted offers", tag: "offers", request: nil, response: "EngagementList", status: "200"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/slots", summary: "Interview slots inside both the team's and the candidate's working windows", tag: "interviews", request: nil, response: "SlotList", status: "200", query: ["minutes", "days"]),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/interviews", summary: "The application's interviews with their reschedule history", tag: "interviews", request: nil, response: "InterviewList", status: "200"),
        .init(method: "post", path: "/api/v1/applications/{applicationID}/interviews", summary: "Book an interview (inside both windows) and queue the invites with the .ics", tag: "interviews", request: "InterviewInput", response: "Interview", status: "201"),
        .init(method: "post", path: "/api/v1/interviews/{interviewID}/reschedule", summary: "Move an interview, with a reason; the invite's SEQUENCE goes up", tag: "interviews", request: "InterviewReschedule", response: "Interview", status: "200"),
        .init(method: "post", path: "/api/v1/interviews/{interviewID}/cancel", summary: "Cancel an interview, with a reason; a CANCEL invite is queued", tag: "interviews", request: "InterviewCancel", response: "Interview", status: "200"),
        .init(method: "get", path: "/api/v1/interviews/{interviewID}/invite.ics", summary: "The interview as an RFC 5545 calendar object (text/calendar)", tag: "interviews", request: nil, response: nil, status: "200"),
        .init(method: "get", path: "/api/v1/applications/{applicationID}/trial", summary: "The application's paid trial: terms, check-ins, deliverables, cost against plan and budget", tag: "trials", request: nil, response: "Trial", status: "200"),
        .init(method: "post", path: "/api/v1/applications/{applicationID}/trial", summary: "Start the paid trial (the candidate must be at Paid trial)", tag: "trials", request: "TrialInput", response: "Trial", status: "201"),
        .init(method: "post", path: "/api/v1/trials/{trialID}/checkins", summary: "Log a check-in: hours worked and how it goes", tag: "trials", request: "TrialCheckIn", response: "Trial", status: "200"),
        .init(method: "post", path: "/api/v1/trials/{trialID}/deliverables", summary: "Record a deliverable handed in", tag: "trials", request: "TrialDeliverable", response: "Trial", status: "200"),
        .init(method: "post", path: "/api/v1/trials/{trialID}/decision", summary: "Convert (to Offer) or close, after a Paid trial scorecard", tag: "trials", request: "TrialDecisionInput", response: "Trial", status: "200"),
        .init(method: "get", path: "/api/v1/pipeline-templates", summary: "The organization's pipeline templates", tag: "pipelines", request: nil, response: "PipelineTemplateList", status: "200"),
        .init(method: "post", path: "/api/v1/pipeline-templates", summary: "Save a pipeline template (a name already used is replaced); it must keep offer and engaged", tag: "pipelines", request: "PipelineTemplateInput", response: "PipelineTemplate", status: "201"),
        .init(method: "get", path: "/api/v1/roles/{roleID}/pipeline", summary: "The role's stages", tag: "pipelines", request: nil, response: "Pipeline", status: "200"),
        .init(method: "put", path: "/api/v1/roles/{roleID}/pipeline", summary: "Replace the role's stages; a stage candidates are in cannot be dropped", tag: "pipelines", request: "PipelineTemplateInput", response: "Pipeline", status: "200"),
        .init(method: "get", path: "/api/v1/roles/{roleID}/checklist", summary: "The role's saved skill checklist", tag: "roles", request: nil, response: "RoleChecklist", status: "200"),
        .init(method: "put", path: "/api/v1/roles/{roleID}/checklist", summary: "Replace the role's checklist (skills by id, name or alias)", tag: "roles", request: "RoleChecklistInput", response: "RoleChecklist", status: "200"),
        .init(method: "get", path: "/api/v1/rate-card", summary: "The caller's organization's rate card and its versions", tag: "planning", request: nil, response: "RateCard", status: "200"),
        .init(method: "put", path: "/api/v1/rate-card", summary: "Save a new version of the rate card (admins; send the version you read)", tag: "planning", request: "RateCardInput", response: "RateCard", status: "200"),
        .init(method: "get", path: "/api/v1/roles/{roleID}/plan", summary: "A role's checklist, estimates by location and hiring-model advice", tag: "planning", request: nil, response: "RolePlan", status: "200"),
        .init(method: "post", path: "/api/v1/planning/checklist", summary: "Skill checklist for a category, specialties, integrations and a brief", tag: "planning", request: "ChecklistInput", response: "Checklist", status: "200"),
        .init(method: "post", path: "/api/v1/planning/estimate", summary: "Cost estimate: hourly and total, low / expected / high, in cents", tag: "planning", request: "EstimateInput", response: "Estimate", status: "200"),
        .init(method: "post", path: "/api/v1/planning/overlap", summary: "Working-hours overlap on a date, or per day over a range", tag: "planning", request: "OverlapInput", response: "Overlap", status: "200"),
        .init(method: "get", path: "/api/v1/audit-events", summary: "The audit log (admins)", tag: "audit", request: nil, response: "AuditEventList", status: "200", query: ["page", "perPage", "entityType", "actor", "action", "entityId"]),
    ]

    static let json: Data = {
        let object: [String: Any] = [
            "openapi": "3.1.0",
            "info": ["title": "Vetted API", "version": "1.0.0",
                     "description": "Hire Python developers for AI/ML, data and backend work. Authenticate with `Authorization: Bearer <token>`; read tokens may only GET. Errors: {\"error\": {\"code\", \"message\", \"field\"}}."],
            "servers": [["url": "/"]],
            "security": [["bearer": [String]()]],
            "paths": paths(),
            "components": ["securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]], "schemas": OpenAPISchemas.all],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
    }()

    private static func paths() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var operation: [String: Any] = ["summary": op.summary, "tags": [op.tag], "operationId": op.method + op.path.replacingOccurrences(of: "/", with: "_")]
            var parameters: [[String: Any]] = []
            for segment in op.path.split(separator: "/") where segment.hasPrefix("{") {
                // Ids are UUIDs; `{stage}` is a pipeline stage key such as `fundamentals`.
                let schema: [String: Any] = segment == "{stage}" ? ["type": "string", "pattern": "^[a-z][a-z0-9-]{0,39}$"] : ["type": "string", "format": "uuid"]
                parameters.append(["name": String(segment.dropFirst().dropLast()), "in": "path", "required": true, "schema": schema])
            }
            for name in op.query {
                let numeric = ["page", "perPage", "maxRateCents"].contains(name)
                let schema: [String: Any] = numeric ? ["type": "integer", "minimum": name == "page" ? 1 : 0] : ["type": "string"]
                parameters.append(["name": name, "in": "query", "required": false, "schema": schema])
            }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if !op.fileTypes.isEmpty {
                let binary: [String: Any] = ["schema": ["type": "string", "format": "binary"]]
                operation["requestBody"] = ["required": true, "content": Dictionary(uniqueKeysWithValues: op.fileTypes.map { ($0, binary) })]
            }
            if let request = op.request {
                operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(request)"]]]]
            }
            var responses: [String: Any] = [:]
            if let response = op.response {
                responses[op.status] = ["description": "OK", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(response)"]]]]
            } else {
                responses[op.status] = ["description": "Done"]
            }
            for (code, text) in [("400", "Invalid input; `field` names it"), ("401", "No valid token"), ("403", "Not allowed for this member role or token scope"),
                                 ("404", "Not found in the caller's organization"), ("409", "Version conflict or duplicate")] {
                responses[code] = ["description": text, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
            }
            operation["responses"] = responses
            paths[op.path, default: [:]][op.method] = operation
        }
        return paths
    }
}
