/// Judges one case's output against its expected value. Runs outside the box, on values
/// the box never saw.
public enum CaseComparator {
    /// nil when the output passes; otherwise a reason fit to show the hiring team.
    public static func failure(output: JSONValue, expected: JSONValue, comparison: CaseComparison) -> String? {
        switch comparison.mode {
        case .equal:
            let tolerance = comparison.tolerance ?? 1e-9
            if comparison.unordered == true, case .array(let got) = output, case .array(let want) = expected {
                return multisetEqual(got, want, tolerance) ? nil : "expected (in any order) \(expected.brief()), got \(output.brief())"
            }
            return equal(output, expected, tolerance) ? nil : "expected \(expected.brief()), got \(output.brief())"
        case .metric:
            guard case .array(let truth) = expected else { return "the case's expected labels are not a list" }
            guard case .array(let predicted) = output else { return "expected a list of \(truth.count) predictions, got \(output.brief(limit: 80))" }
            guard predicted.count == truth.count else { return "expected \(truth.count) predictions, got \(predicted.count)" }
            let metric = comparison.metric ?? .accuracy
            let value = metric == .accuracy ? accuracy(predicted, truth) : macroF1(predicted, truth)
            let threshold = comparison.min ?? 0
            let shown = (value * 1000).rounded() / 1000
            return value >= threshold ? nil : "\(metric.rawValue) \(shown) is below \(threshold)"
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue, _ tolerance: Double) -> Bool {
        if let x = a.numeric, let y = b.numeric {
            let difference = abs(x - y)
            return difference <= tolerance || difference <= tolerance * max(abs(x), abs(y))
        }
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, tolerance) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0, tolerance) } ?? false }
        default:
            return a == b
        }
    }

    /// Each expected element matched to a distinct output element (greedy is exact here:
    /// tolerance-equality on the elements cases use is transitive in practice).
    static func multisetEqual(_ got: [JSONValue], _ want: [JSONValue], _ tolerance: Double) -> Bool {
        guard got.count == want.count else { return false }
        var unused = got
        for item in want {
            guard let index = unused.firstIndex(where: { equal($0, item, tolerance) }) else { return false }
            unused.remove(at: index)
        }
        return true
    }

    static func accuracy(_ predicted: [JSONValue], _ truth: [JSONValue]) -> Double {
        guard !truth.isEmpty else { return 0 }
        return Double(zip(predicted, truth).filter { equal($0, $1, 1e-9) }.count) / Double(truth.count)
    }

    /// The mean over the true classes of F1; a class never predicted scores 0. (Classes
    /// only ever predicted add nothing, unlike scikit-learn's default; tasks set their
    /// thresholds with this definition.) Numbers match by value: 1.0 is class 1.
    static func macroF1(_ predicted: [JSONValue], _ truth: [JSONValue]) -> Double {
        func label(_ value: JSONValue) -> String { value.numeric.map { String($0) } ?? value.jsonText }
        let classes = truth.map(label)
        let guesses = predicted.map(label)
        let labels = Set(classes)
        guard !labels.isEmpty else { return 0 }
        var total = 0.0
        for label in labels {
            var tp = 0.0, fp = 0.0, fn = 0.0
            for (guess, actual) in zip(guesses, classes) {
                if guess == label && actual == label { tp += 1 }
                else if guess == label { fp += 1 }
                else if actual == label { fn += 1 }
            }
            total += tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
        }
        return total / Double(labels.count)
    }
}
