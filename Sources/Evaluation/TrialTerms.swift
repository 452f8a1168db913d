import VettedDomain

/// A paid trial (guide step 9): a task from the role's scope, one or two weeks, a paid
/// rate and hours, acceptance criteria. Money in integer cents.
public struct TrialTerms: Codable, Sendable, Equatable {
    public var task: String
    public var weeks: Int
    public var hourlyCents: Int
    public var hoursPerWeek: Int
    public var criteria: [String]
    public var startsOn: LocalDate

    /// Raw form or JSON values; errors name the field.
    public init(task: String?, weeks: String?, hourlyCents: String?, hoursPerWeek: String?, criteria: String?, startsOn: String?) throws(DomainError) {
        let task = task?.trimmed ?? ""
        guard !task.isEmpty else { throw .invalid(field: "task", message: "the trial needs a task: what will the candidate build?") }
        guard let weeksText = weeks?.trimmed, let weeks = Int(weeksText), weeks == 1 || weeks == 2 else {
            throw .invalid(field: "weeks", message: "a paid trial lasts 1 or 2 weeks; got '\(weeks ?? "")'")
        }
        guard let rateText = hourlyCents?.trimmed, let rate = Int(rateText), rate > 0, rate <= 100_000 else {
            throw .invalid(field: "hourlyCents", message: "the trial's hourly rate must be a whole number of cents from 1 to 100000; got '\(hourlyCents ?? "")'")
        }
        guard let hoursText = hoursPerWeek?.trimmed, let hours = Int(hoursText), (1...60).contains(hours) else {
            throw .invalid(field: "hoursPerWeek", message: "hours per week must be 1 to 60; got '\(hoursPerWeek ?? "")'")
        }
        let items = (criteria ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw .invalid(field: "criteria", message: "write at least one acceptance criterion, one per line") }
        guard let startText = startsOn?.trimmed, !startText.isEmpty else { throw .invalid(field: "startsOn", message: "the trial needs a start date (YYYY-MM-DD)") }
        self.task = task
        self.weeks = weeks
        self.hourlyCents = rate
        self.hoursPerWeek = hours
        self.criteria = items
        self.startsOn = try LocalDate(startText, field: "startsOn")
    }

    public var plannedHours: Int { weeks * hoursPerWeek }
    public var plannedCents: Int { plannedHours * hourlyCents }

    /// What the trial costs for the hours actually logged.
    public func cost(loggedHours: Int) -> Int { loggedHours * hourlyCents }
}

/// How the trial ends: convert to an offer or close, with the review on the scorecard scale.
public enum TrialDecision: String, Vocabulary {
    case convert, close
}
