import Foundation

/// A task folder, read and checked. The hidden cases are loaded here but never leave the
/// grader: views get `publicCases` and the manifest.
public struct AssessmentTask: Sendable {
    public let manifest: TaskManifest
    public let folder: URL
    public let prompt: String
    public let starter: String
    public let publicCases: [TaskCase]
    /// nil when the task generates its hidden cases with a secret seed per grading.
    let hiddenCases: [TaskCase]?
    let hasGenerator: Bool

    public var id: String { manifest.id }
    /// Hidden cases a grading uses (generated ones count as the generator promises).
    public var hiddenCaseCount: Int? { hiddenCases?.count }

    /// Reads `folder`; every problem is a `brokenTask` error naming the file and field.
    public static func load(_ folder: URL) throws(AssessmentError) -> AssessmentTask {
        let fallbackID = folder.lastPathComponent
        func fail(_ problem: String) -> AssessmentError { .brokenTask(id: fallbackID, problem: problem) }
        func read(_ name: String) throws(AssessmentError) -> Data {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw fail("\(name) is missing")
            }
            return data
        }
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(AssessmentError) -> T {
            let data = try read(name)
            do { return try JSONDecoder().decode(T.self, from: data) } catch {
                throw fail("\(name): \(Self.describe(error))")
            }
        }
        let manifest = try decode(TaskManifest.self, "task.json")
        guard manifest.id == fallbackID else { throw fail("task.json id \(manifest.id) does not match the folder name") }
        guard Self.isSafeFileName(manifest.entry) else { throw fail("task.json entry \(manifest.entry) must be a plain file name ending in .py") }
        guard manifest.limits.cpuSeconds > 0, manifest.limits.wallSeconds > 0, manifest.limits.memoryMB >= 64 else {
            throw fail("task.json limits must be positive, memoryMB at least 64")
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("box/harness.py").path) else {
            throw fail("box/harness.py is missing")
        }
        let prompt = String(decoding: try read("prompt.md"), as: UTF8.self)
        let starter = String(decoding: try read("starter/" + manifest.entry), as: UTF8.self)
        func cases(_ name: String) throws(AssessmentError) -> [TaskCase] {
            do { return try TaskCase.list(from: try read(name)) } catch let error as AssessmentError { throw error } catch {
                throw fail("\(name): \(error)")
            }
        }
        let publicCases = try cases("public.json")
        let hasGenerator = FileManager.default.fileExists(atPath: folder.appendingPathComponent("generate.py").path)
        var hidden: [TaskCase]?
        if !hasGenerator || FileManager.default.fileExists(atPath: folder.appendingPathComponent("hidden.json").path) {
            hidden = try cases("hidden.json")
        }
        if publicCases.isEmpty { throw fail("public.json has no cases") }
        if let hidden, hidden.isEmpty { throw fail("hidden.json has no cases") }
        for cases in [publicCases, hidden ?? []] {
            var seen = Set<String>()
            for item in cases where !seen.insert(item.name).inserted { throw fail("two cases are named \(item.name)") }
        }
        return AssessmentTask(manifest: manifest, folder: folder, prompt: prompt, starter: starter,
                              publicCases: publicCases, hiddenCases: hidden, hasGenerator: hasGenerator)
    }

    static func isSafeFileName(_ name: String) -> Bool {
        !name.isEmpty && name.hasSuffix(".py") && !name.contains("/") && !name.hasPrefix(".") && name.count <= 64
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "not valid JSON (\(context.codingPath.map(\.stringValue).joined(separator: ".")) \(context.debugDescription))"
        default:
            return String(describing: error)
        }
    }
}
