import Foundation
import Sandbox

/// `vetted bench sandbox`: what the box costs a run. The same interpreter (the runtime's
/// python3, by absolute path) runs `-c pass` bare and inside the sandbox, interleaved so
/// both see the same machine load; the figure is the difference of the medians.
public enum SandboxBenchmarks {
    public static func overhead(sandbox: Sandbox, runs: Int) throws -> BenchResult {
        let python = sandbox.configuration.runtimePath + "/bin/python3"
        var bare: [Double] = []
        var boxed: [Double] = []
        let request = SandboxRequest(command: ["/venv/bin/python3", "-I", "-c", "pass"],
                                     limits: SandboxLimits(cpuSeconds: 5, wallSeconds: 10))
        // Warm the page cache and the cgroup folders first.
        _ = BareRun.run(path: python, arguments: ["-I", "-c", "pass"])
        _ = sandbox.run(request)
        for _ in 0..<runs {
            let a = Stopwatch()
            _ = try BareRun.run(path: python, arguments: ["-I", "-c", "pass"]).get()
            bare.append(a.ms)
            let b = Stopwatch()
            let result = try sandbox.run(request).get()
            boxed.append(b.ms)
            guard result.status == .ok else { throw SandboxError.invalidRequest("the boxed run ended \(result.status.rawValue): \(result.stderr)") }
        }
        let ours = Percentiles.of(boxed)
        let base = Percentiles.of(bare)
        return BenchResult(
            benchmark: "sandbox",
            params: ["runs": String(runs), "command": "python3 -I -c pass", "cgroup": sandbox.cgroupVersion],
            ours: ["medianMs": ours.median, "p95Ms": ours.p95, "overheadMs": ((ours.median - base.median) * 100).rounded() / 100],
            baselineName: "the same python3 by absolute path, no sandbox",
            baseline: ["medianMs": base.median, "p95Ms": base.p95],
            speedup: ours.median > 0 ? base.median / ours.median : 0)
    }
}
