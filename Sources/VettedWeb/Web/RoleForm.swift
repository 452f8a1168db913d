import Vapor
import VettedDomain
import VettedStore

/// The role form as typed: strings, so a page can show back exactly what was entered.
struct RoleForm: Content {
    var organizationId: String?
    var title: String?
    var category: String?
    var seniority: String?
    var status: String?
    var summary: String?
    var specialties: String?
    var features: String?
    var integrations: String?
    var deliverables: String?
    var ipOwnership: String?
    var startDate: String?
    var durationWeeks: String?
    var hoursPerWeek: String?
    var workStart: String?
    var workEnd: String?
    var timeZone: String?
    var overlapHours: String?
    var budgetHourly: String?
    var budgetTotal: String?
    var currency: String?
    var version: String?

    init() {}

    init(_ role: RoleModel) {
        title = role.title
        category = role.category
        seniority = role.seniority
        status = role.status
        summary = role.summary
        specialties = role.specialties.joined(separator: ", ")
        features = role.features.joined(separator: "\n")
        integrations = role.integrations.joined(separator: ", ")
        deliverables = role.deliverables
        ipOwnership = role.ipOwnership
        startDate = role.startDate
        durationWeeks = role.durationWeeks.map(String.init)
        hoursPerWeek = role.hoursPerWeek.map(String.init)
        workStart = role.workStart
        workEnd = role.workEnd
        timeZone = role.timeZone
        overlapHours = role.overlapHours.map(String.init)
        budgetHourly = FormParsing.dollars(role.budgetHourlyCents)
        budgetTotal = FormParsing.dollars(role.budgetTotalCents)
        currency = role.currency
        version = String(role.version)
    }

    /// The API's input; problems reading numbers are collected, not thrown one by one.
    func input(failure: inout ValidationFailure) -> RoleInput {
        var input = RoleInput()
        input.organizationId = organizationId
        input.title = title ?? ""
        input.category = category
        input.seniority = seniority
        input.status = status
        input.summary = summary ?? ""
        input.specialties = FormParsing.list(specialties)
        input.features = FormParsing.lines(features)
        input.integrations = FormParsing.list(integrations)
        input.deliverables = deliverables ?? ""
        input.ipOwnership = ipOwnership ?? ""
        input.startDate = startDate ?? ""
        input.durationWeeks = FormParsing.integer(durationWeeks, field: "durationWeeks", failure: &failure)
        input.hoursPerWeek = FormParsing.integer(hoursPerWeek, field: "hoursPerWeek", failure: &failure)
        input.workStart = workStart
        input.workEnd = workEnd
        input.timeZone = timeZone
        input.overlapHours = FormParsing.integer(overlapHours, field: "overlapHours", failure: &failure)
        input.budgetHourlyCents = FormParsing.cents(budgetHourly, field: "budgetHourly", failure: &failure)
        input.budgetTotalCents = FormParsing.cents(budgetTotal, field: "budgetTotal", failure: &failure)
        input.currency = currency
        input.version = FormParsing.integer(version, field: "version", failure: &failure)
        return input
    }
}

/// What the role form page shows: the values, the choices and the errors by field.
struct RoleFormContext: Encodable {
    let layout: Layout
    let action: String
    let heading: String
    let form: RoleForm
    let errors: [String: String]
    let categories: [Option]
    let seniorities: [Option]
    let statuses: [Option]
    let ipOwnerships: [Option]
    let organizations: [Option]
    let cancel: String
    /// What the intake read from a brief, when the form came from one.
    let reading: BriefReading?

    init(layout: Layout, action: String, heading: String, form: RoleForm, failure: ValidationFailure?, organizations: [Option], cancel: String, reading: BriefReading? = nil) {
        self.reading = reading
        self.layout = layout
        self.action = action
        self.heading = heading
        self.form = form
        var errors = [String: String]()
        for issue in failure?.issues ?? [] where errors[issue.field] == nil {
            // Money fields are typed in dollars on the page.
            let field = issue.field == "budgetHourlyCents" ? "budgetHourly" : issue.field == "budgetTotalCents" ? "budgetTotal" : issue.field
            errors[field] = issue.message
        }
        self.errors = errors
        categories = Option.list(RoleCategory.self, selected: form.category)
        seniorities = Option.list(Seniority.self, selected: form.seniority ?? Seniority.mid.rawValue)
        statuses = Option.list(RoleStatus.self, selected: form.status ?? RoleStatus.draft.rawValue)
        ipOwnerships = Option.list(IPOwnership.self, selected: form.ipOwnership, includeEmpty: true)
        self.organizations = organizations
        self.cancel = cancel
    }
}
