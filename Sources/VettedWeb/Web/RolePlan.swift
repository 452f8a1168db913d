import Foundation
import Planning
import Taxonomy
import VettedDomain
import VettedStore
import WorkingHours

/// The planning panel of a role page: its checklist, what it costs where, and which
/// zones give the overlap it needs. Built from the engines on every view, so a change to
/// the brief shows at once.
struct RolePlan: Encodable {
    struct Item: Encodable { let name: String; let reason: String }
    struct Cost: Encodable {
        let location: String
        let hourly: String
        let monthly: String
        let total: String
        /// What the salary survey says for the same cell, where the figure is the guide's.
        let survey: String
    }
    struct Zone: Encodable {
        let zone: String
        let window: String
        let hours: String
        let enough: Bool
    }

    /// True when the role has a saved checklist; else the lists are a suggestion.
    let checklistSaved: Bool
    let mustHave: [Item]
    let niceToHave: [Item]
    let flags: [String]
    let missing: [String]
    let briefCategory: String?
    let briefWords: String
    let costs: [Cost]
    let costBasis: String
    let zones: [Zone]
    let engagement: [Advice]
    let location: [Advice]
    let adviceNote: String

    struct Advice: Encodable {
        let option: String
        let score: Int
        let factors: String
        let timeToStart: String?
    }
    let overlapDate: String
    let overlapRequired: String

    /// Zones Vetted's pool draws from, each with a typical 09:00–17:00 day.
    static let poolZones = ["America/Los_Angeles", "America/New_York", "America/Mexico_City", "America/Bogota", "America/Sao_Paulo",
                            "America/Argentina/Buenos_Aires", "Europe/London", "Europe/Lisbon", "Europe/Berlin", "Europe/Warsaw",
                            "Europe/Kyiv", "Africa/Lagos", "Africa/Cairo", "Africa/Nairobi", "Asia/Karachi", "Asia/Kolkata",
                            "Asia/Ho_Chi_Minh", "Asia/Manila"]

    init(_ role: RoleModel, saved: [ChecklistWrites.Line] = [], card: RateCard = .standard, today: Date = Date()) {
        let estimator = CostEstimator(card: card)
        let draft = role.draft
        let request = RoleChecklist.request(for: draft)
        let checklist = try? ChecklistBuilder().build(request)
        checklistSaved = !saved.isEmpty
        if saved.isEmpty {
            mustHave = checklist?.mustHave.map { Item(name: $0.name, reason: $0.reason) } ?? []
            niceToHave = checklist?.niceToHave.map { Item(name: $0.name, reason: $0.reason) } ?? []
        } else {
            let name = { (id: String) in Taxonomy.standard.skill(id)?.name ?? id }
            mustHave = saved.filter(\.mustHave).map { Item(name: name($0.skillId), reason: $0.reason) }
            niceToHave = saved.filter { !$0.mustHave }.map { Item(name: name($0.skillId), reason: $0.reason) }
        }
        var flags = checklist?.flags ?? []
        let unknown = draft.specialties.filter { ChecklistBuilder.specialties[$0.lowercased()] == nil }
        if !unknown.isEmpty { flags.append("specialties the checklist does not know: \(unknown.joined(separator: ", "))") }
        self.flags = flags
        missing = checklist?.missing ?? []
        briefCategory = checklist?.classification?.category
        briefWords = checklist?.classification?.evidence.prefix(10).map(\.word).joined(separator: ", ") ?? ""

        let hoursPerWeek = draft.hoursPerWeek ?? 40
        let weeks = draft.durationWeeks ?? 1
        costBasis = draft.durationWeeks == nil ? "\(hoursPerWeek) h for one week (the role has no duration yet)" : "\(hoursPerWeek) h/week × \(weeks) weeks"
        let level: Seniority = draft.seniority
        var costs: [Cost] = WorkLocation.allCases.compactMap { location in
            var estimate = EstimateRequest(category: draft.category, level: level, location: location, hoursPerWeek: hoursPerWeek, weeks: weeks)
            estimate.region = ClientRegion(zone: draft.timeZone)
            guard let result = try? estimator.estimate(estimate) else { return nil }
            func money(_ cents: Int) -> String { Money.usd(cents).formatted }
            // A month is 52/12 weeks of the role's hours.
            let monthly = result.hourlyCents.expected * hoursPerWeek * 52 / 12
            var survey = ""
            if location == .offshore, let cell = card.market.first(where: { $0.location == "offshore" && $0.level == (level == .lead ? "senior" : level.rawValue) && $0.specialty == draft.category.rawValue }) {
                survey = "survey: \(money(cell.p25Cents)) – \(money(cell.p75Cents)), median \(money(cell.medianCents))"
                    + (cell.fallback.map { " (\($0.n) salaries, \($0.specialty) specialties)" } ?? " (\(cell.n) salaries)")
            }
            return Cost(location: location.label, hourly: "\(money(result.hourlyCents.low)) – \(money(result.hourlyCents.high)) (expected \(money(result.hourlyCents.expected)))",
                        monthly: money(monthly), total: "\(money(result.totalCents.low)) – \(money(result.totalCents.high))", survey: survey)
        }
        if let employee = try? estimator.inHouse(category: draft.category, level: level, weeks: weeks,
                                                       region: ClientRegion(zone: draft.timeZone)) {
            let money = { (cents: Int) in Money.usd(cents).formatted }
            costs.append(Cost(location: "In-house employee (local)",
                              hourly: "salary \(money(employee.annualSalaryCents))/year × \(Double(employee.overheadPerMille) / 1000) overhead",
                              monthly: money(employee.annualSalaryCents * employee.overheadPerMille / 1000 / 12),
                              total: "\(money(employee.totalCents)) incl. \(money(employee.recruitingCents)) recruiting",
                              survey: "hiring takes about \(employee.weeksToHire) weeks"))
        }
        self.costs = costs

        let date = draft.startDate ?? Self.localDate(today, zone: draft.timeZone)
        overlapDate = date.description
        let required = draft.overlapHours ?? 0
        overlapRequired = draft.overlapHours.map { "\($0) h" } ?? "not set"
        if let roleWindow = try? WorkingWindow(start: draft.workStart, end: draft.workEnd, zone: draft.timeZone) {
            zones = Self.poolZones.compactMap { identifier in
                guard let zone = try? ZoneName(identifier), let window = try? WorkingWindow(start: LocalTime(hour: 9, minute: 0), end: LocalTime(hour: 17, minute: 0), zone: zone) else { return nil }
                // A weekday in the role's calendar, so a weekend start date still says something.
                let day = OverlapCalculator.overlap(roleWindow, window, on: Self.nextWeekday(date, zone: draft.timeZone))
                return Zone(zone: identifier, window: "09:00–17:00", hours: String(format: "%.1f h", day.hours), enough: day.hours >= Double(required))
            }
        } else {
            zones = []
        }

        let advice = try? HiringModelAdvisor(estimator: estimator).advise(RoleChecklist.advisorRequest(for: draft, today: today))
        func rows(_ options: [AdvisedOption]) -> [Advice] {
            options.map { o in
                Advice(option: o.option, score: o.score,
                       factors: o.factors.map { "\($0.factor) \($0.points > 0 ? "+" : "")\($0.points): \($0.why)" }.joined(separator: "; "),
                       timeToStart: o.timeToStart)
            }
        }
        engagement = rows(advice?.engagement ?? [])
        location = rows(advice?.location ?? [])
        adviceNote = (draft.durationWeeks == nil ? "No duration yet: advised as 12 weeks. " : "") + "Budget class: \(advice?.budgetClass ?? "unknown"); \(advice?.fullTime == true ? "full-time" : "part-time")."
    }

    static func noon(_ date: LocalDate, zone: ZoneName) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))!
    }

    static func localDate(_ date: Date, zone: ZoneName) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)
    }

    static func nextWeekday(_ date: LocalDate, zone: ZoneName) -> LocalDate {
        Weekdays.next(onOrAfter: date, zone: zone)
    }
}
