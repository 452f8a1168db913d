import Foundation
import Taxonomy
import Testing
import VettedDomain
@testable import PoolImport

/// A fixture's bytes and file name.
func fixture(_ fileName: String) throws -> (data: Data, name: String) {
    let dot = try #require(fileName.lastIndex(of: "."))
    let url = try #require(Bundle.module.url(forResource: String(fileName[..<dot]), withExtension: String(fileName[fileName.index(after: dot)...]),
                                             subdirectory: "Fixtures"), "missing fixture \(fileName)")
    return (try Data(contentsOf: url), fileName)
}

/// Reads a fixture the way the import does.
func readFixture(_ fileName: String, options: ImportOptions = .init(), taxonomy: Taxonomy = .standard) throws -> ParsedBatch {
    let file = try fixture(fileName)
    return CandidateFileReader.read(data: file.data, fileName: file.name, options: options, taxonomy: taxonomy)
}

/// The standard taxonomy is about Python work and has no C, Go or Java; the resume traps
/// need a taxonomy that does.
let languageTaxonomy: Taxonomy = {
    do {
        return try Taxonomy(version: "test", skills: [
            Skill(id: "python", name: "Python", category: .fundamentals, aliases: ["python3"]),
            Skill(id: "django", name: "Django", category: .backend),
            Skill(id: "c", name: "C", category: .fundamentals),
            Skill(id: "cpp", name: "C++", category: .fundamentals),
            Skill(id: "csharp", name: "C#", category: .fundamentals),
            Skill(id: "go", name: "Go", category: .backend),
            Skill(id: "r", name: "R", category: .dataScience),
            Skill(id: "b", name: "B", category: .fundamentals),
            Skill(id: "java", name: "Java", category: .backend),
            Skill(id: "javascript", name: "JavaScript", category: .backend),
            Skill(id: "dotnet", name: ".NET", category: .backend),
            Skill(id: "nodejs", name: "Node.js", category: .backend, aliases: ["node"]),
            Skill(id: "rust", name: "Rust", category: .fundamentals),
            Skill(id: "swift", name: "Swift", category: .fundamentals),
        ])
    } catch {
        preconditionFailure("test taxonomy: \(error)")
    }
}()

/// 2026-01-15 00:00 UTC, so years of experience do not change as the calendar moves.
let referenceDate = Date(timeIntervalSince1970: 1_768_435_200)
