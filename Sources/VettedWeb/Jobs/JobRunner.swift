import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// Takes jobs from the database and runs them: inside `vetted serve`, and in `vetted
/// worker` processes on other machines sharing one PostgreSQL.
public struct JobRunner: Sendable {
    let app: Application
    public let worker: String

    public init(_ app: Application, worker: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8))") {
        self.app = app
        self.worker = worker
    }

    static let kinds = [PortfolioJob.kind, GradingJob.kind]

    /// Runs one queued job if there is one; true when it did.
    @discardableResult
    public func runOnce() async throws -> Bool {
        guard let job = try await JobQueue.claim(worker: worker, kinds: Self.kinds, on: app.db) else { return false }
        let db = app.db
        let worker = self.worker
        let id = job.id!
        app.logger.notice("job started", metadata: ["job": .string(id.uuidString), "kind": .string(job.kind)])
        do {
            let result: String
            switch job.kind {
            case PortfolioJob.kind:
                result = try await PortfolioJob.run(job, root: app.vetted.config.repositoryRoot, db: db) { percent, note in
                    try? await JobQueue.report(id, worker: worker, percent: percent, note: note, on: db)
                }
            case GradingJob.kind:
                result = try await GradingJob.run(job, service: app.vetted.assessments, db: db) { percent, note in
                    try? await JobQueue.report(id, worker: worker, percent: percent, note: note, on: db)
                }
            default:
                throw DomainError.invalid(field: "kind", message: "no handler for jobs of kind \(job.kind)")
            }
            try await JobQueue.finish(id, worker: worker, result: result, on: db)
            app.logger.notice("job done", metadata: ["job": .string(id.uuidString)])
        } catch {
            let message = (error as? DomainError)?.description ?? String(describing: error)
            try await JobQueue.fail(id, worker: worker, error: message, on: db)
            app.logger.warning("job failed", metadata: ["job": .string(id.uuidString), "error": .string(message)])
        }
        return true
    }

    /// Runs jobs until cancelled; when the queue is empty, looks again every `idle` seconds.
    public func loop(idle: Duration = .seconds(1)) async {
        while !Task.isCancelled {
            do {
                if try await runOnce() { continue }
            } catch {
                app.logger.error("job queue unavailable", metadata: ["error": .string("\(error)")])
            }
            try? await Task.sleep(for: idle)
        }
    }
}
