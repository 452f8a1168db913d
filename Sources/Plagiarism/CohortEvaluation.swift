/// How a similarity measure scores a generated cohort against its ground truth: planted
/// copies against their sources (should be high) and independent solutions to the same task
/// (should be low). Works for any measure given as a function of two file names, so the
/// benchmark scores ours and a baseline the same way.
public struct CohortEvaluation: Sendable, Hashable, Codable {
    public var plantedCount: Int
    public var plantedMinimum: Double
    public var plantedMedian: Double
    /// Planted copies scoring under 0.9 against their source.
    public var plantedBelow90: Int
    /// The lowest planted score among copies that used each transform.
    public var plantedMinimumByTransform: [String: Double]
    public var independentCount: Int
    public var independentMedian: Double
    public var independentP90: Double
    public var independentP99: Double
    public var independentMaximum: Double
    public var threshold: Double
    public var plantedAtOrAboveThreshold: Int
    public var independentAtOrAboveThreshold: Int

    public init(_ cohort: GeneratedCohort, threshold: Double, similarity: (String, String) -> Double) {
        let planted = cohort.planted.map { similarity($0.source, $0.copy) }
        var byTransform: [String: Double] = [:]
        for (copy, score) in zip(cohort.planted, planted) {
            for transform in copy.transforms { byTransform[transform.rawValue] = min(byTransform[transform.rawValue] ?? 1, score) }
        }
        let independent = cohort.independentPairs().map {
            similarity(cohort.submissions[$0.0].name, cohort.submissions[$0.1].name)
        }
        let sortedPlanted = planted.sorted()
        let sortedIndependent = independent.sorted()
        plantedCount = planted.count
        plantedMinimum = sortedPlanted.first ?? 0
        plantedMedian = Self.quantile(sortedPlanted, 0.5)
        plantedBelow90 = planted.filter { $0 < 0.9 }.count
        plantedMinimumByTransform = byTransform
        independentCount = independent.count
        independentMedian = Self.quantile(sortedIndependent, 0.5)
        independentP90 = Self.quantile(sortedIndependent, 0.9)
        independentP99 = Self.quantile(sortedIndependent, 0.99)
        independentMaximum = sortedIndependent.last ?? 0
        self.threshold = threshold
        plantedAtOrAboveThreshold = planted.filter { $0 >= threshold }.count
        independentAtOrAboveThreshold = independent.filter { $0 >= threshold }.count
    }

    /// The value at `q` of sorted values (nearest rank); 0 for none.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
