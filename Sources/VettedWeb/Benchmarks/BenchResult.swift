import Foundation

/// One benchmark's figures: ours beside a baseline measured in the same run, in the shape
/// `vetted bench NAME --json` prints.
public struct BenchResult: Sendable {
    public var benchmark: String
    public var params: [String: String]
    public var ours: [String: Double]
    public var baselineName: String
    public var baseline: [String: Double]
    public var speedup: Double
    public var extra: [String: String] = [:]

    public var json: [String: Any] {
        var base: [String: Any] = baseline
        base["name"] = baselineName
        var object: [String: Any] = [
            "benchmark": benchmark, "params": params, "ours": ours, "baseline": base,
            "speedup": (speedup * 10).rounded() / 10,
        ]
        for (k, v) in extra { object[k] = v }
        return object
    }

    public var text: String {
        let fmt = { (figures: [String: Double]) in figures.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.format($0.value))" }.joined(separator: ", ") }
        return """
        \(benchmark) \(params.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
          ours:     \(fmt(ours))
          baseline: \(fmt(baseline)) (\(baselineName))
          speedup:  \(Self.format(speedup))×
        """
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(format: "%.2f", value)
    }
}

/// Median and 95th percentile of a list of milliseconds.
enum Percentiles {
    static func of(_ values: [Double]) -> (median: Double, p95: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let sorted = values.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        return ((median * 100).rounded() / 100, (p95 * 100).rounded() / 100)
    }
}

/// Milliseconds since a start, on the monotonic clock.
struct Stopwatch {
    let start = ContinuousClock.now
    var ms: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
}
