import Foundation
import Testing
import Portfolio

/// Small synthetic repositories, one per category and per trap, written for each test.
@Suite struct PortfolioAnalyzerTests {
    func repository(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-repo-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    let analyzer = PortfolioAnalyzer()

    @Test func an_ml_repository_reads_as_ai_ml_with_evidence_by_file_and_line() throws {
        let root = try repository([
            "train.py": "import torch\nfrom sklearn.metrics import f1_score\nfrom model import Net\n",
            "model.py": "import torch.nn as nn\nclass Net(nn.Module):\n    def forward(self, x: 'Tensor') -> 'Tensor':\n        return x\n",
            "requirements.txt": "torch==2.3.0\nscikit-learn>=1.4  # metrics\n-r requirements-dev.txt\n",
            "requirements-dev.txt": "pytest\n",
            "tests/test_model.py": "import pytest\nfrom model import Net\n\ndef test_net():\n    assert Net()\n",
            ".github/workflows/ci.yml": "on: push\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try analyzer.analyze(path: root.path)
        #expect(report.category == "ai-ml")
        let torch = try #require(report.skills.first { $0.id == "pytorch" })
        #expect(torch.evidence.contains(.init(file: "train.py", line: 1, kind: "import")))
        #expect(torch.evidence.contains(.init(file: "requirements.txt", line: 1, kind: "dependency")))
        #expect(report.skills.contains { $0.id == "scikit-learn" })
        #expect(report.skills.contains { $0.id == "pytest" && $0.evidence.contains { $0.file == "requirements-dev.txt" } })
        // The project's own module is not a skill.
        #expect(!report.skills.contains { $0.id == "model" })
        #expect(report.practices.tests.files == 1)
        #expect(report.practices.tests.framework == "pytest")
        #expect(report.practices.ci == [".github/workflows/ci.yml"])
        #expect(report.practices.typeHints == 0.5)
        #expect(report.history.note == "not a git checkout")
    }

    @Test func a_backend_service_with_a_pyproject_reads_as_backend() throws {
        let root = try repository([
            "pyproject.toml": """
            [project]
            name = "payments"
            dependencies = [
              "fastapi>=0.110",
              "sqlalchemy",
              "psycopg[binary]",
            ]
            [tool.ruff]
            line-length = 100
            [tool.mypy]
            strict = true
            """,
            "app/main.py": "from fastapi import FastAPI\nimport stripe\napp = FastAPI()\n",
            "Dockerfile": "FROM python:3.12\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try analyzer.analyze(path: root.path)
        #expect(report.category == "backend")
        #expect(report.skills.contains { $0.id == "fastapi" })
        #expect(report.skills.contains { $0.id == "postgresql" && $0.evidence.contains { $0.file == "pyproject.toml" && $0.line == 6 } })
        #expect(report.skills.contains { $0.id == "stripe" })
        #expect(report.practices.packaging == ["pyproject.toml"])
        #expect(report.practices.lint == ["pyproject.toml"])
        #expect(report.practices.typeCheck == ["pyproject.toml"])
        #expect(report.practices.containers == ["Dockerfile"])
    }

    @Test func notebooks_only_read_as_data_science() throws {
        let notebook = ##"{"cells": [{"cell_type": "markdown", "source": ["# import torch"]}, {"cell_type": "code", "source": ["%matplotlib inline\n", "import pandas as pd\n", "import seaborn as sns\n"]}], "nbformat": 4}"##
        let root = try repository(["analysis.ipynb": notebook, "broken.ipynb": "{not json"])
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try analyzer.analyze(path: root.path)
        #expect(report.category == "data-science")
        #expect(report.skills.first { $0.id == "pandas" }?.evidence == [.init(file: "analysis.ipynb", line: 3, kind: "notebook")])
        #expect(!report.skills.contains { $0.id == "pytorch" })
        #expect(report.scan.warnings.contains { $0.contains("broken.ipynb") })
    }

    @Test func traps_declared_not_imported_templated_pyproject_binary_and_symlinks() throws {
        let root = try repository([
            "pyproject.toml": "[tool.poetry]\nname = \"{{ cookiecutter.name }}\"\n[tool.poetry.dependencies]\npython = \"^3.11\"\ndjango = \"^5.0\"\n",
            "blob.py": "\u{0}\u{1}binary",
            "latin.py": "",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data([0x69, 0x6d, 0x70, 0x6f, 0x72, 0x74, 0x20, 0x72, 0x65, 0x64, 0x69, 0x73, 0x20, 0x23, 0xe9, 0x0a]).write(to: root.appendingPathComponent("latin.py"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("escape").path, withDestinationPath: "/etc")
        let report = try analyzer.analyze(path: root.path)
        let django = try #require(report.skills.first { $0.id == "django" })
        #expect(django.evidence.map(\.kind) == ["dependency"])
        #expect(report.skills.contains { $0.id == "redis" })
        #expect(report.scan.skipped["symlink (never followed)"] == 1)
        #expect(report.scan.warnings.contains { $0.contains("template syntax") })
        #expect(report.scan.warnings.contains { $0.contains("latin.py") })
    }

    @Test func caps_are_reported_and_a_missing_path_is_an_error() throws {
        var files: [String: String] = [:]
        for i in 0..<30 { files["pkg/m\(i).py"] = "import numpy\n" }
        let root = try repository(files)
        defer { try? FileManager.default.removeItem(at: root) }
        var options = PortfolioAnalyzer.Options()
        options.maxFiles = 10
        let report = try analyzer.analyze(path: root.path, options: options)
        #expect(report.scan.filesRead == 10)
        #expect(report.scan.skipped["over the file cap (10)"] == 20)
        #expect(throws: (any Error).self) { try analyzer.analyze(path: "/nonexistent/vetted") }
    }

    @Test func git_history_counts_commits_and_one_authors_share() throws {
        let root = try repository(["app.py": "import flask\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        func git(_ args: [String], email: String = "ada@example.com") throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", root.path] + args
            p.environment = ["PATH": "/usr/bin:/bin", "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": "A",
                             "GIT_COMMITTER_EMAIL": email, "HOME": root.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "one"])
        try git(["commit", "-q", "--allow-empty", "-m", "two"], email: "bo@example.com")
        var options = PortfolioAnalyzer.Options()
        options.authors = ["ADA@example.com"]
        let report = try analyzer.analyze(path: root.path, options: options)
        #expect(report.history.commits == 2)
        #expect(report.history.authors == 2)
        #expect(report.history.authorCommits == 1)
        #expect(report.history.activeMonths == 1)
    }
}
