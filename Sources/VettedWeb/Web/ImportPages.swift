import Fluent
import Foundation
import PoolImport
import Vapor
import VettedDomain
import VettedStore

/// Importing into the pool from the browser: choose files and a mode; a CSV whose header
/// is not the documented one goes through a column-mapping step first; the report lists
/// every row that was not created and why.
struct ImportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let imports = routes.grouped("candidates", "import")
        imports.get(use: form)
        imports.post(use: submit)
    }

    struct FormContext: Encodable {
        let layout: Layout
        let modes: [Option]
        let evidence: [Option]
        let timeZone: String
        let error: String?
        let header: [String]
    }

    func form(req: Request) async throws -> Response {
        try (try req.scope).require(.editCandidates)
        return try await renderForm(req, error: nil, status: .ok)
    }

    private func renderForm(_ req: Request, error: String?, status: HTTPResponseStatus) async throws -> Response {
        try await req.page("import", FormContext(
            layout: Layout(title: "Import candidates", request: req),
            modes: Option.list(ImportMode.self, selected: ImportMode.validRows.rawValue),
            evidence: Option.list(EvidenceSource.self, selected: EvidenceSource.claimed.rawValue),
            timeZone: "", error: error, header: CandidateCSV.header), status: status)
    }

    struct Upload: Content {
        var files: [File]?
        var mode: String?
        var evidence: String?
        var timeZone: String?
        /// The mapping step sends the CSV back with the chosen field for each column.
        var pendingName: String?
        var pendingText: String?
        var mapping: [String]?
    }

    struct MappingContext: Encodable {
        let layout: Layout
        let fileName: String
        let text: String
        let mode: String
        let evidence: String
        let timeZone: String
        let columns: [Column]
        let missing: String?

        struct Column: Encodable {
            let index: Int
            let header: String
            let sample: String
            let options: [Option]
        }
    }

    struct ReportContext: Encodable {
        let layout: Layout
        let report: ImportReport
        let problems: [ImportOutcome]
        let created: [ImportOutcome]
        let moreCreated: Int
    }

    func submit(req: Request) async throws -> Response {
        let scope = try req.scope
        try scope.require(.editCandidates)
        let upload = try req.content.decode(Upload.self)
        let settings: ImportSettings
        do {
            settings = try ImportSettings(values: ["mode": upload.mode, "evidence": upload.evidence, "timeZone": upload.timeZone])
        } catch let failure as ValidationFailure {
            return try await renderForm(req, error: failure.description, status: .badRequest)
        }
        var options = settings.options
        var files: [PoolImporter.File] = []
        if let text = upload.pendingText, let name = upload.pendingName {
            // Back from the mapping step: the chosen field for each column, in order.
            let table = CSVTable(data: Data(text.utf8))
            let chosen = upload.mapping ?? []
            var fields: [String: String] = [:]
            for (index, header) in table.header.enumerated() where index < chosen.count {
                guard ColumnMapping.fieldNames.contains(chosen[index]) else {
                    return try await renderForm(req, error: "column '\(header)' was mapped to an unknown field '\(chosen[index])'", status: .badRequest)
                }
                fields[header] = chosen[index]
            }
            options.mapping = ColumnMapping(fields)
            files.append(.init(name: name, data: Data(text.utf8), format: .csv))
        } else {
            for file in upload.files ?? [] where file.data.readableBytes > 0 {
                let data = Data(buffer: file.data)
                let format = ImportFormat.detect(fileName: file.filename, data: data)
                if format == .csv, let step = try await mappingStep(req, name: file.filename, data: data, settings: settings, upload: upload) {
                    return step
                }
                files.append(.init(name: file.filename, data: data, format: format))
            }
        }
        guard !files.isEmpty else {
            return try await renderForm(req, error: "choose at least one file: CSV, JSON Resume (.json), resume text (.txt) or PDF", status: .badRequest)
        }
        let report = try await PoolImporter.run(files, options: options, mode: settings.mode, scope: scope, on: req.db)
        let created = report.rows.filter { $0.outcome == .created || $0.outcome == .updated }
        return try await req.page("import-report", ReportContext(
            layout: Layout(title: "Import report", request: req), report: report, problems: Array(report.problems.prefix(1_000)),
            created: Array(created.prefix(100)), moreCreated: max(0, created.count - 100)),
            status: report.committed ? .ok : .unprocessableEntity)
    }

    /// A CSV whose header is not the documented one: show each column with the field it
    /// will fill (guessed from the header) before anything is written.
    private func mappingStep(_ req: Request, name: String, data: Data, settings: ImportSettings, upload: Upload) async throws -> Response? {
        let table = CSVTable(data: data)
        guard !table.header.isEmpty, table.header != CandidateCSV.header else { return nil }
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        let suggested = ColumnMapping.suggested(for: table.header)
        let sample = table.rows.first?.fields ?? []
        let missing = suggested.missingRequired(defaultTimeZone: settings.options.defaultTimeZone)
        return try await req.page("import-mapping", MappingContext(
            layout: Layout(title: "Map the columns of \(name)", request: req), fileName: name, text: text,
            mode: settings.mode.rawValue, evidence: settings.options.defaultEvidence.rawValue, timeZone: upload.timeZone ?? "",
            columns: table.header.enumerated().map { index, header in
                let field = suggested.field(for: header) ?? "ignore"
                return .init(index: index, header: header, sample: index < sample.count ? String(sample[index].prefix(60)) : "",
                             options: ColumnMapping.fieldNames.map { Option(value: $0, label: $0, selected: $0 == field) })
            },
            missing: missing.isEmpty ? nil : "No column is mapped to \(missing.joined(separator: ", ")) yet; choose one below."))
    }
}
