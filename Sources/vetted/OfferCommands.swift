import ArgumentParser
import Foundation
import VettedWeb

/// `vetted offer …`: terms drafted from the candidate's rate and the role, approved by a second member (which
/// prints the candidate's private link, once), withdrawn; and the engagements recorded.
struct OfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Offers and engagement terms: draft, approve (a second member), withdraw, engagements.",
        subcommands: [List.self, Draft.self, Approve.self, Withdraw.self, Engagements.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The application's offers and their states.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        func run() async throws { try await callAPI(data, member, "GET", "applications/\(application)/offers") }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Draft an offer (the application must be in the offer stage); unset terms come from the candidate's rate and the role (hours, window, overlap, start), as on the offer page.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The application's id.") var application: String
        @Option(help: "hourly or monthly.") var pricing: String?
        @Option(help: "The price in cents.") var amountCents: Int?
        @Option(help: "ISO currency, e.g. USD.") var currency: String?
        @Option(help: "Hours per week.") var hoursPerWeek: Int?
        @Option(help: "Working hours, e.g. \"09:00-17:00 Europe/Berlin\".") var workingHours: String?
        @Option(help: "Hours of overlap with the team.") var overlapHours: Double?
        @Option(help: "A communication channel; repeat.") var channel: [String] = []
        @Option(help: "Whom the developer reports to.") var reportsTo: String?
        @Option(help: "Start date (YYYY-MM-DD).") var startsOn: String?
        func run() async throws {
            try await callAPI(data, member, "POST", "applications/\(application)/offers", body: [
                "pricing": pricing, "amountCents": amountCents, "currency": currency, "hoursPerWeek": hoursPerWeek, "workingHours": workingHours,
                "overlapHours": overlapHours, "channels": channel.isEmpty ? nil : channel, "reportsTo": reportsTo, "startsOn": startsOn])
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve an offer someone else drafted; prints the candidate's private link (shown only now; set VETTED_PUBLIC_URL for its host).")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The offer's id.") var offer: String
        @Option(help: "Days the link stays valid (1-30, default 7).") var validDays: Int?
        func run() async throws { try await callAPI(data, member, "POST", "offers/\(offer)/approve", body: ["validDays": validDays]) }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw an offer that is not yet answered.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        @Argument(help: "The offer's id.") var offer: String
        func run() async throws { try await callAPI(data, member, "POST", "offers/\(offer)/withdraw") }
    }

    struct Engagements: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Engagements recorded from accepted offers.")
        @OptionGroup var data: DataOptions
        @OptionGroup var member: MemberOptions
        func run() async throws { try await callAPI(data, member, "GET", "engagements") }
    }
}
