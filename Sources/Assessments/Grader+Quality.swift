import Foundation
import Sandbox

extension Grader {
    /// ruff on the submission, inside the box like everything else that reads it.
    func lint(entry: String, staging: String) -> QualityReport {
        let command = ["/venv/bin/ruff", "check", "--no-cache", "--isolated", "--exit-zero",
                       "--output-format", "json", "--select", "E,F,W,B,C4,SIM", "--line-length", "120", "/task/" + entry]
        let limits = SandboxLimits(cpuSeconds: 10, wallSeconds: 30, memoryMB: 256, maxProcesses: 32, outputBytes: 4 << 20)
        guard case .success(let run) = sandbox.run(SandboxRequest(command: command, taskFolder: staging, limits: limits)) else {
            return QualityReport(findings: [], total: 0, note: "ruff could not run")
        }
        guard run.status == .ok,
              let items = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] else {
            return QualityReport(findings: [], total: 0, note: "ruff did not finish: \(run.status.rawValue)")
        }
        let findings = items.map { item in
            QualityReport.Finding(
                code: item["code"] as? String ?? "syntax",
                message: item["message"] as? String ?? "",
                line: (item["location"] as? [String: Any])?["row"] as? Int ?? 0)
        }
        return QualityReport(findings: Array(findings.prefix(100)), total: findings.count, note: nil)
    }
}
