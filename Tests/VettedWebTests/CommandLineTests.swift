import Foundation
import Testing
import VettedTestSupport

/// The `vetted` executable as a user runs it: JSON on stdout, errors on stderr with a
/// non-zero exit.
@Suite(.serialized) struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        // The test bundle sits beside the products of the same build.
        var url = Bundle.main.bundleURL
        while url.path != "/" {
            let candidate = url.appendingPathComponent("vetted")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/vetted")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = nil
        env["LOG_LEVEL"] = "error"
        env["VETTED_BCRYPT_COST"] = "4"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func demo_then_token_create_prints_one_json_document_and_backup_copies_the_database() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let demo = try Self.run(["demo", "--data-dir", folder, "--candidates", "30"], environment: ["VETTED_ADMIN_PASSWORD": "cli-password-123"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("admin@example.com"))

        let token = try Self.run(["token", "create", "--data-dir", folder, "--user", "admin@example.com", "--scope", "write", "--json"])
        #expect(token.status == 0, "\(token.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(token.stdout.utf8)) as? [String: String]
        #expect(object?["token"]?.hasPrefix("vt_") == true)

        let backupPath = folder + "/backup.sqlite"
        let backup = try Self.run(["backup", "--data-dir", folder, backupPath])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(FileManager.default.fileExists(atPath: backupPath))
        // The copy is a working database: the demo's users are in it.
        try FileManager.default.createDirectory(atPath: folder + "/restored", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: backupPath, toPath: folder + "/restored/vetted.sqlite")
        let restored = try Self.run(["token", "create", "--data-dir", folder + "/restored", "--user", "admin@example.com", "--scope", "read"])
        #expect(restored.status == 0, "\(restored.stderr)")
        // A backup never overwrites a file.
        #expect(try Self.run(["backup", "--data-dir", folder, backupPath]).status != 0)
    }

    @Test func errors_go_to_stderr_with_a_non_zero_exit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknownUser = try Self.run(["token", "create", "--data-dir", folder, "--user", "nobody@example.com", "--scope", "write", "--json"])
        #expect(unknownUser.status != 0)
        #expect(unknownUser.stdout.isEmpty)
        #expect(unknownUser.stderr.contains("nobody@example.com"))
        let badScope = try Self.run(["token", "create", "--data-dir", folder, "--user", "a@b.co", "--scope", "admin"])
        #expect(badScope.status != 0)
        #expect(badScope.stderr.contains("scope must be one of read, write"))
        let badPort = try Self.run(["serve", "--data-dir", folder], environment: ["VETTED_PORT": "99999"])
        #expect(badPort.status != 0)
        #expect(badPort.stderr.contains("VETTED_PORT"))
    }
}
