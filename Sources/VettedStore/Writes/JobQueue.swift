import FluentKit
import Foundation
import SQLKit
import VettedDomain

/// The database as a job queue. A claim is one conditional UPDATE, so two workers never
/// take the same job: PostgreSQL skips rows another transaction holds
/// (`FOR UPDATE SKIP LOCKED`); SQLite runs one writer at a time. A running job keeps a
/// lease it renews as it reports progress; a job whose lease ran out (its worker died) is
/// queued again, up to its attempt limit.
public enum JobQueue {
    public static let lease: TimeInterval = 300

    public static func enqueue(kind: String, subjectID: UUID?, payload: String, scope: TenantScope, maxAttempts: Int = 3,
                               on db: any Database) async throws -> JobModel {
        try await db.transaction { tx in
            try await insert(kind: kind, subjectID: subjectID, payload: payload, organizationID: scope.organizationID.rawValue,
                             requestedBy: scope.userEmail, actor: scope.actor, maxAttempts: maxAttempts, on: tx)
        }
    }

    /// Queues a job inside the caller's transaction, so the job exists exactly when the
    /// write that needs it does (a submission and its grading).
    public static func insert(kind: String, subjectID: UUID?, payload: String, organizationID: UUID, requestedBy: String,
                              actor: AuditActor, maxAttempts: Int = 3, on tx: any Database) async throws -> JobModel {
        let job = JobModel()
        job.id = UUID()
        job.organizationID = organizationID
        job.kind = kind
        job.subjectID = subjectID
        job.payload = payload
        job.status = JobStatus.queued.rawValue
        job.progress = 0
        job.progressNote = "waiting for a worker"
        job.attempts = 0
        job.maxAttempts = maxAttempts
        job.requestedBy = requestedBy
        job.createdAt = Date()
        try await job.create(on: tx)
        try await AuditLog.record(.create, entityType: "job", entityID: job.id!, organizationID: job.organizationID,
                                  before: nil, after: ["kind": kind, "subject": subjectID?.uuidString ?? ""],
                                  summary: "queued \(kind)", actor: actor, on: tx)
        return job
    }

    /// Takes the oldest queued job for `worker`, or nil when there is none.
    public static func claim(worker: String, kinds: [String], now: Date = Date(), on db: any Database) async throws -> JobModel? {
        try await requeueExpired(now: now, on: db)
        let sql = db.sql
        let lock = DialectSQL.isPostgres(sql) ? " FOR UPDATE SKIP LOCKED" : ""
        let kindList = SQLGroupExpression(SQLList(kinds.map { SQLBind($0) }))
        let rows = try await sql.raw("""
            UPDATE jobs SET status = 'running', locked_by = \(bind: worker), attempts = attempts + 1,
                started_at = \(bind: now), lease_until = \(bind: now.addingTimeInterval(lease)), progress_note = 'started'
            WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind IN \(kindList) ORDER BY created_at, id LIMIT 1\(unsafeRaw: lock))
              AND status = 'queued'
            RETURNING id
            """).all()
        guard let row = rows.first else { return nil }
        return try await JobModel.find(try row.decode(column: "id", as: UUID.self), on: db)
    }

    /// A worker that died mid-job left it running with an old lease: queue it again, or
    /// fail it when it has used its attempts.
    static func requeueExpired(now: Date, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE jobs SET status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
                error = CASE WHEN attempts >= max_attempts THEN 'the worker stopped before finishing, on every attempt' ELSE error END,
                locked_by = NULL, progress_note = 'its worker stopped; queued again'
            WHERE status = 'running' AND lease_until < \(bind: now)
            """).run()
    }

    /// Progress from the job's own worker; also renews its lease.
    public static func report(_ jobID: UUID, worker: String, percent: Int, note: String, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE jobs SET progress = \(bind: max(0, min(100, percent))), progress_note = \(bind: String(note.prefix(200))),
                lease_until = \(bind: Date().addingTimeInterval(lease))
            WHERE id = \(bind: jobID) AND locked_by = \(bind: worker) AND status = 'running'
            """).run()
    }

    public static func finish(_ jobID: UUID, worker: String, result: String, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE jobs SET status = 'done', progress = 100, progress_note = 'done', result = \(bind: result),
                finished_at = \(bind: Date()), lease_until = NULL
            WHERE id = \(bind: jobID) AND locked_by = \(bind: worker) AND status = 'running'
            """).run()
    }

    /// A handler error is final: bad input does not get better on a retry.
    public static func fail(_ jobID: UUID, worker: String, error: String, on db: any Database) async throws {
        try await db.sql.raw("""
            UPDATE jobs SET status = 'failed', progress_note = 'failed', error = \(bind: String(error.prefix(2000))),
                finished_at = \(bind: Date()), lease_until = NULL
            WHERE id = \(bind: jobID) AND locked_by = \(bind: worker) AND status = 'running'
            """).run()
    }

    public static func jobs(about subjectID: UUID, scope: TenantScope, on db: any Database) async throws -> [JobModel] {
        try await JobModel.query(on: db).filter(\.$subjectID == subjectID).filter(\.$organizationID == scope.organizationID.rawValue)
            .sort(\.$createdAt, .descending).limit(20).all()
    }

    /// A job the caller may see: their organization's (operators see all).
    public static func job(_ id: UUID, scope: TenantScope, on db: any Database) async throws -> JobModel {
        guard let job = try await JobModel.find(id, on: db), scope.seesEverything || job.organizationID == scope.organizationID.rawValue else {
            throw DomainError.notFound(entity: "job")
        }
        return job
    }
}
