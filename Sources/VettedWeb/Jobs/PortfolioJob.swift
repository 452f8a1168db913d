import Fluent
import Foundation
import Portfolio
import Vapor
import VettedDomain
import VettedStore

/// Analyses a candidate's repository in the background and records what it finds as
/// repository evidence on the profile.
///
/// Only folders under the repository root (VETTED_REPOSITORY_ROOT, default
/// `<data dir>/repositories`) or https git URLs are accepted: a pool editor must not be
/// able to point the server at its own files.
enum PortfolioJob {
    static let kind = "portfolio-analysis"

    struct Payload: Codable {
        var candidateId: String
        var repository: String
    }

    /// Checks the request before it is queued, so a bad path is an immediate, clear error.
    /// Returns the URL, or the folder relative to the root (what the profile shows).
    static func validate(_ repository: String, root: String) throws -> String {
        let text = repository.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("https://") {
            guard URL(string: text)?.host != nil, !text.contains(" ") else {
                throw DomainError.invalid(field: "repository", message: "'\(text)' is not a git URL such as https://github.com/owner/project")
            }
            return text
        }
        guard !text.isEmpty else { throw DomainError.invalid(field: "repository", message: "give a folder under \(root) or an https git URL") }
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let candidate = URL(fileURLWithPath: text.hasPrefix("/") ? text : base + "/" + text).standardizedFileURL.resolvingSymlinksInPath().path
        guard candidate == base || candidate.hasPrefix(base + "/") else {
            throw DomainError.invalid(field: "repository", message: "repositories are read only from under \(base) (VETTED_REPOSITORY_ROOT); '\(text)' is outside it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DomainError.invalid(field: "repository", message: "\(text) is not a folder under \(base)")
        }
        return candidate == base ? "." : String(candidate.dropFirst(base.count + 1))
    }

    static func enqueue(candidate: CandidateModel, repository: String, root: String, scope: TenantScope, on db: any Database) async throws -> JobModel {
        try scope.require(.editCandidates)
        let checked = try validate(repository, root: root)
        let payload = String(decoding: try JSONEncoder().encode(Payload(candidateId: candidate.id!.uuidString, repository: checked)), as: UTF8.self)
        return try await JobQueue.enqueue(kind: kind, subjectID: candidate.id, payload: payload, scope: scope, on: db)
    }

    static func run(_ job: JobModel, root: String, db: any Database, progress: @escaping @Sendable (Int, String) async -> Void) async throws -> String {
        let payload = try JSONDecoder().decode(Payload.self, from: Data(job.payload.utf8))
        guard let candidateID = UUID(uuidString: payload.candidateId), let candidate = try await CandidateModel.find(candidateID, on: db) else {
            throw DomainError.notFound(entity: "candidate")
        }
        // A local folder is checked again: the root may have changed since it was queued.
        var path = payload.repository.hasPrefix("https://") ? payload.repository
            : URL(fileURLWithPath: root).appendingPathComponent(try validate(payload.repository, root: root)).path
        var clone: URL?
        if path.hasPrefix("https://") {
            await progress(2, "cloning \(path)")
            let target = URL(fileURLWithPath: root).appendingPathComponent("clones/\(job.id!.uuidString)")
            let url = path
            try await Blocking.run { try GitClone.run(url: url, into: target) }
            clone = target
            path = target.path
        }
        defer { if let clone { try? FileManager.default.removeItem(at: clone) } }
        var options = PortfolioAnalyzer.Options()
        if let email = candidate.email { options.authors = [email] }
        let reporter = ProgressRelay(progress)
        options.progress = { done, total, stage in reporter.send(done: done, total: total, stage: stage) }
        let analysed = path
        let settings = options
        let report = try await Blocking.run { try PortfolioAnalyzer().analyze(path: analysed, options: settings) }
        await progress(95, "recording evidence")
        let findings = report.skills.map { skill -> EvidenceWrites.Finding in
            let count = skill.evidence.count
            let first = skill.evidence.first.map { "\($0.file):\($0.line) (\($0.kind))" } ?? ""
            return .init(skillID: skill.id, level: count >= 10 ? 4 : count >= 3 ? 3 : 2,
                         detail: "\(payload.repository): \(first)\(count > 1 ? " and \(count - 1) more" : "")")
        }
        try await EvidenceWrites.recordRepository(candidateID, repository: payload.repository, findings: findings,
                                                  actor: AuditActor(userID: nil, label: "job \(job.id!.uuidString.prefix(8)) for \(job.requestedBy)", organizationID: job.organizationID),
                                                  on: db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Summary(report)), as: UTF8.self)
    }

    /// What the profile page shows of an analysis.
    struct Summary: Codable {
        var category: String?
        var scores: [String: Int]
        var skills: [String]
        var tests: Int
        var testFramework: String?
        var ci: [String]
        var typeHints: Double?
        var commits: Int
        var authorCommits: Int?
        var skipped: [String: Int]

        init(_ r: PortfolioReport) {
            category = r.category
            scores = r.scores
            skills = r.skills.map(\.name)
            tests = r.practices.tests.files
            testFramework = r.practices.tests.framework
            ci = r.practices.ci
            typeHints = r.practices.typeHints
            commits = r.history.commits
            authorCommits = r.history.authorCommits
            skipped = r.scan.skipped
        }
    }
}

/// Passes the analyser's synchronous progress to the job's async reporter, at most once
/// per 5 %.
final class ProgressRelay: @unchecked Sendable {
    private let lock = NSLock()
    private var last = -1
    private var pending: (Int, String)?
    private let send: @Sendable (Int, String) async -> Void

    init(_ send: @escaping @Sendable (Int, String) async -> Void) { self.send = send }

    func send(done: Int, total: Int, stage: String) {
        let percent = total > 0 ? 5 + done * 85 / total : 5
        lock.lock()
        defer { lock.unlock() }
        guard percent >= last + 5 else { return }
        last = percent
        let note = "\(stage): \(done) of \(total)"
        pending = (percent, note)
        let send = self.send
        Task { await send(percent, note) }
    }
}

/// `git clone` of a public https repository, shallow, with no prompts and a time limit.
enum GitClone {
    static func run(url: String, into target: URL, timeout: TimeInterval = 180) throws {
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["clone", "--quiet", "--depth", "500", "--no-tags", "--", url, target.path]
        process.environment = ["GIT_TERMINAL_PROMPT": "0", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw DomainError.invalid(field: "repository", message: "cannot run git to clone \(url): \(error)")
        }
        let timedOut = LockedFlag()
        let timer = DispatchWorkItem { if process.isRunning { timedOut.set(); process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        process.waitUntilExit()
        timer.cancel()
        if timedOut.value {
            throw DomainError.invalid(field: "repository", message: "cloning \(url) took longer than \(Int(timeout)) s")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw DomainError.invalid(field: "repository", message: "git could not clone \(url): \(message.split(separator: "\n").first ?? "exit \(process.terminationStatus)")")
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.lock(); flag = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}

/// Runs blocking work (file walks, child processes) on a plain thread, off the
/// cooperative pool the server's requests share.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
