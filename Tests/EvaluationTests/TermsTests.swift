import Testing
import VettedDomain
@testable import Evaluation

@Suite struct TermsTests {
    @Test func trialCostIsWeeksTimesHoursTimesRate() throws {
        let trial = try TrialTerms(task: "Add a /predict endpoint", weeks: "2", hourlyCents: "5000", hoursPerWeek: "20",
                                   criteria: "tests pass\n\nlatency under 100 ms", startsOn: "2026-07-01")
        #expect(trial.plannedHours == 40)
        #expect(trial.plannedCents == 200_000)
        #expect(trial.criteria == ["tests pass", "latency under 100 ms"])
        #expect(throws: DomainError.invalid(field: "weeks", message: "a paid trial lasts 1 or 2 weeks; got '3'")) {
            try TrialTerms(task: "x", weeks: "3", hourlyCents: "5000", hoursPerWeek: "20", criteria: "a", startsOn: "2026-07-01")
        }
        #expect(throws: DomainError.self) { try TrialTerms(task: "x", weeks: "1", hourlyCents: "5000", hoursPerWeek: "20", criteria: " ", startsOn: "2026-07-01") }
    }

    @Test func offerTermsNameTheFieldThatIsWrong() throws {
        let offer = try OfferTerms(pricing: "hourly", amountCents: "6000", currency: "usd", hoursPerWeek: "40", workingHours: "09:00-17:00 Europe/Berlin",
                                   overlapHours: 4, channels: "Slack, weekly call", reportsTo: "CTO", startsOn: "2026-08-01")
        #expect(offer.currency == "USD")
        #expect(offer.channels == ["Slack", "weekly call"])
        #expect(offer.monthlyCents == 1_040_000)
        #expect(throws: DomainError.invalid(field: "pricing", message: "pricing must be one of hourly, monthly; got 'weekly'")) {
            try OfferTerms(pricing: "weekly", amountCents: "1", currency: "USD", hoursPerWeek: "40", workingHours: "w", overlapHours: 0, channels: "Slack", reportsTo: "CTO", startsOn: "2026-08-01")
        }
        #expect(throws: DomainError.self) {
            try OfferTerms(pricing: "monthly", amountCents: "100", currency: "USD", hoursPerWeek: "40", workingHours: "w", overlapHours: 0, channels: "", reportsTo: "CTO", startsOn: "2026-08-01")
        }
    }

    @Test func retriesBackOffAndStop() {
        #expect(RetrySchedule.delay(afterAttempt: 1) == 30)
        #expect(RetrySchedule.delay(afterAttempt: 3) == 120)
        #expect(RetrySchedule.delay(afterAttempt: 30) == 6 * 3600)
        #expect(!RetrySchedule.givesUp(afterAttempt: 11))
        #expect(RetrySchedule.givesUp(afterAttempt: 12))
    }

    @Test func templatesRefuseUnknownPlaceholders() throws {
        let template = MailTemplate(key: "t", subject: "Hi {{name}}", body: "Role {{ role }}.")
        let rendered = try template.render(["name": "Ada", "role": "ML engineer"])
        #expect(rendered.subject == "Hi Ada" && rendered.body == "Role ML engineer.")
        #expect(throws: DomainError.self) { try template.render(["name": "Ada"]) }
        #expect(MailTemplate.placeholders("{{a}} and {{ b }}") == ["a", "b"])
    }
}
