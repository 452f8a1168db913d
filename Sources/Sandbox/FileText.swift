#if canImport(Glibc)
import Glibc
#endif

/// Small reads and writes of kernel files (cgroupfs, procfs) with plain syscalls: they
/// are tiny, hot (read every few milliseconds during a run) and Foundation adds nothing.
enum FileText {
    static func read(_ path: String, limit: Int = 65536) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 4096) }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func write(_ text: String, to path: String) -> Result<Void, SandboxError> {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.cgroupFailed(path: path, errno: errno)) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        return n == bytes.count ? .success(()) : .failure(.cgroupFailed(path: path, errno: errno))
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func integer(_ path: String) -> UInt64? {
        read(path).flatMap { UInt64($0.split(whereSeparator: { $0 == "\n" || $0 == " " }).first ?? "") }
    }

    /// The number after `key` in a "key value" per line file (memory.events, pids.events).
    static func keyed(_ path: String, _ key: String) -> UInt64? {
        guard let text = read(path) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == key { return UInt64(parts[1]) }
        }
        return nil
    }

    static func pids(_ path: String) -> [pid_t] {
        (read(path) ?? "").split(separator: "\n").compactMap { pid_t($0) }
    }

    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
