import Foundation
import Plagiarism

/// `vetted bench plagiarism`: a generated cohort (independent solutions to five tasks and
/// planted copies: renamed, reordered, reformatted, re-commented, padded with dead code)
/// written to disk, scanned by our engine (median of `runs`) and once by copydetect, the
/// Python baseline, in the same run. Quality is read against the generator's ground truth.
public enum PlagiarismBenchmarks {
    public static func run(perTask: Int, copies: Int, runs: Int, baselinePython: String, scriptPath: String,
                           log: @Sendable (String) -> Void) throws -> BenchResult {
        let cohort = CohortGenerator(seed: 20_030_609, solutionsPerTask: perTask, plantedCopies: copies).generate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-plagiarism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for submission in cohort.submissions { try write(submission.text, folder.appendingPathComponent("cohort/" + submission.name)) }
        for starter in cohort.starters {
            try write(String(decoding: starter.bytes, as: UTF8.self), folder.appendingPathComponent("starters/" + starter.name))
        }
        log("cohort: \(cohort.submissions.count) files (\(cohort.planted.count) planted copies) in \(folder.path)")

        // Ours: read the folder and scan it, as `vetted plagiarism scan` does.
        var times: [Double] = []
        var index = FingerprintIndex()
        for _ in 0..<runs {
            let clock = Stopwatch()
            let files = try SubmissionFolder.read(folder.appendingPathComponent("cohort"))
            let starters = try SubmissionFolder.read(folder.appendingPathComponent("starters"))
            index = FingerprintIndex(starterCode: starters)
            for file in files { index.add(file) }
            _ = PlagiarismScan.result(of: index)
            times.append(clock.ms)
        }
        let peak = peakRSSMB()
        let position = Dictionary(uniqueKeysWithValues: index.documents.enumerated().map { ($0.element.name, $0.offset) })
        let ours = CohortEvaluation(cohort, threshold: PlagiarismOptions().reportingThreshold) { a, b in
            guard let i = position[a], let j = position[b] else { return 0 }
            return index.similarity(i, j)
        }
        let figures = Percentiles.of(times)
        var oursFigures: [String: Double] = [
            "medianMs": figures.median, "p95Ms": figures.p95, "peakRSSMB": round(peak),
            "plantedMin": round3(ours.plantedMinimum), "plantedMedian": round3(ours.plantedMedian),
            "plantedBelow09": Double(ours.plantedBelow90), "independentMedian": round3(ours.independentMedian),
            "independentP90": round3(ours.independentP90),
        ]
        oursFigures["files"] = Double(cohort.submissions.count)

        // copydetect, once: it takes minutes where we take a fraction of a second.
        var baseline: [String: Double] = [:]
        var baselineName = "copydetect (not installed: run make bench-deps)"
        var speedup = 0.0
        if FileManager.default.isExecutableFile(atPath: baselinePython) {
            log("copydetect: running once over the same folder (this takes a while)")
            let output = folder.appendingPathComponent("copydetect.json")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: baselinePython)
            process.arguments = [scriptPath, folder.appendingPathComponent("cohort").path, output.path,
                                 "--starters", folder.appendingPathComponent("starters").path]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus == 0, let data = try? Data(contentsOf: output),
               let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] {
                var scores: [String: Double] = [:]
                for pair in object["pairs"] as? [[String: Any]] ?? [] {
                    guard let a = pair["a"] as? String, let b = pair["b"] as? String, let s = pair["similarity"] as? Double else { continue }
                    scores[a < b ? a + "|" + b : b + "|" + a] = s
                }
                let theirs = CohortEvaluation(cohort, threshold: PlagiarismOptions().reportingThreshold) { a, b in
                    scores[a < b ? a + "|" + b : b + "|" + a] ?? 0
                }
                let ms = ((object["seconds"] as? Double) ?? 0) * 1000
                baselineName = "copydetect (one run)"
                baseline = ["medianMs": ms.rounded(), "peakRSSMB": ((object["peakRSSMB"] as? Double) ?? 0).rounded(),
                            "plantedMin": round3(theirs.plantedMinimum), "plantedMedian": round3(theirs.plantedMedian),
                            "plantedBelow09": Double(theirs.plantedBelow90), "independentMedian": round3(theirs.independentMedian),
                            "independentP90": round3(theirs.independentP90)]
                speedup = figures.median > 0 ? ms / figures.median : 0
            } else {
                baselineName = "copydetect (failed: \(message.split(separator: "\n").last ?? "no message"))"
            }
        }
        return BenchResult(benchmark: "plagiarism",
                           params: ["files": String(cohort.submissions.count), "plantedCopies": String(copies), "runs": String(runs),
                                    "k": String(PlagiarismOptions().winnowing.k), "window": String(PlagiarismOptions().winnowing.window)],
                           ours: oursFigures, baselineName: baselineName, baseline: baseline, speedup: speedup)
    }

    static func write(_ text: String, _ url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    static func peakRSSMB() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
