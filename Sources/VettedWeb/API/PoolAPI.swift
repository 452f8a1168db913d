import Fluent
import Foundation
import PoolImport
import Vapor
import VettedDomain
import VettedStore

/// Imports, exports, duplicates and merges of the talent pool.
struct PoolAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let candidates = routes.grouped("candidates")
        candidates.post("import", use: importFile)
        candidates.get("export", use: export)
        candidates.get("duplicates", use: duplicates)
        candidates.post(":candidateID", "merge", use: merge)
        candidates.post(":candidateID", "analyses", use: analyse)
        routes.get("jobs", ":jobID", use: job)
    }

    struct AnalysisInput: Content {
        /// A folder under the repository root, or an https git URL.
        let repository: String
    }

    /// Queues a repository analysis; poll the job for progress and the result.
    func analyse(req: Request) async throws -> Response {
        let scope = try req.scope
        let candidate = try await scope.candidate(try req.id(CandidateID.self, "candidateID"), on: req.db)
        let input = try req.content.decode(AnalysisInput.self)
        let job = try await PortfolioJob.enqueue(candidate: candidate, repository: input.repository,
                                                 root: req.application.vetted.config.repositoryRoot, scope: scope, on: req.db)
        let response = try await JobDTO(job).encodeResponse(status: .accepted, for: req)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/jobs/\(job.id!.uuidString.lowercased())")
        return response
    }

    func job(req: Request) async throws -> JobDTO {
        guard let text = req.parameters.get("jobID"), let id = UUID(uuidString: text) else { throw DomainError.notFound(entity: "job") }
        return JobDTO(try await JobQueue.job(id, scope: try req.scope, on: req.db))
    }

    /// The file is the request body (CSV, JSON Resume, resume text or PDF); options are
    /// query parameters: fileName, format, mode, evidence, timeZone.
    func importFile(req: Request) async throws -> Response {
        let scope = try req.scope
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw DomainError.invalid(field: "body", message: "send the file as the request body (CSV, JSON Resume, resume text or PDF)")
        }
        let settings = try ImportSettings(values: [
            "fileName": req.query[String.self, at: "fileName"], "format": req.query[String.self, at: "format"],
            "mode": req.query[String.self, at: "mode"], "evidence": req.query[String.self, at: "evidence"],
            "timeZone": req.query[String.self, at: "timeZone"],
        ], contentType: req.headers.contentType)
        let file = PoolImporter.File(name: settings.fileName, data: Data(buffer: body), format: settings.format)
        let report = try await PoolImporter.run([file], options: settings.options, mode: settings.mode, scope: scope, on: req.db)
        let response = Response(status: .ok, body: .init(data: try JSONEncoder().encode(report)))
        response.headers.contentType = .json
        return response
    }

    /// The pool, a search of it (the list's parameters) or a role's shortlist (`roleId`),
    /// as CSV (the documented import header) or JSON.
    func export(req: Request) async throws -> Response {
        let scope = try req.scope
        let format = req.query[String.self, at: "format"] ?? "csv"
        try PoolExport.validate(format: format)
        var filters: [String: String] = [:]
        for name in PoolQuery.parameterNames { filters[name] = req.query[String.self, at: name] }
        let candidates = try await PoolExport.candidates(roleID: req.query[String.self, at: "roleId"], filters: filters, scope: scope, on: req.db)
        let response = Response(status: .ok, body: .init(data: try await PoolExport.data(candidates, format: format, on: req.db)))
        response.headers.contentType = format == "csv" ? HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]) : .json
        let stamp = ISO8601DateFormatter().string(from: Date()).prefix(10)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"vetted-candidates-\(stamp).\(format)\"")
        return response
    }

    struct DuplicateGroupDTO: Content {
        let key: String
        let value: String
        let candidates: [CandidateDTO]
    }

    func duplicates(req: Request) async throws -> [DuplicateGroupDTO] {
        let groups = try await DuplicateFinder.groups(scope: try req.scope, on: req.db)
        return groups.map { DuplicateGroupDTO(key: $0.key.rawValue, value: $0.value, candidates: $0.candidates.map { CandidateDTO($0, skills: nil) }) }
    }

    struct MergeInput: Content {
        /// The duplicate that goes into this profile.
        let absorbId: String
        /// The version of the kept profile that was read.
        let version: Int?
    }

    func merge(req: Request) async throws -> CandidateDTO {
        let scope = try req.scope
        let keep = try req.id(CandidateID.self, "candidateID")
        _ = try await scope.candidate(keep, on: req.db)  // another organization's id is a 404 before any body check
        let input = try req.content.decode(MergeInput.self)
        guard let absorb = CandidateID(string: input.absorbId) else {
            throw DomainError.invalid(field: "absorbId", message: "absorbId must be a candidate id; got '\(input.absorbId)'")
        }
        let kept = try await CandidateMerge.merge(keep: keep, absorb: absorb, expectedVersion: input.version, scope: scope, on: req.db)
        return CandidateDTO(kept, skills: try await CandidateWrites.currentSkills(of: kept.id!, on: req.db))
    }
}

struct JobDTO: Content {
    let id: String
    let kind: String
    let subjectId: String?
    let status: String
    let progress: Int
    let progressNote: String
    let attempts: Int
    let error: String?
    /// The handler's JSON result, parsed.
    let result: [String: AnyCodableValue]?
    let createdAt: Date
    let startedAt: Date?
    let finishedAt: Date?

    init(_ job: JobModel) {
        id = job.id!.uuidString.lowercased()
        kind = job.kind
        subjectId = job.subjectID?.uuidString.lowercased()
        status = job.status
        progress = job.progress
        progressNote = job.progressNote
        attempts = job.attempts
        error = job.error
        result = job.result.flatMap { try? JSONDecoder().decode([String: AnyCodableValue].self, from: Data($0.utf8)) }
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
    }
}

/// Any JSON value, to pass a stored JSON document through unchanged.
enum AnyCodableValue: Codable, Sendable {
    case string(String), number(Double), bool(Bool), object([String: AnyCodableValue]), array([AnyCodableValue]), null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([AnyCodableValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: AnyCodableValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .object(let o): try c.encode(o)
        case .array(let a): try c.encode(a)
        case .null: try c.encodeNil()
        }
    }
}

/// The options of an import, read the same way from the API's query, the page's form
/// and (through `values`) the CLI.
struct ImportSettings {
    var fileName: String
    var format: ImportFormat?
    var mode: ImportMode
    var options: ImportOptions

    init(values: [String: String?], contentType: HTTPMediaType? = nil) throws {
        var failure = ValidationFailure()
        let v = values.compactMapValues { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.value.isEmpty }
        var format: ImportFormat?
        if let text = v["format"] {
            format = ImportFormat(rawValue: text)
            if format == nil { failure.add(field: "format", "format must be one of \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", ")); got '\(text)'") }
        } else if let type = contentType {
            switch (type.type, type.subType) {
            case ("text", "csv"): format = .csv
            case ("application", "pdf"): format = .resumePDF
            case ("application", "json"): format = .jsonResume
            case ("text", "plain"): format = .resumeText
            default: format = nil
            }
        }
        self.format = format
        fileName = v["fileName"] ?? "upload" + (format.map { ["csv": ".csv", "json-resume": ".json", "resume-text": ".txt", "resume-pdf": ".pdf"][$0.rawValue] ?? "" } ?? "")
        mode = failure.check { () throws(DomainError) in try ImportMode.parse(v["mode"] ?? ImportMode.validRows.rawValue, field: "mode") } ?? .validRows
        var options = ImportOptions()
        if let e = v["evidence"], let evidence = failure.check({ () throws(DomainError) in try EvidenceSource.parse(e, field: "evidence") }) {
            options.defaultEvidence = evidence
        }
        if let zone = v["timeZone"] {
            if failure.check({ () throws(DomainError) in try ZoneName(zone, field: "timeZone") }) != nil { options.defaultTimeZone = zone }
        }
        self.options = options
        try failure.throwIfAny()
    }
}

/// Which profiles an export holds and its bytes: the API and `vetted export` share it.
enum PoolExport {
    static func validate(format: String) throws {
        guard format == "csv" || format == "json" else {
            throw DomainError.invalid(field: "format", message: "format must be csv or json; got '\(format)'")
        }
    }

    /// A role's pipeline (its shortlist) when `roleID` is given, else a search of the pool.
    static func candidates(roleID: String?, filters: [String: String], scope: TenantScope, on db: any Database) async throws -> [CandidateModel] {
        if let text = roleID, !text.isEmpty {
            guard let id = RoleID(string: text) else { throw DomainError.invalid(field: "roleId", message: "roleId must be a role id; got '\(text)'") }
            let role = try await scope.role(id, on: db)
            let ids = try await scope.applications(on: db).filter(\.$role.$id == role.id!).all().map { $0.$candidate.id }
            return try await scope.candidates(on: db).filter(\.$id ~~ ids).sort(\.$fullName).all()
        }
        let search = try await PoolQuery(filters).search(scope: scope, on: db)
        return try await search.apply(to: try await scope.candidates(on: db)).sort(\.$fullName).sort(\.$id).all()
    }

    static func data(_ candidates: [CandidateModel], format: String, on db: any Database) async throws -> Data {
        if format == "csv" { return Data(try await PoolImporter.csv(candidates, on: db).utf8) }
        let skills = try await PoolImporter.skillsByCandidate(candidates, on: db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(candidates.map { CandidateDTO($0, skills: skills[$0.id!] ?? []) })
    }
}
