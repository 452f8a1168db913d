import VettedDomain

/// Engagement terms (guide step 10): price, hours, working hours and overlap,
/// communication channels, reporting structure, start date.
public struct OfferTerms: Codable, Sendable, Equatable {
    public enum Pricing: String, Vocabulary { case hourly, monthly }

    public var pricing: Pricing
    /// Cents per hour or per month, as `pricing` says.
    public var amountCents: Int
    public var currency: String
    public var hoursPerWeek: Int
    public var workingHours: String
    public var overlapHours: Double
    public var channels: [String]
    public var reportsTo: String
    public var startsOn: LocalDate

    public init(pricing: String?, amountCents: String?, currency: String?, hoursPerWeek: String?, workingHours: String?,
                overlapHours: Double, channels: String?, reportsTo: String?, startsOn: String?) throws(DomainError) {
        self.pricing = try Pricing.parse(pricing ?? "", field: "pricing")
        guard let text = amountCents?.trimmed, let amount = Int(text), amount > 0, amount <= 10_000_000_00 else {
            throw .invalid(field: "amountCents", message: "the price must be a positive whole number of cents; got '\(amountCents ?? "")'")
        }
        let code = (currency?.trimmed ?? "").uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isLetter }) else { throw .invalid(field: "currency", message: "currency must be a 3-letter code such as USD; got '\(currency ?? "")'") }
        guard let hoursText = hoursPerWeek?.trimmed, let hours = Int(hoursText), (1...60).contains(hours) else {
            throw .invalid(field: "hoursPerWeek", message: "hours per week must be 1 to 60; got '\(hoursPerWeek ?? "")'")
        }
        let window = workingHours?.trimmed ?? ""
        guard !window.isEmpty else { throw .invalid(field: "workingHours", message: "write the working hours, such as '09:00-17:00 Europe/Berlin'") }
        let list = (channels ?? "").split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        guard !list.isEmpty else { throw .invalid(field: "channels", message: "name at least one communication channel (Slack, e-mail, weekly call)") }
        let boss = reportsTo?.trimmed ?? ""
        guard !boss.isEmpty else { throw .invalid(field: "reportsTo", message: "say whom the developer reports to") }
        guard let startText = startsOn?.trimmed, !startText.isEmpty else { throw .invalid(field: "startsOn", message: "the offer needs a start date (YYYY-MM-DD)") }
        self.amountCents = amount
        self.currency = code
        self.hoursPerWeek = hours
        self.workingHours = window
        self.overlapHours = overlapHours
        self.channels = list
        self.reportsTo = boss
        self.startsOn = try LocalDate(startText, field: "startsOn")
    }

    /// A month as 52/12 weeks: what finance compares against the estimate.
    public var monthlyCents: Int {
        switch pricing {
        case .monthly: amountCents
        case .hourly: Int((Double(amountCents * hoursPerWeek) * 52.0 / 12.0).rounded())
        }
    }
}
