import Foundation
import Testing
@testable import Sandbox

/// The real sandbox, built once for the probe suites. A machine without one fails here
/// with the reason, rather than skipping: CI installs bubblewrap and the runtime.
enum Probe {
    static let sandbox: Result<Sandbox, SandboxError> = Sandbox.make(SandboxConfiguration(
        runtimePath: ProcessInfo.processInfo.environment["VETTED_ASSESSMENT_RUNTIME"] ?? SandboxConfiguration.defaultRuntimePath,
        scratchPath: "/tmp/vetted-sandbox-tests"))

    /// Runs `script` as /task/main.py; stdin carries `input` when given.
    static func run(_ script: String, limits: SandboxLimits = SandboxLimits(cpuSeconds: 5, wallSeconds: 30),
                    input: String? = nil, cancellation: SandboxCancellation? = nil) throws -> SandboxResult {
        let sandbox = try sandbox.get()
        let staging = try sandbox.makeStaging()
        defer { sandbox.removeStaging(staging) }
        try Data(script.utf8).write(to: URL(fileURLWithPath: staging + "/main.py"))
        return try sandbox.run(SandboxRequest(
            command: ["/venv/bin/python3", "-B", "/task/main.py"], taskFolder: staging,
            stdin: input.map { Array($0.utf8) }, limits: limits, cancellation: cancellation)).get()
    }

    /// The last stdout line as JSON: probes print what they observed as one object.
    static func report(_ result: SandboxResult) throws -> [String: Any] {
        let line = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            Issue.record("probe printed no JSON: stdout=\(result.stdout) stderr=\(result.stderr)")
            return [:]
        }
        return object
    }

    /// Host processes whose name or command line contains `marker` (leftovers of a run).
    static func hostProcesses(containing marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            ["cmdline", "comm"].contains { file in
                guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/\(file)") else { return false }
                return String(decoding: data, as: UTF8.self).contains(marker)
            }
        }
    }

    /// 14 characters, so it fits a process name (comm holds 15).
    static func marker() -> String { "vp" + String(UInt64.random(in: 1 << 44 ... 1 << 47), radix: 16).prefix(12) }

    /// Python that names the current process `marker`; children inherit the name.
    static func nameProcess(_ marker: String) -> String {
        "import ctypes; ctypes.CDLL(None).prctl(15, b\"\(marker)\", 0, 0, 0)"
    }
}
