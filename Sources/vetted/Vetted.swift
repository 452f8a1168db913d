import ArgumentParser
import Foundation
import VettedDomain
import VettedWeb

/// `vetted`: the command line. It parses arguments and calls library code, nothing else.
@main
struct Vetted: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vetted",
        abstract: "Hire Python developers for AI/ML, data and backend work.",
        subcommands: [Serve.self, Migrate.self, Demo.self, UserCommand.self, TokenCommand.self, Backup.self, OverlapCommand.self, EstimateCommand.self, ChecklistCommand.self, PortfolioCommand.self, ImportCommand.self, ExportCommand.self, CandidatesCommand.self, BenchCommand.self, Worker.self, MatchCommand.self, SandboxCommand.self, AssessCommand.self, PlagiarismCommand.self, MailCommand.self, APICommand.self, PipelineCommand.self, ApplicationsCommand.self, ScorecardsCommand.self, TrialCommand.self, OfferCommand.self]
    )
}

/// Options every command that touches data takes.
struct DataOptions: ParsableArguments {
    @Option(help: "Folder for vetted.sqlite (VETTED_DATA_DIR; default ./data). Ignored when DATABASE_URL is set.")
    var dataDir: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical (LOG_LEVEL).")
    var logLevel: String?

    func config() throws -> VettedConfig {
        var environment = ProcessInfo.processInfo.environment
        if let dataDir { environment["VETTED_DATA_DIR"] = dataDir }
        if let logLevel { environment["LOG_LEVEL"] = logLevel }
        return try VettedConfig.load(environment: environment)
    }
}
