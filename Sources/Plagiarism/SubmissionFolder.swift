import Foundation

/// Reads the `.py` files under a folder for a scan, each named by its path relative to the
/// folder. Reads at most one byte past the limit per file, so a huge file costs no memory
/// and is still reported as truncated; a file that cannot be read becomes an empty one with
/// an issue instead of failing the scan.
public enum SubmissionFolder {
    public static func read(_ directory: URL, fileExtension: String = "py",
                            maximumFileBytes: Int = PlagiarismOptions.defaultMaximumFileBytes) throws -> [SubmissionFile] {
        let root = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlagiarismError.notADirectory(path: directory.path)
        }
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey],
            options: [.skipsHiddenFiles, .skipsPackageDescendants]) else {
            throw PlagiarismError.notADirectory(path: directory.path)
        }
        var files: [SubmissionFile] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            if url.lastPathComponent == "__pycache__" { walker.skipDescendants(); continue }
            guard values?.isRegularFile == true, url.pathExtension == fileExtension else { continue }
            let path = url.standardizedFileURL.path
            let name = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
            files.append(readFile(url, name: name, size: values?.fileSize, maximumFileBytes: maximumFileBytes))
        }
        return files.sorted { $0.name < $1.name }
    }

    static func readFile(_ url: URL, name: String, size: Int?, maximumFileBytes: Int) -> SubmissionFile {
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
            let truncated = data.count > maximumFileBytes
            return SubmissionFile(name: name, bytes: [UInt8](data), totalByteCount: truncated ? max(size ?? data.count, data.count) : nil)
        } catch {
            return SubmissionFile(name: name, bytes: [], unreadable: "\(error.localizedDescription)")
        }
    }
}

/// The module's one error type: only reading a folder can fail; bad files never do.
public enum PlagiarismError: Error, Sendable, Hashable, CustomStringConvertible {
    case notADirectory(path: String)

    public var description: String {
        switch self {
        case let .notADirectory(path): "not a readable directory: \(path)"
        }
    }
}
