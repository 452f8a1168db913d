import Foundation

/// What the in-box harness reported, read from the run's stdout. Only lines that carry
/// this run's nonce count. A case reported twice is a conflict, not a pass: the
/// candidate's code shares the harness's process and could print a frame first.
struct HarnessFrames {
    struct Entry {
        var output: JSONValue?
        var error: String?
        var seconds: Double?
        var conflicting = false
    }

    var cases: [String: Entry] = [:]
    var fatal: String?
    var done = false

    init(stdout: String, nonce: String) {
        let prefix = "VETTED \(nonce) "
        for line in stdout.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix(prefix) {
            guard case .object(let object)? = try? JSONValue.parse(Data(line.dropFirst(prefix.count).utf8)) else { continue }
            if case .bool(true)? = object["done"] { done = true; continue }
            if case .string(let message)? = object["fatal"] { fatal = message; continue }
            guard case .string(let name)? = object["case"] else { continue }
            var entry = Entry()
            entry.output = object["output"]
            if case .string(let error)? = object["error"] { entry.error = error }
            entry.seconds = object["seconds"]?.numeric
            if cases[name] != nil { entry.conflicting = true }
            cases[name] = entry
        }
    }
}
