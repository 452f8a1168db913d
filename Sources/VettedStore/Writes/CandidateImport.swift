import FluentKit
import Foundation
import SQLKit
import VettedDomain

/// Imports profiles into the operator's pool in one transaction.
///
/// A row whose e-mail, GitHub handle or phone matches a profile already in the pool
/// updates that profile (given fields replace, empty ones keep, skills are added); a row
/// matching an earlier row of the same batch is skipped. New profiles are written in
/// multi-row INSERTs — one statement per few hundred rows — because a statement per row
/// is what makes a 100,000-row import take minutes.
public enum CandidateImport {
    /// - Parameter bulkLoadFrom: the batch size from which the import loads in bulk (drops
    ///   and rebuilds the secondary indexes when it at least doubles the pool, leaves the
    ///   WAL checkpoint for after the report); tests lower it to exercise that path.
    /// - Parameter partSize: rows planned and written at a time (see `Planner`).
    public static func run(
        _ rows: [ImportRecord], unreadable: [ImportOutcome] = [], mode: ImportMode,
        scope: TenantScope, on db: any Database, bulkLoadFrom: Int = 20_000, partSize: Int = 10_000,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportReport {
        try scope.require(.editCandidates)
        let organizationID = scope.organizationID.rawValue
        let bulk = rows.count >= bulkLoadFrom
        let report: ImportReport
        do {
            report = try await BulkLoadSettings.transaction(on: db, bulk: bulk) { tx in
                try await load(rows, unreadable: unreadable, mode: mode, organizationID: organizationID, actor: scope.actor,
                               bulk: bulk, partSize: max(1, partSize), outerTransaction: db.inTransaction, on: tx, progress: progress)
            }
        } catch let rolledBack as NothingWritten {
            return rolledBack.report
        }
        if bulk && report.committed && !DialectSQL.isPostgres(db.sql) { DeferredCheckpoint.start(on: db) }
        return report
    }

    /// Thrown out of the transaction to roll back what an all-or-nothing import had written
    /// before one of its rows failed; carries the report of what would have happened.
    struct NothingWritten: Error {
        let report: ImportReport
    }

    /// Matches the rows with the pool, then writes each part as the planner hands it over.
    static func load(_ rows: [ImportRecord], unreadable: [ImportOutcome], mode: ImportMode, organizationID: UUID, actor: AuditActor,
                     bulk: Bool, partSize: Int, outerTransaction: Bool, on tx: any Database,
                     progress: (@Sendable (ImportProgress) -> Void)?) async throws -> ImportReport {
        progress?(ImportProgress(phase: "matching existing profiles", done: 0, total: rows.count))
        let identities = rows.map { IdentityKeys($0.input) }
        let existing = try await ExistingProfiles.load(for: identities, organizationID: organizationID, on: tx)
        let matches = identities.map(existing.match)
        progress?(ImportProgress(phase: "validating", done: 0, total: rows.count))
        let planner = Planner(rows: rows, identities: identities, matches: matches, organizationID: organizationID,
                              actor: actor, now: Date(), partSize: partSize)
        let (parts, planning) = planner.parts()
        defer { planning.cancel() }
        let allOrNothing = mode == .allOrNothing
        var failed = unreadable.contains { $0.outcome == .failed }
        var outcomes = unreadable
        outcomes.reserveCapacity(rows.count + unreadable.count)
        var written: [UUID] = []
        var rebuild: [String] = []
        var first = true
        var planned = 0
        // Inside a caller's transaction a rollback here would undo nothing (Fluent begins no
        // nested transaction), so an all-or-nothing import there writes only once every
        // part is planned and none failed.
        let holdParts = allOrNothing && outerTransaction
        var held: [Part] = []
        func write(_ part: Part) async throws {
            if first && bulk {
                rebuild = try await SecondaryIndexes.dropForBulkLoad(adding: matches.count { $0 == nil }, on: tx)
            }
            first = false
            try await Self.write(part, organizationID: organizationID, actor: actor, now: planner.now, on: tx)
            written += part.creates.map(\.id) + part.updates.map { $0.model.id! }
            progress?(ImportProgress(phase: "writing", done: part.rowsThrough, total: rows.count))
        }
        for await part in parts {
            planned = part.rowsThrough
            outcomes.append(contentsOf: part.outcomes)
            failed = failed || part.failed
            // An all-or-nothing import stops writing at its first failed row and rolls back
            // what it wrote; the planning goes on for the report.
            if allOrNothing && failed { continue }
            if holdParts { held.append(part) } else { try await write(part) }
        }
        // The stream also ends when this task is cancelled: never commit part of the rows.
        guard planned == rows.count else { throw CancellationError() }
        if !failed { for part in held { try await write(part) } }
        if allOrNothing && failed {
            let rows = outcomes.map { outcome -> ImportOutcome in
                var o = outcome
                if o.outcome == .created || o.outcome == .updated {
                    o.outcome = .skipped
                    o.candidateId = nil
                    o.message = "not written: the batch has failed rows and the mode is all-or-nothing"
                }
                return o
            }
            throw NothingWritten(report: ImportReport(mode: mode, committed: false, rows: sorted(rows)))
        }
        if !rebuild.isEmpty {
            progress?(ImportProgress(phase: "rebuilding indexes", done: 0, total: rebuild.count))
            try await SecondaryIndexes.rebuild(rebuild, on: tx)
        }
        try await ChangeLog.record(written, on: tx)
        progress?(ImportProgress(phase: "committing", done: 0, total: 1))
        return ImportReport(mode: mode, committed: true, rows: sorted(outcomes))
    }

    static func sorted(_ rows: [ImportOutcome]) -> [ImportOutcome] {
        rows.sorted { ($0.source, $0.line ?? 0) < ($1.source, $1.line ?? 0) }
    }

    /// A profile the import will create: its columns and skills, and the id the plan gives it.
    struct NewProfile: Sendable {
        var id = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        var values: CandidateColumnValues
        var skills: [SkillClaim]
    }

    /// Rows that match no profile, validated on every core at once (with their columns
    /// worked out): this is most of an import's CPU time and needs nothing but the row.
    static func validateInParallel(_ inputs: [CandidateInput?]) -> [Result<NewProfile, ValidationFailure>?] {
        ParallelMap.map(inputs, validateNew)
    }

    /// A row that matches no profile, validated with its columns worked out (nil stays nil).
    static func validateNew(_ input: CandidateInput?) -> Result<NewProfile, ValidationFailure>? {
        input.map { validate($0, over: nil).map { NewProfile(values: CandidateColumnValues($0), skills: $0.skills ?? []) } }
    }

    static func validate(_ input: CandidateInput, over match: CandidateModel?) -> Result<CandidateDraft, ValidationFailure> {
        Result { () throws(ValidationFailure) -> CandidateDraft in try CandidateDraft.validate(input, over: match?.draft) }
    }

    // MARK: - Writing

    /// One part: its new profiles, the updates, the new skills and the audit events. The
    /// statements' values are made on another core while SQLite runs the statement before
    /// (BulkInsert).
    static func write(_ part: Part, organizationID: UUID, actor: AuditActor, now: Date, on db: any Database) async throws {
        let creates = part.creates
        try await BulkInsert.run(CandidateModel.schema, columns: BulkInsert.candidateColumns, count: creates.count, on: db) { i in
            BulkInsert.candidateRow(id: creates[i].id, organizationID: organizationID, creates[i].values, at: now)
        }
        var events = part.createEvents
        for update in part.updates {
            let model = update.model
            try await model.update(on: db)
            var before = update.before
            var after = model.auditSnapshot
            if let newSkills = update.skills, !newSkills.isEmpty {
                let current = try await CandidateWrites.currentSkills(of: model.id!, on: db)
                let merged = mergeSkills(current, newSkills)
                if merged != current {
                    before["skills"] = CandidateWrites.skillSummary(current)
                    after["skills"] = CandidateWrites.skillSummary(merged)
                    try await CandidateWrites.replaceSkills(of: model, with: merged, on: db)
                }
            }
            if let event = AuditLog.eventIfChanged(.update, entityType: "candidate", entityID: model.id!, organizationID: organizationID,
                                                   before: before, after: after, summary: "updated candidate \(model.fullName) by import",
                                                   actor: actor, at: now) {
                events.append(event)
            }
        }
        let skills = part.skills
        try await BulkInsert.run(CandidateSkillModel.schema, columns: BulkInsert.skillColumns, count: skills.count, on: db) { i in
            skills.row(i, at: now)
        }
        let allEvents = events
        try await BulkInsert.run(AuditEventModel.schema, columns: BulkInsert.auditColumns, count: allEvents.count, on: db) { i in
            BulkInsert.auditRow(allEvents[i])
        }
    }

    /// The rows of a part's new profiles' skills and audit events: plain values, made by
    /// the planner's task, off the writer's path.
    enum NewRows {
        /// The new profiles' skills as rows, in profile order (so their candidate ids and
        /// their own ids ascend together).
        struct Skills: Sendable {
            let creates: [NewProfile]
            /// Skill row → (profile, claim of that profile).
            let owner: [(profile: Int32, claim: Int32)]
            let ids: [UUID]
            var count: Int { owner.count }

            init(_ creates: [NewProfile], ids: [UUID]) {
                self.creates = creates
                var owner: [(Int32, Int32)] = []
                owner.reserveCapacity(creates.reduce(0) { $0 + $1.skills.count })
                for (p, profile) in creates.enumerated() {
                    for c in profile.skills.indices { owner.append((Int32(p), Int32(c))) }
                }
                self.owner = owner
                self.ids = ids
            }

            func row(_ i: Int, at now: Date) -> [BulkInsert.Value] {
                let (p, c) = owner[i]
                let profile = creates[Int(p)]
                return BulkInsert.skillRow(id: ids[i], candidate: profile.id, profile.skills[Int(c)], at: now)
            }
        }

        static func events(_ creates: [NewProfile], ids: [UUID], organizationID: UUID, actor: AuditActor, at now: Date) -> [AuditLog.Record] {
            zip(creates, ids).map { profile, id in
                AuditLog.created(id: id, entityType: "candidate", entityID: profile.id, organizationID: organizationID,
                                 fields: profile.values.auditFields(adding: [("skills", CandidateWrites.skillSummary(profile.skills))]),
                                 summary: "imported candidate \(profile.values.fullName)", actor: actor, at: now)
            }
        }
    }

    /// Existing skills stay; an imported claim with the same skill and evidence replaces
    /// the level; new claims are added.
    static func mergeSkills(_ current: [SkillClaim], _ incoming: [SkillClaim]) -> [SkillClaim] {
        var byKey: [String: SkillClaim] = [:]
        for claim in current + incoming { byKey[claim.skillID + "/" + claim.evidence.rawValue] = claim }
        return byKey.values.sorted { ($0.skillID, $0.evidence.rawValue) < ($1.skillID, $1.evidence.rawValue) }
    }
}

/// The SQLite connection settings of a bulk load, set on its connection before the
/// transaction begins and put back when it ends, however it ends: the connection returns
/// to the pool afterwards.
enum BulkLoadSettings {
    /// `body` in one transaction; on SQLite on one connection, with the settings set on it
    /// before the transaction begins. PostgreSQL has none of these settings, and there the
    /// transaction is begun on the database itself: Fluent's PostgreSQL driver marks what
    /// `withConnection` yields as already in a transaction, so `transaction` on it would
    /// begin none and a failure would leave the rows before it written.
    static func transaction<T: Sendable>(on db: any Database, bulk: Bool,
                                         _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !DialectSQL.isPostgres(db.sql) else { return try await db.transaction(body) }
        return try await db.withConnection { connection in
            try await around(connection, bulk: bulk) { try await connection.transaction(body) }
        }
    }

    static func around<T>(_ connection: any Database, bulk: Bool, _ body: () async throws -> T) async throws -> T {
        let sql = connection.sql
        // A 64 MB page cache for this connection, and no spilling of the transaction's pages
        // to the WAL before the commit: a spilled page is written again when the next row
        // lands on it, and spills were a third of a 100,000-row import. The cache grows to
        // the transaction's size instead, and shrinks back once the commit makes those pages
        // clean. (Sorting for the index rebuilds stays in temporary files: measured on
        // 630,000 skill rows, that is a fifth faster than temp_store = MEMORY.)
        //
        // Foreign keys are not checked row by row: each check is a lookup in the parent's
        // index, a second of a 100,000-row import, and every reference the import writes
        // is to a row it has just written or read in the same transaction (its own new
        // profiles, the matched ones, the caller's organization). SQLite takes this pragma
        // only outside a transaction, hence here and not inside.
        //
        // A bulk load commits without the automatic checkpoint (see DeferredCheckpoint).
        var settings = ["cache_size = -65536", "cache_spill = OFF", "foreign_keys = OFF"]
        var restore = ["cache_size = -2000", "cache_spill = ON", "foreign_keys = ON", "threads = 0"]
        if bulk {
            settings.append("wal_autocheckpoint = 0")
            restore.append("wal_autocheckpoint = 1000")
        }
        for setting in settings { try await sql.raw(SQLQueryString("PRAGMA " + setting)).run() }
        do {
            let result = try await body()
            for setting in restore { try await sql.raw(SQLQueryString("PRAGMA " + setting)).run() }
            return result
        } catch {
            for setting in restore { try? await sql.raw(SQLQueryString("PRAGMA " + setting)).run() }
            throw error
        }
    }
}

/// SQLite maintains every index row by row as a bulk load goes in; dropping the
/// secondary indexes first and building them once at the end (from sorted data) is much
/// cheaper when the load is large next to what is there. Their exact SQL is read from
/// `sqlite_master` and replayed inside the same transaction, so readers never see the
/// tables without them and a failure rolls everything back.
enum SecondaryIndexes {
    static let tables = ["candidates", "candidate_skills"]

    static func dropForBulkLoad(adding rows: Int, on db: any Database) async throws -> [String] {
        let sql = db.sql
        guard !DialectSQL.isPostgres(sql), rows > 0 else { return [] }
        let existing = try await sql.raw("SELECT COUNT(*) AS n FROM candidates").first()?.decode(column: "n", as: Int.self) ?? 0
        guard rows >= existing else { return [] }
        let indexes = try await sql.raw("""
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('candidates', 'candidate_skills')
            """).all()
        var statements: [String] = []
        for row in indexes {
            let name = try row.decode(column: "name", as: String.self)
            statements.append(try row.decode(column: "sql", as: String.self))
            try await sql.raw("DROP INDEX \(ident: name)").run()
        }
        return statements
    }

    /// Builds the dropped indexes again. SQLite sorts each index's keys on one thread while
    /// they fit in its sorter's memory, which follows cache_size; with a small cache_size
    /// the keys go into several runs that worker threads sort side by side. Measured on
    /// 630,000 skill rows: 0.9 s instead of 1.2–1.7 s on two cores.
    static func rebuild(_ statements: [String], on db: any Database) async throws {
        let sql = db.sql
        let threads = min(4, ProcessInfo.processInfo.activeProcessorCount)
        try await sql.raw(SQLQueryString("PRAGMA threads = " + String(threads))).run()
        try await sql.raw("PRAGMA cache_size = -2000").run()
        for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
        try await sql.raw("PRAGMA threads = 0").run()
        try await sql.raw("PRAGMA cache_size = -65536").run()
    }
}

/// The keys that say two profiles are the same person.
struct IdentityKeys {
    var email: String?
    var github: String?
    var phone: String?
    /// The keys as the plan looks them up ("e:…", "g:…", "p:…"), made once: a large
    /// import looks each row's keys up twice.
    let all: [(key: String, what: String)]

    init(_ input: CandidateInput) {
        email = input.email.map { $0.trimmed.lowercased() }.flatMap { $0.contains("@") ? $0 : nil }
        github = input.githubHandle.map { $0.trimmed.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        phone = PhoneKey.make(input.phone)
        var keys: [(String, String)] = []
        if let email { keys.append(("e:" + email, "e-mail")) }
        if let github { keys.append(("g:" + github, "GitHub handle")) }
        if let phone { keys.append(("p:" + phone, "phone")) }
        all = keys
    }

    func matchedBy(_ model: CandidateModel) -> String {
        if let email, model.email == email { return "e-mail \(email)" }
        if let github, model.githubHandle == github { return "GitHub handle \(github)" }
        return "phone"
    }
}

/// The pool's profiles that share a key with an incoming batch.
struct ExistingProfiles {
    var byKey: [String: CandidateModel] = [:]

    static func load(for identities: [IdentityKeys], organizationID: UUID, on db: any Database) async throws -> ExistingProfiles {
        var result = ExistingProfiles()
        let base = { CandidateModel.query(on: db).filter(\.$organization.$id == organizationID) }
        let pool = try await base().count()
        guard pool > 0 else { return result }
        if pool <= identities.count {
            // A pool no larger than the batch: reading its keys once is cheaper than a
            // lookup per 500 keys of each kind, and only the profiles that match are loaded.
            let wanted = Set(identities.lazy.flatMap { $0.all.map(\.key) })
            var ids: [UUID] = []
            let rows = try await db.sql.select().column("id").column("email").column("github_handle").column("phone_key")
                .from(CandidateModel.schema).where("organization_id", .equal, SQLBind(organizationID)).all()
            for row in rows {
                let keys = [try row.decode(column: "email", as: String?.self).map { "e:" + $0 },
                            try row.decode(column: "github_handle", as: String?.self).map { "g:" + $0 },
                            try row.decode(column: "phone_key", as: String?.self).map { "p:" + $0 }]
                if keys.contains(where: { $0.map(wanted.contains) ?? false }) { ids.append(try row.decode(column: "id", as: UUID.self)) }
            }
            for chunk in ids.chunked(by: 500) {
                for m in try await base().filter(\.$id ~~ Array(chunk)).sort(\.$id).all() { result.add(m) }
            }
            return result
        }
        var emails = Set<String>(), handles = Set<String>(), phones = Set<String>()
        for keys in identities {
            if let e = keys.email { emails.insert(e) }
            if let g = keys.github { handles.insert(g) }
            if let p = keys.phone { phones.insert(p) }
        }
        for chunk in Array(emails).chunked(by: 500) {
            for m in try await base().filter(\.$email ~~ chunk).all() { result.add(m) }
        }
        for chunk in Array(handles).chunked(by: 500) {
            for m in try await base().filter(\.$githubHandle ~~ chunk).all() { result.add(m) }
        }
        for chunk in Array(phones).chunked(by: 500) {
            for m in try await base().filter(\.$phoneKey ~~ chunk).all() { result.add(m) }
        }
        return result
    }

    mutating func add(_ model: CandidateModel) {
        if let e = model.email { byKey["e:" + e] = byKey["e:" + e] ?? model }
        if let g = model.githubHandle { byKey["g:" + g] = byKey["g:" + g] ?? model }
        if let p = model.phoneKey { byKey["p:" + p] = byKey["p:" + p] ?? model }
    }

    func match(_ keys: IdentityKeys) -> CandidateModel? {
        keys.all.lazy.compactMap { byKey[$0.key] }.first
    }
}

extension ImportOutcome {
    static func failed(_ row: ImportRecord, _ failure: ValidationFailure) -> ImportOutcome {
        ImportOutcome(source: row.source, line: row.line, outcome: .failed, field: failure.issues.first?.field,
                      message: failure.description, warnings: row.warnings)
    }
}

extension Array {
    func chunked(by size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
