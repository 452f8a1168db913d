import Fluent
import Vapor
import VettedDomain
import VettedStore
import Planning

/// The talent pool: search, create, show with evidence, edit.
struct CandidatePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let candidates = routes.grouped("candidates")
        candidates.get(use: list)
        candidates.get("new", use: new)
        candidates.post(use: create)
        candidates.get(":candidateID", use: show)
        candidates.get(":candidateID", "edit", use: edit)
        candidates.post(":candidateID", "edit", use: update)
        candidates.post(":candidateID", "analyses", use: analyse)
    }

    struct Row: Encodable {
        let id: String
        let fullName: String
        let headline: String
        let seniority: String
        let country: String
        let timeZone: String
        let rate: String
        let vettingStatus: String
    }

    struct ListContext: Encodable {
        let layout: Layout
        let candidates: [Row]
        let filters: [String: String]
        let seniority: [Option]
        let vetting: [Option]
        let evidence: [Option]
        let kind: [Option]
        let error: String?
        let total: Int
        let links: PageLinks
        let canCreate: Bool
    }

    func list(req: Request) async throws -> Response {
        let scope = try req.scope
        let pagination = try Pagination(req)
        var values: [String: String] = [:]
        for name in PoolQuery.parameterNames { values[name] = req.query[String.self, at: name] }
        let pool = PoolQuery(values)
        var rows: [CandidateModel] = []
        var total = 0
        var error: String?
        do {
            let query = try await pool.search(scope: scope, on: req.db).apply(to: try await scope.candidates(on: req.db))
            total = try await query.count()
            rows = try await query.sort(\.$fullName).sort(\.$id).offset(pagination.offset).limit(pagination.perPage).all()
        } catch let failure as ValidationFailure {
            error = failure.description
        }
        return try await req.page("candidates", ListContext(
            layout: Layout(title: "Candidates", request: req),
            candidates: rows.map { c in
                Row(id: c.typedID.description, fullName: c.fullName, headline: c.headline ?? "",
                    seniority: Seniority(rawValue: c.seniority)?.label ?? c.seniority, country: c.country ?? "",
                    timeZone: c.timeZone,
                    rate: CandidateView.rate(c),
                    vettingStatus: c.vettingStatus)
            },
            filters: pool.values,
            seniority: Option.list(Seniority.self, selected: pool["seniority"], includeEmpty: true),
            vetting: Option.list(VettingStatus.self, selected: pool["vetting"], includeEmpty: true),
            evidence: Option.list(EvidenceSource.self, selected: pool["evidence"], includeEmpty: true),
            kind: Option.list(CandidateKind.self, selected: pool["kind"], includeEmpty: true),
            error: error, total: total,
            links: PageLinks(pagination, total: total, path: "/candidates", query: pool.pairs),
            canCreate: scope.allows(.editCandidates)), status: error == nil ? .ok : .badRequest)
    }

    func new(req: Request) async throws -> Response {
        try (try req.scope).require(.editCandidates)
        var form = CandidateForm()
        form.workStart = "09:00"
        form.workEnd = "17:00"
        form.currency = "USD"
        return try await renderForm(req, action: "/candidates", heading: "New candidate", form: form, failure: nil, cancel: "/candidates", status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let scope = try req.scope
        let form = try req.content.decode(CandidateForm.self)
        var failure = ValidationFailure()
        let input = form.input(keeping: [], failure: &failure)
        do {
            try failure.throwIfAny { () throws(ValidationFailure) in _ = try CandidateDraft.validate(input) }
            let candidate = try await CandidateWrites.create(input, scope: scope, on: req.db)
            return req.redirect(to: "/candidates/\(candidate.typedID)?notice=created")
        } catch let problem as ValidationFailure {
            return try await renderForm(req, action: "/candidates", heading: "New candidate", form: form, failure: problem, cancel: "/candidates", status: .badRequest)
        }
    }

    struct SkillRow: Encodable {
        let skillId: String
        let level: Int
        let evidence: String
        let strength: String
        let detail: String?
    }

    struct ShowContext: Encodable {
        let layout: Layout
        let candidate: CandidateView
        let skills: [SkillRow]
        let pipelines: [Pipeline]
        let roles: [Option]
        let canEdit: Bool
        let canAddToRole: Bool
        let duplicates: [Duplicate]
        let history: [HistoryEntry]
        let analyses: [AnalysisRow]
        let repositoryRoot: String
        let analysisError: String?
        let assessments: [AssessmentLinks.Summary]
        let tasks: [Option]

        struct Duplicate: Encodable {
            let id: String
            let fullName: String
        }

        struct HistoryEntry: Encodable {
            let at: String
            let actor: String
            let summary: String
            let changes: String
        }

        struct Pipeline: Encodable {
            let roleId: String
            let roleTitle: String
            let stage: String
        }
    }

    func show(req: Request) async throws -> Response {
        try await show(req, analysisError: nil, status: .ok)
    }

    func show(_ req: Request, analysisError: String?, status: HTTPResponseStatus) async throws -> Response {
        let scope = try req.scope
        let candidate = try await scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        let jobs = scope.allows(.editCandidates) ? try await JobQueue.jobs(about: candidate.id!, scope: scope, on: req.db) : []
        var layout = Layout(title: candidate.fullName, request: req)
        if jobs.contains(where: \.isActive) { layout.refreshSeconds = 2 }
        let skills = try await CandidateWrites.currentSkills(of: candidate.id!, on: req.db)
        let applications = try await scope.applications(on: req.db).filter(\.$candidate.$id == candidate.id!).with(\.$role).all()
        let inPipeline = Set(applications.map { $0.$role.id })
        let openRoles = scope.allows(.manageApplications)
            ? try await scope.roles(on: req.db).filter(\.$status ~~ [RoleStatus.open.rawValue, RoleStatus.draft.rawValue]).sort(\.$title).all()
            : []
        return try await req.page("candidate", ShowContext(
            layout: layout,
            candidate: CandidateView(candidate),
            skills: skills.sorted { ($0.evidence.strength, $0.level) > ($1.evidence.strength, $1.level) }.map {
                SkillRow(skillId: $0.skillID, level: $0.level, evidence: $0.evidence.rawValue, strength: $0.evidence.strengthLabel, detail: $0.detail)
            },
            pipelines: applications.map { .init(roleId: $0.$role.id.uuidString.lowercased(), roleTitle: $0.role.title, stage: $0.stage) },
            roles: openRoles.filter { !inPipeline.contains($0.id!) }.map { Option(value: $0.typedID.description, label: $0.title, selected: false) },
            canEdit: scope.allows(.editCandidates), canAddToRole: scope.allows(.manageApplications),
            duplicates: scope.allows(.editCandidates)
                ? try await DuplicateFinder.matches(of: candidate, scope: scope, on: req.db).map { .init(id: $0.typedID.description, fullName: $0.fullName) } : [],
            history: scope.allows(.editCandidates) ? try await history(of: candidate, on: req.db) : [],
            analyses: jobs.filter { $0.kind == PortfolioJob.kind }.map(AnalysisRow.init), repositoryRoot: req.application.vetted.config.repositoryRoot,
            analysisError: analysisError,
            assessments: try await AssessmentLinks.summaries(req, candidateID: candidate.id!),
            tasks: req.application.vetted.assessments.library.tasks.map {
                Option(value: $0.id, label: "\($0.manifest.title) (\($0.manifest.category.rawValue), \($0.manifest.timeMinutes) min)", selected: false)
            }), status: status)
    }

    /// Queues a repository analysis; the page then shows its progress.
    func analyse(req: Request) async throws -> Response {
        let scope = try req.scope
        let candidate = try await scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        struct Form: Content { var repository: String? }
        let form = try req.content.decode(Form.self)
        do {
            _ = try await PortfolioJob.enqueue(candidate: candidate, repository: form.repository ?? "", root: req.application.vetted.config.repositoryRoot,
                                               scope: scope, on: req.db)
        } catch let problem as DomainError {
            guard case .invalid = problem else { throw problem }
            return try await show(req, analysisError: problem.description, status: .badRequest)
        }
        return req.redirect(to: "/candidates/\(candidate.typedID)#analyses")
    }

    /// The profile's audit events and those of every profile merged into it.
    private func history(of candidate: CandidateModel, on db: any Database) async throws -> [ShowContext.HistoryEntry] {
        let formatter = ISO8601DateFormatter()
        return try await AuditEventModel.query(on: db)
            .filter(\.$entityType == "candidate").filter(\.$entityID ~~ ([candidate.id!] + candidate.mergedFrom))
            .sort(\.$occurredAt, .descending).limit(100).all()
            .map { e in
                .init(at: formatter.string(from: e.occurredAt), actor: e.actorLabel, summary: e.summary,
                      changes: AuditLog.decodeChanges(e.changes).prefix(8).map { "\($0.field): \($0.before ?? "—") → \($0.after ?? "—")" }.joined(separator: "; "))
            }
    }

    func edit(req: Request) async throws -> Response {
        let scope = try req.scope
        let candidate = try await scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        try scope.require(.editCandidates)
        let skills = try await CandidateWrites.currentSkills(of: candidate.id!, on: req.db)
        return try await renderForm(req, action: "/candidates/\(candidate.typedID)/edit", heading: "Edit \(candidate.fullName)",
                                    form: CandidateForm(candidate, skills: skills), failure: nil, cancel: "/candidates/\(candidate.typedID)", status: .ok)
    }

    func update(req: Request) async throws -> Response {
        let scope = try req.scope
        let id = try req.id(CandidateID.self, "candidateID")
        let candidate = try await scope.candidate(id, on: req.db)
        let form = try req.content.decode(CandidateForm.self)
        var failure = ValidationFailure()
        let input = form.input(keeping: try await CandidateWrites.currentSkills(of: candidate.id!, on: req.db), failure: &failure)
        let action = "/candidates/\(id)/edit"
        do {
            try failure.throwIfAny { () throws(ValidationFailure) in _ = try CandidateDraft.validate(input, over: candidate.draft) }
            _ = try await CandidateWrites.update(id, with: input, scope: scope, on: req.db)
            return req.redirect(to: "/candidates/\(id)?notice=saved")
        } catch let problem as ValidationFailure {
            return try await renderForm(req, action: action, heading: "Edit candidate", form: form, failure: problem, cancel: "/candidates/\(id)", status: .badRequest)
        } catch let problem as DomainError {
            guard case .conflict = problem else { throw problem }
            return try await renderForm(req, action: action, heading: "Edit candidate", form: form,
                                        failure: ValidationFailure([.init(field: "version", message: problem.description)]), cancel: "/candidates/\(id)", status: .conflict)
        }
    }

    private func renderForm(_ req: Request, action: String, heading: String, form: CandidateForm, failure: ValidationFailure?, cancel: String, status: HTTPResponseStatus) async throws -> Response {
        try await req.page("candidate-form", CandidateFormContext(
            layout: Layout(title: heading, request: req), action: action, heading: heading, form: form, failure: failure, cancel: cancel),
            status: status)
    }
}

/// A repository analysis as the profile page shows it.
struct AnalysisRow: Encodable {
    let id: String
    let status: String
    let progress: Int
    let note: String
    let repository: String
    let requestedBy: String
    let error: String?
    let summary: String?

    init(_ job: JobModel) {
        id = job.id!.uuidString.lowercased()
        status = job.status
        progress = job.progress
        note = job.progressNote
        repository = (try? JSONDecoder().decode(PortfolioJob.Payload.self, from: Data(job.payload.utf8)).repository) ?? ""
        requestedBy = job.requestedBy
        error = job.error
        if let text = job.result, let s = try? JSONDecoder().decode(PortfolioJob.Summary.self, from: Data(text.utf8)) {
            let scores = s.scores.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            summary = "\(s.category ?? "no category") (\(scores)); \(s.skills.count) skills: \(s.skills.prefix(12).joined(separator: ", "))"
                + "; tests: \(s.tests) files\(s.testFramework.map { " (\($0))" } ?? ""); CI: \(s.ci.isEmpty ? "none" : s.ci.joined(separator: ", "))"
                + "; type hints: \(s.typeHints.map { "\(Int($0 * 100))%" } ?? "n/a"); commits: \(s.commits)\(s.authorCommits.map { " (\($0) by this candidate)" } ?? "")"
        } else {
            summary = nil
        }
    }
}

struct CandidateView: Encodable {
    let id: String
    let fullName: String
    let kind: String
    let headline: String
    let email: String
    let phone: String
    let githubHandle: String
    let country: String
    let workingHours: String
    let seniority: String
    let yearsExperience: Int
    let rate: String
    /// Where the rate sits against the band for the candidate's country and seniority.
    let ratePlacement: String
    let availableFrom: String
    let hoursPerWeek: String
    let engagementPreferences: String
    let englishLevel: String
    let links: [String]
    let bio: String
    let vettingStatus: String
    let isPartner: Bool
    let teamSize: String
    let processes: String
    let communication: String
    let domains: String
    let caseStudies: [CaseStudy]
    let repositories: [String]

    init(_ c: CandidateModel) {
        id = c.typedID.description
        fullName = c.fullName
        kind = CandidateKind(rawValue: c.kind)?.label ?? c.kind
        headline = c.headline ?? ""
        email = c.email ?? "—"
        phone = c.phone ?? "—"
        githubHandle = c.githubHandle ?? ""
        country = c.country ?? "—"
        workingHours = "\(c.workStart)–\(c.workEnd) \(c.timeZone)"
        seniority = Seniority(rawValue: c.seniority)?.label ?? c.seniority
        yearsExperience = c.yearsExperience
        rate = Self.rate(c)
        availableFrom = c.availableFrom ?? "—"
        if let cents = c.hourlyRateCents, let country = c.country, let seniority = Seniority(rawValue: c.seniority),
           let (group, band) = RateCard.standard.band(forCountry: country, level: seniority) {
            let money = { (cents: Int) in Money.usd(cents).formatted }
            ratePlacement = "\(band.place(cents).rawValue) the \(group) band for \(seniority.rawValue) developers (\(money(band.low))–\(money(band.high))/h)"
        } else {
            ratePlacement = ""
        }
        hoursPerWeek = c.hoursPerWeek.map { "\($0) h/week" } ?? "—"
        engagementPreferences = c.engagementPreferences.isEmpty ? "—" : c.engagementPreferences.joined(separator: ", ")
        englishLevel = c.englishLevel.flatMap { EnglishLevel(rawValue: $0)?.label } ?? "—"
        // Only web links become clickable: a `javascript:` link must never render as one.
        links = c.links.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        bio = c.bio
        vettingStatus = VettingStatus(rawValue: c.vettingStatus)?.label ?? c.vettingStatus
        isPartner = c.kind == CandidateKind.partner.rawValue
        teamSize = c.teamSize.map { "\($0) people" } ?? "—"
        processes = c.processes ?? "—"
        communication = c.communication ?? "—"
        domains = c.domains.isEmpty ? "—" : c.domains.joined(separator: ", ")
        caseStudies = c.caseStudies.map { study in
            var s = study
            s.url = study.url.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
            return s
        }
        repositories = c.repositories
    }
}

extension CandidateView {
    /// "$45.00/h" in the candidate's own currency, or a dash.
    static func rate(_ c: CandidateModel) -> String {
        c.hourlyRateCents.map { Money(cents: Int64($0), currency: (try? CurrencyCode(c.currency)) ?? .usd).formatted + "/h" } ?? "—"
    }
}

extension EvidenceSource {
    /// Assessment and trial outrank a repository, which outranks a bare claim.
    var strength: Int {
        switch self {
        case .claimed: 1
        case .repository: 2
        case .assessment: 3
        case .trial: 4
        }
    }

    var strengthLabel: String {
        switch self {
        case .claimed: "weak — self-reported"
        case .repository: "medium — seen in code"
        case .assessment: "strong — graded assessment"
        case .trial: "strongest — paid trial"
        }
    }
}
