import Foundation
import Sandbox

extension Grader {
    /// Writes /task for the box: the task's box/ folder, the harness library, generated
    /// inputs and the submission. The host only ever writes here; it reads nothing back.
    func stage(_ task: AssessmentTask, source: String, staging: String) throws(AssessmentError) {
        let fm = FileManager.default
        let box = task.folder.appendingPathComponent("box")
        do {
            for name in try fm.contentsOfDirectory(atPath: box.path) {
                try fm.copyItem(atPath: box.appendingPathComponent(name).path, toPath: staging + "/" + name)
            }
            try fm.copyItem(atPath: library.harnessLibrary.path, toPath: staging + "/vetted_harness.py")
            try Data(source.utf8).write(to: URL(fileURLWithPath: staging + "/" + task.manifest.entry))
        } catch {
            throw .brokenTask(id: task.id, problem: "cannot stage its box/ folder: \(error.localizedDescription)")
        }
    }

    /// Runs the task's generate.py outside the box with a fresh secret seed: hidden.json
    /// (with the expected labels) stays in a host folder; only data/ is copied into /task.
    func generate(_ task: AssessmentTask, into workspace: inout Workspace) throws(AssessmentError) -> [TaskCase] {
        let fm = FileManager.default
        let output: String
        do { output = try sandbox.makeStaging() } catch { throw .sandbox("cannot prepare generated data: \(error.localizedDescription)") }
        workspace.generated = output
        _ = chmod(output, 0o700)
        let seed = UInt32.random(in: 1...UInt32.max)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sandbox.configuration.runtimePath + "/bin/python3")
        process.arguments = ["-B", task.folder.appendingPathComponent("generate.py").path, String(seed), output]
        process.currentDirectoryURL = task.folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw .generatorFailed(task: task.id, status: -1, message: error.localizedDescription) }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .generatorFailed(task: task.id, status: process.terminationStatus, message: String(message.suffix(500)))
        }
        let cases: [TaskCase]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: output + "/hidden.json"))
            cases = try TaskCase.list(from: data)
        } catch {
            throw .generatorFailed(task: task.id, status: 0, message: "its hidden.json is unreadable: \(error)")
        }
        if cases.isEmpty { throw .generatorFailed(task: task.id, status: 0, message: "it generated no cases") }
        return cases
    }

    /// Copies generated data files into the staging folder's data/ after box/ is staged.
    func stageGenerated(_ workspace: Workspace) throws(AssessmentError) {
        guard let generated = workspace.generated, let staging = workspace.staging else { return }
        let fm = FileManager.default
        let source = generated + "/data"
        guard fm.fileExists(atPath: source) else { return }
        do {
            try fm.createDirectory(atPath: staging + "/data", withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: source) {
                try fm.copyItem(atPath: source + "/" + name, toPath: staging + "/data/" + name)
            }
        } catch {
            throw .sandbox("cannot stage generated data: \(error.localizedDescription)")
        }
    }
}
