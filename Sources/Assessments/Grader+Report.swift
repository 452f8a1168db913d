import Sandbox

extension Grader {
    /// Turns the run's frames into per-case verdicts and a score. A case with no frame
    /// did not run (the code crashed, exited early or ran out of time first).
    static func report(task: AssessmentTask, suite: GradeReport.Suite, cases: [TaskCase], run: SandboxResult, nonce: String) -> GradeReport {
        let frames = HarnessFrames(stdout: run.stdout, nonce: nonce)
        var results: [GradeReport.CaseResult] = []
        var earned = 0.0, possible = 0.0, passed = 0
        let showDetails = suite == .public
        for item in cases {
            let weight = max(item.weight ?? 1, 0)
            possible += weight
            var result = GradeReport.CaseResult(name: item.name, verdict: .missing)
            if showDetails {
                result.input = item.input
                result.expected = item.expected
            }
            if let frame = frames.cases[item.name] {
                result.seconds = frame.seconds
                if showDetails { result.output = frame.output }
                if frame.conflicting {
                    result.verdict = .error
                    result.message = "the case reported more than one result"
                } else if let error = frame.error {
                    result.verdict = error.hasPrefix("timeout") ? .timeout : .error
                    result.message = error
                } else if let reason = CaseComparator.failure(output: frame.output ?? .null, expected: item.expected,
                                                              comparison: item.compare ?? .equal) {
                    result.verdict = .failed
                    // Hidden cases never quote the expected value back.
                    result.message = showDetails ? reason : "wrong output"
                    if !showDetails, item.compare?.mode == .metric { result.message = reason }
                } else {
                    result.verdict = .passed
                    earned += weight
                    passed += 1
                }
            } else {
                result.message = frames.fatal ?? "not run: the program ended (\(run.status.rawValue)) before this case reported"
            }
            results.append(result)
        }
        var fatal = frames.fatal
        if fatal == nil && !frames.done {
            fatal = "the run ended before every case reported: \(run.status.rawValue)" + (run.timeoutKind.map { " (\($0) limit)" } ?? "")
        }
        let score = possible > 0 ? (earned / possible * 1000).rounded() / 10 : 0
        return GradeReport(
            taskId: task.id, suite: suite, score: score, passed: passed, total: cases.count, cases: results,
            runStatus: run.status.rawValue, fatal: fatal, wallSeconds: run.wallSeconds, cpuSeconds: run.cpuSeconds,
            maxRSSKB: run.maxRSSKB, stderr: String(run.stderr.suffix(4000)), quality: nil)
    }
}
