import Foundation
import PythonSource
import Taxonomy
import VettedDomain

/// Reads a repository for evidence of skills and practices: Python imports (through the
/// tokenizer), notebook code cells, every common dependency file, test, CI, typing,
/// packaging, lint and container set-ups, and the commit history.
public struct PortfolioAnalyzer: Sendable {
    public struct Options: Sendable {
        public var maxFiles = 20_000
        public var maxFileBytes = 2_000_000
        public var maxTotalBytes = 200_000_000
        /// E-mails whose commits to count (one author's work in a shared repository).
        public var authors: Set<String> = []
        /// Called as files are read (done, total, stage), for a job's progress bar.
        public var progress: (@Sendable (Int, Int, String) -> Void)?
        public init() {}
    }

    let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy = .standard) { self.taxonomy = taxonomy }

    /// Evidence weight by kind: code that imports a library outweighs a declaration.
    static let weights = ["import": 3, "notebook": 3, "dependency": 2, "config": 1]

    public func analyze(path: String, options: Options = Options()) throws(DomainError) -> PortfolioReport {
        let root = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .invalid(field: "path", message: "\(path) is not a folder (give a local checkout or folder)")
        }
        var skipped: [String: Int] = [:]
        var warnings: [String] = []
        let walker = RepositoryWalker(root: root, limits: .init(maxFiles: options.maxFiles, maxFileBytes: options.maxFileBytes, maxTotalBytes: options.maxTotalBytes))
        let files = walker.files(skipped: &skipped)
        let paths = Set(files.map(\.path))
        // Top-level names that are the project's own packages and modules: importing them is not a skill.
        let local = Set(files.flatMap { file -> [String] in
            let parts = file.path.split(separator: "/")
            return parts.enumerated().compactMap { index, part in
                index == parts.count - 1 ? (part.hasSuffix(".py") ? String(part.dropLast(3)) : nil) : String(part)
            }
        })

        var evidence: [String: Set<PortfolioReport.Evidence>] = [:]
        func add(_ skill: Skill?, _ file: String, _ line: Int, _ kind: String) {
            guard let skill else { return }
            evidence[skill.id, default: []].insert(.init(file: file, line: line, kind: kind))
        }
        var functions = 0, annotated = 0
        var testFiles = 0
        var testFrameworks: [String: Int] = [:]
        var ci: [String] = [], packaging: [String] = [], lint: [String] = [], typeCheck: [String] = [], containers: [String] = []
        var bytesRead = 0
        var filesRead = 0
        var requirementQueue: [String] = []
        var requirementsRead = Set<String>()

        for (index, file) in files.enumerated() {
            if index % 200 == 0 { options.progress?(index, files.count, "reading files") }
            let name = (file.path as NSString).lastPathComponent
            let lower = name.lowercased()
            let needsText = lower.hasSuffix(".py") || lower.hasSuffix(".ipynb") || DependencyFiles.isRequirements(lower)
                || ["pyproject.toml", "setup.py", "setup.cfg", "pipfile", "environment.yml", "environment.yaml", "tox.ini"].contains(lower)
            // Practices from names alone.
            if file.path.hasPrefix(".github/workflows/") || [".gitlab-ci.yml", "azure-pipelines.yml", "jenkinsfile", ".travis.yml"].contains(lower)
                || file.path.hasPrefix(".circleci/") { ci.append(file.path) }
            if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower.hasPrefix("docker-compose") || lower == "compose.yaml" || lower == "compose.yml" { containers.append(file.path) }
            if [".flake8", ".pylintrc", "ruff.toml", ".ruff.toml", ".pre-commit-config.yaml"].contains(lower) { lint.append(file.path) }
            if ["mypy.ini", ".mypy.ini", "pyrightconfig.json"].contains(lower) { typeCheck.append(file.path) }
            if ["setup.py", "setup.cfg", "pyproject.toml"].contains(lower), !file.path.contains("/") { packaging.append(file.path) }
            if lower == "conftest.py" { testFrameworks["pytest", default: 0] += 1 }
            guard needsText, let text = read(root, file.path, warnings: &warnings) else { continue }
            filesRead += 1
            bytesRead += file.size

            if lower.hasSuffix(".py") {
                let facts = PythonFileFacts(source: text)
                functions += facts.functions
                annotated += facts.annotatedFunctions
                let isTest = lower.hasPrefix("test_") || lower.hasSuffix("_test.py") || file.path.split(separator: "/").contains("tests")
                if isTest { testFiles += 1 }
                for item in facts.imports where !item.isRelative && !local.contains(item.topLevel) {
                    if isTest, item.topLevel == "pytest" || item.topLevel == "unittest" { testFrameworks[item.topLevel, default: 0] += 1 }
                    add(taxonomy.skill(forImport: item.module), file.path, item.line, "import")
                }
                if lower == "setup.py" {
                    for d in DependencyFiles.setupFiles(text, isCfg: false) { add(taxonomy.skill(forPackage: d.name), file.path, d.line, "dependency") }
                }
            } else if lower.hasSuffix(".ipynb") {
                for (source, offset) in notebookCells(text, file: file.path, warnings: &warnings) {
                    for item in PythonFileFacts(source: source).imports where !item.isRelative && !local.contains(item.topLevel) {
                        add(taxonomy.skill(forImport: item.module), file.path, offset + item.line, "notebook")
                    }
                }
            } else if DependencyFiles.isRequirements(lower) {
                requirementsRead.insert(file.path)
                var includes: [String] = []
                for d in DependencyFiles.requirements(text, includes: &includes) { add(taxonomy.skill(forPackage: d.name), file.path, d.line, "dependency") }
                let folder = (file.path as NSString).deletingLastPathComponent
                requirementQueue += includes.map { folder.isEmpty ? $0 : folder + "/" + $0 }
            } else if lower == "pyproject.toml" {
                let parsed = DependencyFiles.pyproject(text)
                warnings += parsed.warnings.map { file.path + ": " + $0 }
                for d in parsed.declared { add(taxonomy.skill(forPackage: d.name), file.path, d.line, "dependency") }
                if parsed.tables.contains("tool.ruff") || parsed.tables.contains("tool.black") || parsed.tables.contains("tool.pylint") { lint.append(file.path) }
                if parsed.tables.contains("tool.mypy") || parsed.tables.contains("tool.pyright") { typeCheck.append(file.path) }
                if parsed.tables.contains(where: { $0.hasPrefix("tool.pytest") }) { testFrameworks["pytest", default: 0] += 1 }
            } else if lower == "setup.cfg" || lower == "tox.ini" {
                for d in DependencyFiles.setupFiles(text, isCfg: true) { add(taxonomy.skill(forPackage: d.name), file.path, d.line, "dependency") }
                if text.contains("[flake8]") { lint.append(file.path) }
                if text.contains("[mypy") { typeCheck.append(file.path) }
                if text.contains("[tool:pytest]") || text.contains("[pytest]") { testFrameworks["pytest", default: 0] += 1 }
            } else if lower == "pipfile" {
                for d in DependencyFiles.pipfile(text) { add(taxonomy.skill(forPackage: d.name), file.path, d.line, "dependency") }
            } else if lower.hasPrefix("environment.") {
                for d in DependencyFiles.condaEnvironment(text) { add(taxonomy.skill(forPackage: d.name), file.path, d.line, "dependency") }
            }
        }
        // Requirement files reached only through `-r` (names that do not look like requirements).
        while let next = requirementQueue.popLast() {
            let normalized = (next as NSString).standardizingPath
            guard !requirementsRead.contains(normalized) else { continue }
            requirementsRead.insert(normalized)
            guard paths.contains(normalized) else {
                if !normalized.hasPrefix("..") { warnings.append("\(normalized): included with -r but missing") }
                continue
            }
            guard let text = read(root, normalized, warnings: &warnings) else { continue }
            var includes: [String] = []
            for d in DependencyFiles.requirements(text, includes: &includes) { add(taxonomy.skill(forPackage: d.name), normalized, d.line, "dependency") }
            let folder = (normalized as NSString).deletingLastPathComponent
            requirementQueue += includes.map { folder.isEmpty ? $0 : folder + "/" + $0 }
        }

        // Scores: each skill's strongest evidence weight, summed by the category it points to.
        var raw: [RoleCategory: Int] = [:]
        var skills: [PortfolioReport.SkillEvidence] = []
        for (id, found) in evidence {
            guard let skill = taxonomy.skill(id) else { continue }
            let weight = found.map { Self.weights[$0.kind] ?? 1 }.max() ?? 1
            if let category = skill.category.roleCategory { raw[category, default: 0] += weight }
            skills.append(.init(id: id, name: skill.name, category: skill.category.rawValue,
                                evidence: found.sorted { ($0.file, $0.line, $0.kind) < ($1.file, $1.line, $1.kind) }))
        }
        skills.sort { $0.evidence.count != $1.evidence.count ? $0.evidence.count > $1.evidence.count : $0.id < $1.id }
        let total = raw.values.reduce(0, +)
        let scores = Dictionary(uniqueKeysWithValues: RoleCategory.allCases.map { ($0.rawValue, total == 0 ? 0 : (raw[$0] ?? 0) * 100 / total) })
        let category = total == 0 ? nil : RoleCategory.allCases.max { (raw[$0] ?? 0, -$0.order) < (raw[$1] ?? 0, -$1.order) }?.rawValue

        options.progress?(files.count, files.count, "reading the commit history")
        let framework = testFrameworks.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        let practices = PortfolioReport.Practices(
            tests: .init(files: testFiles, framework: testFiles > 0 || framework != nil ? framework : nil), ci: ci,
            typeHints: functions == 0 ? nil : (Double(annotated) / Double(functions) * 100).rounded() / 100,
            packaging: packaging, lint: Array(Set(lint)).sorted(), typeCheck: Array(Set(typeCheck)).sorted(), containers: containers)
        return PortfolioReport(category: category, scores: scores, skills: skills, practices: practices,
                               history: GitHistory.read(root, authors: options.authors),
                               scan: .init(filesRead: filesRead, bytesRead: bytesRead, skipped: skipped, warnings: warnings))
    }

    /// A file as text: UTF-8, else Latin-1 (every byte decodes), never a crash; binary
    /// files (a NUL in the first kilobyte) are skipped.
    func read(_ root: URL, _ path: String, warnings: inout [String]) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else {
            warnings.append("\(path): listed but unreadable")
            return nil
        }
        if data.prefix(1024).contains(0) { return nil }
        if let text = String(data: data, encoding: .utf8) { return text }
        warnings.append("\(path): not UTF-8, read as Latin-1")
        return String(data: data, encoding: .isoLatin1)
    }

    /// The code cells of a notebook, each with the line offset of its first line in the
    /// file's cell order (cells numbered as lines so evidence points somewhere findable).
    func notebookCells(_ text: String, file: String, warnings: inout [String]) -> [(String, Int)] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let cells = object["cells"] as? [[String: Any]]
        else {
            warnings.append("\(file): not a readable notebook")
            return []
        }
        var result: [(String, Int)] = []
        var offset = 0
        for cell in cells {
            let source = (cell["source"] as? [String])?.joined() ?? (cell["source"] as? String) ?? ""
            let lines = source.components(separatedBy: "\n").count
            // IPython magics and shell lines are not Python.
            let code = source.components(separatedBy: "\n").map { $0.hasPrefix("%") || $0.hasPrefix("!") ? "" : $0 }.joined(separator: "\n")
            if cell["cell_type"] as? String == "code" { result.append((code, offset)) }
            offset += lines
        }
        return result
    }
}

extension RoleCategory {
    /// Ties between categories go to the first in this order.
    var order: Int {
        switch self {
        case .aiML: 0
        case .dataScience: 1
        case .backend: 2
        }
    }
}
