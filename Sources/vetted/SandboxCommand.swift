import ArgumentParser
import Foundation
import Sandbox

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Run untrusted Python in the sandbox.", subcommands: [Run.self, Check.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run FILE.py with the assessment runtime inside bubblewrap, a per-run cgroup and seccomp; print the verdict.")

        @Argument(help: "A Python file; it runs as /task/main.py with /work as its folder.") var file: String
        @Option(help: "CPU seconds of all the run's processes together.") var cpuSeconds: Double = 5
        @Option(help: "Wall-clock seconds.") var wallSeconds: Double = 10
        @Option(help: "Memory limit in MiB.") var memoryMb: Int = 256
        @Option(help: "Processes and threads.") var maxProcesses: Int = 64
        @Option(help: "A file for the program's stdin (default /dev/null).") var stdin: String?
        @Flag(help: "Print one JSON document.") var json = false

        func run() async throws {
            let sandbox = try Sandbox.make(sandboxConfiguration()).get()
            let source = try readInput(file, what: "FILE")
            let input = try stdin.map { try readInput($0, what: "--stdin") }
            let staging = try sandbox.makeStaging()
            defer { sandbox.removeStaging(staging) }
            try Data(source).write(to: URL(fileURLWithPath: staging + "/main.py"))
            let limits = SandboxLimits(cpuSeconds: cpuSeconds, wallSeconds: wallSeconds, memoryMB: memoryMb, maxProcesses: maxProcesses)
            let request = SandboxRequest(command: ["/venv/bin/python3", "-B", "/task/main.py"], taskFolder: staging,
                                         stdin: input, limits: limits)
            let result = try sandbox.run(request).get()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                say(String(decoding: try encoder.encode(result), as: UTF8.self))
                return
            }
            FileHandle.standardOutput.write(Data(result.stdout.utf8))
            FileHandle.standardError.write(Data(result.stderr.utf8))
            say("\(result.status.rawValue): exit \(result.exitCode.map(String.init) ?? "-"), cpu \(String(format: "%.3f", result.cpuSeconds)) s, wall \(String(format: "%.3f", result.wallSeconds)) s, max RSS \(result.maxRSSKB) KiB")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that submissions can be run here: bubblewrap, the runtime, cgroups, seccomp.")

        func run() async throws {
            let sandbox = try Sandbox.make(sandboxConfiguration()).get()
            say("sandbox ready: bwrap \(sandbox.configuration.bwrapPath), runtime \(sandbox.configuration.runtimePath), cgroup \(sandbox.cgroupVersion)")
        }
    }
}

/// The sandbox's parts, from VETTED_BWRAP and VETTED_ASSESSMENT_RUNTIME when set.
func sandboxConfiguration() -> SandboxConfiguration {
    let environment = ProcessInfo.processInfo.environment
    var configuration = SandboxConfiguration()
    if let bwrap = environment["VETTED_BWRAP"], !bwrap.isEmpty { configuration.bwrapPath = bwrap }
    if let runtime = environment["VETTED_ASSESSMENT_RUNTIME"], !runtime.isEmpty { configuration.runtimePath = runtime }
    return configuration
}

/// A whole input file, with an error that names the option and the path.
func readInput(_ path: String, what: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("\(what): cannot read \(path)")
    }
    return [UInt8](data)
}
