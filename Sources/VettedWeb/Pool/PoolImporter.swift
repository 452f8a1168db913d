import FluentKit
import Foundation
import PoolImport
import VettedDomain
import VettedStore

/// Files in the formats people have (CSV, JSON Resume, resume text or PDF) into the pool:
/// the reader turns each file into rows with their line numbers, the store validates and
/// writes them in one transaction. The page, the API and `vetted import` all come here.
enum PoolImporter {
    struct File: Sendable {
        var name: String
        var data: Data
        var format: ImportFormat?
    }

    static func run(_ files: [File], options: ImportOptions, mode: ImportMode, scope: TenantScope, on db: any Database,
                    progress: (@Sendable (ImportProgress) -> Void)? = nil) async throws -> ImportReport {
        let (rows, unreadable, notes) = read(files, options: options)
        var report = try await CandidateImport.run(rows, unreadable: unreadable, mode: mode, scope: scope, on: db, progress: progress)
        report.notes = notes
        return report
    }

    static func read(_ files: [File], options: ImportOptions) -> ([ImportRecord], [ImportOutcome], [String]) {
        var rows: [ImportRecord] = []
        var unreadable: [ImportOutcome] = []
        var notes: [String] = []
        for file in files {
            let batch = CandidateFileReader.read(data: file.data, fileName: file.name, format: file.format, options: options)
            rows += batch.records
            unreadable += batch.issues.map { ImportOutcome(source: $0.source, line: $0.line, outcome: .failed, field: $0.field, message: $0.message) }
            notes += batch.notes.map { "\($0.source)\($0.line.map { ":\($0)" } ?? ""): \($0.message)" }
        }
        return (rows, unreadable, notes)
    }

    /// The pool (or the given profiles) as the documented CSV, skills included.
    static func csv(_ candidates: [CandidateModel], on db: any Database) async throws -> String {
        let skills = try await skillsByCandidate(candidates, on: db)
        let rows = candidates.map { CandidateCSV.row(exportInput($0, skills: skills[$0.id!] ?? [])) }
        return CandidateCSV.encode(rows: rows)
    }

    static func skillsByCandidate(_ candidates: [CandidateModel], on db: any Database) async throws -> [UUID: [SkillClaim]] {
        var result: [UUID: [SkillClaim]] = [:]
        for chunk in stride(from: 0, to: candidates.count, by: 500).map({ Array(candidates[$0..<min($0 + 500, candidates.count)]) }) {
            let rows = try await CandidateSkillModel.query(on: db).filter(\.$candidate.$id ~~ chunk.map { $0.id! }).sort(\.$skillID).all()
            for s in rows {
                result[s.$candidate.id, default: []].append(SkillClaim(skillID: s.skillID, level: s.level,
                                                                        evidence: EvidenceSource(rawValue: s.evidenceSource) ?? .claimed, detail: s.evidenceDetail))
            }
        }
        return result
    }

    /// A stored profile as import input, so an export reads back as the same profile.
    static func exportInput(_ c: CandidateModel, skills: [SkillClaim]) -> CandidateInput {
        var input = c.input
        input.skills = skills.map { SkillInput(skillId: $0.skillID, level: $0.level, evidence: $0.evidence.rawValue, detail: $0.detail) }
        return input
    }
}
