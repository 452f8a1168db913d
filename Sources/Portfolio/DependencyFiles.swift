import Foundation

/// Names of packages a project declares, with the line each is on. Every reader is lenient:
/// a templated or invalid file yields what can be read and never stops the analysis.
enum DependencyFiles {
    struct Declared: Equatable {
        let name: String
        let line: Int
    }

    static func isRequirements(_ name: String) -> Bool {
        let lower = name.lowercased()
        return (lower.hasPrefix("requirements") || lower.hasSuffix("requirements.txt") || lower.hasSuffix("requirements.in")) && (lower.hasSuffix(".txt") || lower.hasSuffix(".in"))
    }

    /// The package name at the start of a requirement: `Django>=4.2 ; python_version…` → django.
    static func packageName(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name = ""
        for ch in trimmed {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" || ch == "." { name.append(ch) } else { break }
        }
        guard let first = name.first, first.isLetter || first.isNumber else { return nil }
        return name.lowercased()
    }

    /// requirements.txt, following `-r other.txt` includes (once each, inside the tree).
    static func requirements(_ text: String, includes: inout [String]) -> [Declared] {
        var result: [Declared] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            var line = raw
            if let hash = line.range(of: " #") ?? (line.hasPrefix("#") ? line.range(of: "#") : nil) { line = String(line[..<hash.lowerBound]) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("-r ") || trimmed.hasPrefix("--requirement ") || trimmed.hasPrefix("-c ") {
                if let path = trimmed.split(separator: " ", maxSplits: 1).last { includes.append(String(path).trimmingCharacters(in: .whitespaces)) }
                continue
            }
            if trimmed.hasPrefix("-e ") || trimmed.hasPrefix("--editable ") {
                // -e git+https://…#egg=name
                if let egg = trimmed.range(of: "#egg=") { if let n = packageName(String(trimmed[egg.upperBound...])) { result.append(.init(name: n, line: index + 1)) } }
                continue
            }
            if trimmed.hasPrefix("-") || trimmed.contains("://") { continue }
            if let name = packageName(trimmed) { result.append(.init(name: name, line: index + 1)) }
        }
        return result
    }

    /// pyproject.toml: PEP 621 `dependencies` and `optional-dependencies`, Poetry's
    /// dependency tables. A line-based reading that tolerates template syntax.
    static func pyproject(_ text: String) -> (declared: [Declared], tables: Set<String>, warnings: [String]) {
        var declared: [Declared] = []
        var tables = Set<String>()
        var warnings: [String] = []
        var table = ""
        var inArray = false
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.contains("{{") || line.contains("{%") { warnings.append("pyproject.toml line \(index + 1): template syntax, read around it") }
            if line.hasPrefix("[") && !inArray {
                table = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                tables.insert(table)
                continue
            }
            let isPoetryDeps = table == "tool.poetry.dependencies" || table == "tool.poetry.dev-dependencies"
                || (table.hasPrefix("tool.poetry.group.") && table.hasSuffix(".dependencies"))
            if isPoetryDeps, let eq = line.firstIndex(of: "=") {
                let key = line[..<eq].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                if key != "python", let name = packageName(key) { declared.append(.init(name: name, line: index + 1)) }
                continue
            }
            let inPEP621 = table == "project" || table == "project.optional-dependencies" || table == "build-system"
            guard inPEP621 else { continue }
            if !inArray, let eq = line.firstIndex(of: "=") {
                let key = line[..<eq].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                guard table != "project" || key == "dependencies", table != "build-system" || key == "requires", value.hasPrefix("[") else { continue }
                inArray = !value.contains("]")
                declared += quoted(value).compactMap { packageName($0) }.map { .init(name: $0, line: index + 1) }
            } else if inArray {
                declared += quoted(line).compactMap { packageName($0) }.map { .init(name: $0, line: index + 1) }
                if line.contains("]") { inArray = false }
            }
        }
        return (declared, tables, warnings)
    }

    /// setup.py `install_requires=[...]` and setup.cfg `install_requires =` blocks.
    static func setupFiles(_ text: String, isCfg: Bool) -> [Declared] {
        var declared: [Declared] = []
        var collecting = false
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if isCfg {
                if line.hasPrefix("install_requires") || line.hasPrefix("tests_require") { collecting = true; continue }
                if collecting {
                    if line.isEmpty || (!raw.hasPrefix(" ") && !raw.hasPrefix("\t")) { collecting = false; continue }
                    if let name = packageName(line) { declared.append(.init(name: name, line: index + 1)) }
                }
            } else {
                if line.contains("install_requires") || line.contains("extras_require") || line.contains("tests_require") { collecting = true }
                if collecting {
                    declared += quoted(line).compactMap { packageName($0) }.map { .init(name: $0, line: index + 1) }
                    if line.contains("]") && !line.contains("extras_require") { collecting = false }
                }
            }
        }
        return declared
    }

    /// Pipfile `[packages]` and `[dev-packages]`.
    static func pipfile(_ text: String) -> [Declared] {
        var declared: [Declared] = []
        var inPackages = false
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { inPackages = line == "[packages]" || line == "[dev-packages]"; continue }
            if inPackages, let eq = line.firstIndex(of: "="), let name = packageName(line[..<eq].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))) {
                declared.append(.init(name: name, line: index + 1))
            }
        }
        return declared
    }

    /// environment.yml: conda `dependencies:` entries and their `pip:` list.
    static func condaEnvironment(_ text: String) -> [Declared] {
        var declared: [Declared] = []
        var inDependencies = false
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if !raw.hasPrefix(" ") && !raw.hasPrefix("-") && line.hasSuffix(":") { inDependencies = line == "dependencies:"; continue }
            guard inDependencies, line.hasPrefix("- ") else { continue }
            let item = String(line.dropFirst(2))
            if item.hasPrefix("pip") && item.hasSuffix(":") { continue }
            let spec = item.split(separator: ":").last.map(String.init) ?? item  // channel::name
            if let name = packageName(spec), name != "python", name != "pip" { declared.append(.init(name: name, line: index + 1)) }
        }
        return declared
    }

    static func quoted(_ text: String) -> [String] {
        var result: [String] = []
        var current: String?
        var quote: Character = "\""
        for ch in text {
            if var open = current {
                if ch == quote { result.append(open); current = nil } else { open.append(ch); current = open }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                current = ""
            }
        }
        return result
    }
}
