import Foundation
import Portfolio

/// `vetted bench portfolio`: the analyser over a generated tree of Python projects,
/// beside a first-attempt Python script (`ast` over every file) on the same tree.
public enum PortfolioBenchmarks {
    public static func run(files: Int, runs: Int, baselineScript: String, log: @Sendable (String) -> Void) async throws -> BenchResult {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-bench-tree-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try generateTree(at: root, files: files)
        log("generated \(files) files under \(root.path)")
        var options = PortfolioAnalyzer.Options()
        options.maxFiles = files + 100
        var ours: [Double] = []
        var skills = 0
        for _ in 0..<runs {
            let clock = Stopwatch()
            let report = try PortfolioAnalyzer().analyze(path: root.path, options: options)
            ours.append(clock.ms)
            skills = report.skills.count
        }
        var baseline: [Double] = []
        for _ in 0..<runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [baselineScript, root.path]
            let out = Pipe()
            process.standardOutput = out
            let clock = Stopwatch()
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let wall = clock.ms
            guard process.terminationStatus == 0 else { throw BenchError.baselineFailed("python3 \(baselineScript) exited \(process.terminationStatus)") }
            _ = data
            baseline.append(wall)
        }
        let o = Percentiles.of(ours), b = Percentiles.of(baseline)
        log("ours median \(o.median) ms, baseline median \(b.median) ms")
        return BenchResult(
            benchmark: "portfolio", params: ["files": String(files), "runs": String(runs)],
            ours: ["medianMs": o.median, "p95Ms": o.p95, "skills": Double(skills)],
            baselineName: "python3 scripts/bench_portfolio_baseline.py (ast over every .py file, requirements lines; wall time incl. interpreter start)",
            baseline: ["medianMs": b.median, "p95Ms": b.p95],
            speedup: b.median / max(o.median, 0.001))
    }

    enum BenchError: Error, CustomStringConvertible {
        case baselineFailed(String)
        var description: String { switch self { case .baselineFailed(let m): m } }
    }

    /// Projects of 100 files each: Python modules importing real frameworks, tests,
    /// requirements, a notebook, a pyproject and some data files.
    static func generateTree(at root: URL, files: Int) throws {
        let imports = ["import numpy as np", "import pandas as pd", "from fastapi import FastAPI", "import torch", "from sklearn.linear_model import LogisticRegression",
                       "import sqlalchemy", "from django.db import models", "import requests", "import pydantic", "from airflow import DAG"]
        let fm = FileManager.default
        var written = 0
        var project = 0
        while written < files {
            let dir = root.appendingPathComponent("project\(project)")
            try fm.createDirectory(at: dir.appendingPathComponent("src/pkg"), withIntermediateDirectories: true)
            try fm.createDirectory(at: dir.appendingPathComponent("tests"), withIntermediateDirectories: true)
            try "fastapi==0.110\npandas>=2\ntorch\nscikit-learn\n".write(to: dir.appendingPathComponent("requirements.txt"), atomically: false, encoding: .utf8)
            try "[project]\nname = \"p\(project)\"\ndependencies = [\"httpx\", \"pydantic>=2\"]\n".write(to: dir.appendingPathComponent("pyproject.toml"), atomically: false, encoding: .utf8)
            written += 2
            for i in 0..<98 where written < files {
                let body: String
                let path: String
                switch i % 10 {
                case 0: path = "tests/test_m\(i).py"; body = "import pytest\nfrom pkg.m\(i) import run\n\ndef test_run():\n    assert run(1) == 2\n"
                case 1: path = "data_\(i).csv"; body = "a,b\n1,2\n3,4\n"
                default:
                    path = "src/pkg/m\(i).py"
                    var text = "\"\"\"Module \(i).\"\"\"\n\(imports[i % imports.count])\n\(imports[(i * 7 + project) % imports.count])\n\n"
                    for f in 0..<8 { text += "def f\(f)(x: int, y: str = \"#\") -> int:\n    # comment with import os\n    return x + \(f)\n\n" }
                    body = text
                }
                try body.write(to: dir.appendingPathComponent(path), atomically: false, encoding: .utf8)
                written += 1
            }
            project += 1
        }
    }
}
