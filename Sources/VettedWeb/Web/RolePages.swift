import Evaluation
import Fluent
import Vapor
import VettedDomain
import VettedStore
import Planning

/// Job briefs: list, create, show with pipeline, edit.
struct RolePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let roles = routes.grouped("roles")
        roles.get(use: list)
        roles.get("new", use: new)
        roles.get("intake", use: intake)
        roles.post("intake", use: fromBrief)
        roles.post(use: create)
        roles.get(":roleID", use: show)
        roles.get(":roleID", "edit", use: edit)
        roles.get(":roleID", "cost-chart.svg", use: costChart)
        roles.post(":roleID", "edit", use: update)
    }

    struct ListContext: Encodable {
        let layout: Layout
        let roles: [RoleRow]
        let q: String
        let status: [Option]
        let category: [Option]
        let links: PageLinks
        let canCreate: Bool
    }

    func list(req: Request) async throws -> Response {
        let scope = try req.scope
        let pagination = try Pagination(req)
        let q = req.query[String.self, at: "q"] ?? ""
        let status = req.query[String.self, at: "status"] ?? ""
        let category = req.query[String.self, at: "category"] ?? ""
        let query = scope.roles(on: req.db)
        if !q.trimmingCharacters(in: .whitespaces).isEmpty { query.filter(\.$title ~~ q.trimmingCharacters(in: .whitespaces)) }
        if !status.isEmpty { query.filter(\.$status == (try RoleStatus.parse(status, field: "status")).rawValue) }
        if !category.isEmpty { query.filter(\.$category == (try RoleCategory.parse(category, field: "category")).rawValue) }
        let total = try await query.count()
        let roles = try await query.sort(\.$title).offset(pagination.offset).limit(pagination.perPage).all()
        return try await req.page("roles", ListContext(
            layout: Layout(title: "Roles", request: req), roles: roles.map(RoleRow.init), q: q,
            status: Option.list(RoleStatus.self, selected: status, includeEmpty: true),
            category: Option.list(RoleCategory.self, selected: category, includeEmpty: true),
            links: PageLinks(pagination, total: total, path: "/roles", query: [("q", q), ("status", status), ("category", category)]),
            canCreate: scope.allows(.editRoles)))
    }

    func new(req: Request) async throws -> Response {
        let scope = try req.scope
        try scope.require(.editRoles)
        var form = RoleForm()
        form.workStart = "09:00"
        form.workEnd = "17:00"
        form.currency = "USD"
        return try await renderForm(req, action: "/roles", heading: "New role", form: form, failure: nil, cancel: "/roles", status: .ok)
    }

    struct IntakeContext: Encodable {
        let layout: Layout
        let brief: String
        let error: String?
    }

    /// Step one of the intake: the brief in the client's own words.
    func intake(req: Request) async throws -> Response {
        try (try req.scope).require(.editRoles)
        return try await req.page("role-intake", IntakeContext(layout: Layout(title: "Describe the work", request: req), brief: "", error: nil))
    }

    /// Step two: the full form, filled from what the brief says, with the words that
    /// decided the category and what the brief still lacks.
    func fromBrief(req: Request) async throws -> Response {
        try (try req.scope).require(.editRoles)
        let brief = (try? req.content.get(String.self, at: "brief"))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !brief.isEmpty else {
            return try await req.page("role-intake", IntakeContext(layout: Layout(title: "Describe the work", request: req), brief: "",
                                                                  error: "Write a few sentences about the work first."), status: .badRequest)
        }
        let reading = BriefReading(brief)
        var form = RoleForm()
        form.summary = brief
        form.category = reading.category
        form.specialties = reading.specialties.joined(separator: ", ")
        form.integrations = reading.integrations.joined(separator: ", ")
        form.workStart = "09:00"
        form.workEnd = "17:00"
        form.currency = "USD"
        return try await renderForm(req, action: "/roles", heading: "New role", form: form, failure: nil, cancel: "/roles", status: .ok, reading: reading)
    }

    func create(req: Request) async throws -> Response {
        let scope = try req.scope
        let form = try req.content.decode(RoleForm.self)
        var failure = ValidationFailure()
        let input = form.input(failure: &failure)
        do {
            try failure.throwIfAny { () throws(ValidationFailure) in _ = try RoleDraft.validate(input) }
            let role = try await req.db.transaction { tx in
                let role = try await RoleWrites.create(input, scope: scope, on: tx)
                try await RoleChecklist.saveGenerated(for: role, scope: scope, on: tx)
                return role
            }
            return req.redirect(to: "/roles/\(role.typedID)?notice=created")
        } catch let problem as ValidationFailure {
            return try await renderForm(req, action: "/roles", heading: "New role", form: form, failure: problem, cancel: "/roles", status: .badRequest)
        } catch let problem as DomainError where problem.field != nil {
            return try await renderForm(req, action: "/roles", heading: "New role", form: form, failure: ValidationFailure([.init(field: problem.field!, message: problem.description)]), cancel: "/roles", status: .badRequest)
        }
    }

    struct ShowContext: Encodable {
        let layout: Layout
        let role: RoleView
        let pipeline: [PipelineRow]
        let plan: RolePlan
        let canEdit: Bool
        let canManagePipeline: Bool
    }

    func show(req: Request) async throws -> Response {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let applications = try await scope.applications(on: req.db).filter(\.$role.$id == role.id!)
            .with(\.$candidate).sort(\.$createdAt).all()
        return try await req.page("role", ShowContext(
            layout: Layout(title: role.title, request: req), role: RoleView(role),
            pipeline: applications.map { PipelineRow($0, pipeline: role.pipeline) },
            plan: RolePlan(role, saved: try await ChecklistWrites.current(of: role.typedID, on: req.db),
                           card: try await OrganizationRateCard.card(OrganizationID(role.$organization.id), on: req.db)),
            canEdit: scope.allows(.editRoles), canManagePipeline: scope.allows(.manageApplications) && scope.seesEverything))
    }

    /// The role's hourly ranges by location, drawn as SVG for the role page.
    func costChart(req: Request) async throws -> Response {
        let role = try await req.scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let draft = role.draft
        let estimator = CostEstimator(card: try await OrganizationRateCard.card(OrganizationID(role.$organization.id), on: req.db))
        let rows = WorkLocation.allCases.compactMap { location -> CostChart.Row? in
            var request = EstimateRequest(category: draft.category, level: draft.seniority, location: location, hoursPerWeek: 40, weeks: 1)
            request.region = ClientRegion(zone: draft.timeZone)
            return (try? estimator.estimate(request)).map { CostChart.Row(label: location.label, band: $0.hourlyCents) }
        }
        let response = Response(status: .ok, body: .init(string: CostChart.svg(rows)))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        return response
    }

    func edit(req: Request) async throws -> Response {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        try scope.require(.editRoles)
        return try await renderForm(req, action: "/roles/\(role.typedID)/edit", heading: "Edit \(role.title)", form: RoleForm(role),
                                    failure: nil, cancel: "/roles/\(role.typedID)", status: .ok)
    }

    func update(req: Request) async throws -> Response {
        let scope = try req.scope
        let id = try req.id(RoleID.self, "roleID")
        let existing = try await scope.role(id, on: req.db)
        let form = try req.content.decode(RoleForm.self)
        var failure = ValidationFailure()
        let input = form.input(failure: &failure)
        let action = "/roles/\(id)/edit"
        do {
            try failure.throwIfAny { () throws(ValidationFailure) in _ = try RoleDraft.validate(input, over: existing.draft) }
            _ = try await RoleWrites.update(id, with: input, scope: scope, on: req.db)
            return req.redirect(to: "/roles/\(id)?notice=saved")
        } catch let problem as ValidationFailure {
            return try await renderForm(req, action: action, heading: "Edit role", form: form, failure: problem, cancel: "/roles/\(id)", status: .badRequest)
        } catch let problem as DomainError {
            guard case .conflict = problem else {
                guard let field = problem.field else { throw problem }
                return try await renderForm(req, action: action, heading: "Edit role", form: form, failure: ValidationFailure([.init(field: field, message: problem.description)]), cancel: "/roles/\(id)", status: .badRequest)
            }
            return try await renderForm(req, action: action, heading: "Edit role", form: form,
                                        failure: ValidationFailure([.init(field: "version", message: problem.description)]), cancel: "/roles/\(id)", status: .conflict)
        }
    }

    private func renderForm(_ req: Request, action: String, heading: String, form: RoleForm, failure: ValidationFailure?, cancel: String,
                            status: HTTPResponseStatus, reading: BriefReading? = nil) async throws -> Response {
        let scope = try req.scope
        var organizations: [Option] = []
        if scope.seesEverything && form.version == nil {
            organizations = try await scope.organizations(on: req.db).sort(\.$name).all().map {
                Option(value: $0.typedID.description, label: $0.name, selected: $0.typedID.description == (form.organizationId ?? scope.organizationID.description))
            }
        }
        return try await req.page("role-form", RoleFormContext(
            layout: Layout(title: heading, request: req), action: action, heading: heading, form: form,
            failure: failure, organizations: organizations, cancel: cancel, reading: reading), status: status)
    }
}

/// A role's detail page.
struct RoleView: Encodable {
    let id: String
    let title: String
    let category: String
    let seniority: String
    let status: String
    let specialties: [String]
    let summary: String
    let features: [String]
    let integrations: [String]
    let deliverables: String
    let ipOwnership: String
    let startDate: String
    let durationWeeks: String
    let hoursPerWeek: String
    let workingHours: String
    let overlapHours: String
    let budgetHourly: String
    let budgetTotal: String
    let version: Int

    init(_ role: RoleModel) {
        let currency = (try? CurrencyCode(role.currency)) ?? .usd
        id = role.typedID.description
        title = role.title
        category = RoleCategory(rawValue: role.category)?.label ?? role.category
        seniority = Seniority(rawValue: role.seniority)?.label ?? role.seniority
        status = role.status
        specialties = role.specialties
        summary = role.summary
        features = role.features
        integrations = role.integrations
        deliverables = role.deliverables
        ipOwnership = role.ipOwnership.flatMap { IPOwnership(rawValue: $0)?.label } ?? "—"
        startDate = role.startDate ?? "—"
        durationWeeks = role.durationWeeks.map { "\($0) weeks" } ?? "—"
        hoursPerWeek = role.hoursPerWeek.map { "\($0) h/week" } ?? "—"
        workingHours = "\(role.workStart)–\(role.workEnd) \(role.timeZone)"
        overlapHours = role.overlapHours.map { "\($0) h" } ?? "—"
        budgetHourly = role.budgetHourlyCents.map { Money(cents: Int64($0), currency: currency).formatted + "/h" } ?? "—"
        budgetTotal = role.budgetTotalCents.map { Money(cents: Int64($0), currency: currency).formatted } ?? "—"
        version = role.version
    }
}

/// A candidate in a role's pipeline.
struct PipelineRow: Encodable {
    let id: String
    let candidateId: String
    let candidateName: String
    let stage: String
    let version: Int
    let closedReason: String?
    let since: String
    /// The stage choices, with this application's stage selected.
    let stages: [Option]

    init(_ application: ApplicationModel, pipeline: Pipeline) {
        id = application.typedID.description
        candidateId = application.$candidate.id.uuidString.lowercased()
        candidateName = application.candidate.fullName
        stage = application.stage
        version = application.version
        closedReason = application.closedReason
        since = ISO8601DateFormatter.string(from: application.stageEnteredAt, timeZone: .gmt, formatOptions: [.withFullDate])
        stages = PipelineBoard.options(pipeline, selected: application.stage)
    }
}

extension Request {
    /// A typed id from the path. A malformed id is reported as not found: to a caller,
    /// a garbled link and a missing record are the same thing.
    func id<Tag>(_ type: TypedID<Tag>.Type, _ name: String) throws -> TypedID<Tag> {
        guard let text = parameters.get(name), let id = TypedID<Tag>(string: text) else {
            throw DomainError.notFound(entity: String(name.dropLast(2)))
        }
        return id
    }
}
