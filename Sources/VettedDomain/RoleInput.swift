/// A job brief as a user sends it (JSON or form), every field optional: on create the
/// required ones must be present, on update an absent field keeps its value.
public struct RoleInput: Codable, Sendable, Equatable {
    public var organizationId: String?
    public var title: String?
    public var category: String?
    public var specialties: [String]?
    public var summary: String?
    public var features: [String]?
    public var integrations: [String]?
    public var deliverables: String?
    public var ipOwnership: String?
    public var startDate: String?
    public var durationWeeks: Int?
    public var hoursPerWeek: Int?
    public var workStart: String?
    public var workEnd: String?
    public var timeZone: String?
    public var overlapHours: Int?
    public var budgetHourlyCents: Int?
    public var budgetTotalCents: Int?
    public var currency: String?
    public var seniority: String?
    public var status: String?
    /// The version the editor read; required on update.
    public var version: Int?

    public init() {}
}

/// Who owns what the developer builds.
public enum IPOwnership: String, Vocabulary {
    case client, shared, developer
}

/// A validated job brief.
public struct RoleDraft: Sendable, Equatable {
    public var title: String
    public var category: RoleCategory
    public var specialties: [String]
    public var summary: String
    public var features: [String]
    public var integrations: [String]
    public var deliverables: String
    public var ipOwnership: IPOwnership?
    public var startDate: LocalDate?
    public var durationWeeks: Int?
    public var hoursPerWeek: Int?
    public var workStart: LocalTime
    public var workEnd: LocalTime
    public var timeZone: ZoneName
    public var overlapHours: Int?
    public var budgetHourlyCents: Int?
    public var budgetTotalCents: Int?
    public var currency: CurrencyCode
    public var seniority: Seniority
    public var status: RoleStatus

    /// Validates `input` laid over `existing` (nil on create). Every bad field is reported.
    public static func validate(_ input: RoleInput, over existing: RoleDraft? = nil) throws(ValidationFailure) -> RoleDraft {
        var failure = ValidationFailure()
        let title = Text.required(input.title ?? existing?.title, field: "title", maxLength: 200, failure: &failure)
        let category: RoleCategory? = Text.parsed(input.category, existing: existing?.category, field: "category", failure: &failure) { t throws(DomainError) in try RoleCategory.parse(t, field: "category") }
        let seniority: Seniority? = Text.parsed(input.seniority, existing: existing?.seniority ?? .mid, field: "seniority", failure: &failure) { t throws(DomainError) in try Seniority.parse(t, field: "seniority") }
        let status: RoleStatus? = Text.parsed(input.status, existing: existing?.status ?? .draft, field: "status", failure: &failure) { t throws(DomainError) in try RoleStatus.parse(t, field: "status") }
        let zone: ZoneName? = Text.parsed(input.timeZone, existing: existing?.timeZone, field: "timeZone", failure: &failure) { t throws(DomainError) in try ZoneName(t, field: "timeZone") }
        let workStart: LocalTime? = Text.parsed(input.workStart, existing: existing?.workStart ?? LocalTime(hour: 9, minute: 0), field: "workStart", failure: &failure) { t throws(DomainError) in try LocalTime(t, field: "workStart") }
        let workEnd: LocalTime? = Text.parsed(input.workEnd, existing: existing?.workEnd ?? LocalTime(hour: 17, minute: 0), field: "workEnd", failure: &failure) { t throws(DomainError) in try LocalTime(t, field: "workEnd") }
        let currency: CurrencyCode? = Text.parsed(input.currency, existing: existing?.currency ?? .usd, field: "currency", failure: &failure) { t throws(DomainError) in try CurrencyCode(t) }
        let ip: IPOwnership?? = Text.optionalParsed(input.ipOwnership, existing: existing?.ipOwnership, failure: &failure) { t throws(DomainError) in try IPOwnership.parse(t, field: "ipOwnership") }
        let start: LocalDate?? = Text.optionalParsed(input.startDate, existing: existing?.startDate, failure: &failure) { t throws(DomainError) in try LocalDate(t, field: "startDate") }
        if let s = workStart, let e = workEnd, e <= s {
            failure.add(field: "workEnd", "workEnd must be after workStart (\(s)); overnight windows are not supported yet")
        }
        let weeks = Text.number(input.durationWeeks, existing: existing?.durationWeeks, field: "durationWeeks", range: 1...520, failure: &failure)
        let hours = Text.number(input.hoursPerWeek, existing: existing?.hoursPerWeek, field: "hoursPerWeek", range: 1...80, failure: &failure)
        let overlap = Text.number(input.overlapHours, existing: existing?.overlapHours, field: "overlapHours", range: 0...24, failure: &failure)
        let hourly = Text.number(input.budgetHourlyCents, existing: existing?.budgetHourlyCents, field: "budgetHourlyCents", range: 0...100_000_000, failure: &failure)
        let total = Text.number(input.budgetTotalCents, existing: existing?.budgetTotalCents, field: "budgetTotalCents", range: 0...1_000_000_000_000, failure: &failure)
        try failure.throwIfAny()
        return RoleDraft(
            title: title!, category: category!,
            specialties: Text.list(input.specialties, existing: existing?.specialties),
            summary: input.summary ?? existing?.summary ?? "",
            features: Text.list(input.features, existing: existing?.features),
            integrations: Text.list(input.integrations, existing: existing?.integrations),
            deliverables: input.deliverables ?? existing?.deliverables ?? "",
            ipOwnership: ip!, startDate: start!, durationWeeks: weeks, hoursPerWeek: hours,
            workStart: workStart!, workEnd: workEnd!, timeZone: zone!, overlapHours: overlap,
            budgetHourlyCents: hourly, budgetTotalCents: total, currency: currency!,
            seniority: seniority!, status: status!
        )
    }
}
