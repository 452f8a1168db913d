import Foundation

/// The files of a tree the analyser may read: regular files only (a symlink is never
/// followed, wherever it points), no virtual environments or caches, under caps on the
/// number of files and bytes. What it leaves out it counts, by reason.
struct RepositoryWalker {
    struct Limits: Sendable {
        var maxFiles = 20_000
        var maxFileBytes = 2_000_000
        var maxTotalBytes = 200_000_000
    }

    static let skippedDirectories: Set<String> = [".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", "env",
                                                  ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", "dist", "build", ".eggs"]

    let root: URL
    let limits: Limits

    /// Paths relative to the root, in a stable order.
    func files(skipped: inout [String: Int]) -> [(path: String, size: Int)] {
        var result: [(String, Int)] = []
        var total = 0
        var stack = [root]
        let manager = FileManager.default
        while let directory = stack.popLast() {
            guard let entries = try? manager.contentsOfDirectory(atPath: directory.path) else {
                skipped["unreadable directory", default: 0] += 1
                continue
            }
            for name in entries.sorted() {
                let url = directory.appendingPathComponent(name)
                guard let attributes = try? manager.attributesOfItem(atPath: url.path), let type = attributes[.type] as? FileAttributeType else {
                    skipped["unreadable", default: 0] += 1
                    continue
                }
                switch type {
                case .typeSymbolicLink:
                    skipped["symlink (never followed)", default: 0] += 1
                case .typeDirectory:
                    if Self.skippedDirectories.contains(name) || name.hasSuffix(".egg-info") { continue }
                    stack.append(url)
                case .typeRegular:
                    let size = (attributes[.size] as? Int) ?? 0
                    if result.count >= limits.maxFiles { skipped["over the file cap (\(limits.maxFiles))", default: 0] += 1; continue }
                    if size > limits.maxFileBytes { skipped["larger than \(limits.maxFileBytes) bytes", default: 0] += 1; continue }
                    if total + size > limits.maxTotalBytes { skipped["over the total byte cap", default: 0] += 1; continue }
                    total += size
                    let relative = String(url.path.dropFirst(root.path.count).drop { $0 == "/" })
                    result.append((relative, size))
                default:
                    skipped["not a regular file", default: 0] += 1
                }
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
