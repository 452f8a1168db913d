import Foundation

/// Commit history from `git log`, when the folder is a git checkout and git is installed.
enum GitHistory {
    static func read(_ root: URL, authors: Set<String>) -> PortfolioReport.History {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path) else {
            return .init(commits: 0, authors: 0, firstCommit: nil, lastCommit: nil, activeMonths: 0, authorCommits: nil, note: "not a git checkout")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "log", "--no-color", "--format=%ae%x09%at"]
        process.environment = ["PATH": "/usr/bin:/bin:/usr/local/bin", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            return .init(commits: 0, authors: 0, firstCommit: nil, lastCommit: nil, activeMonths: 0, authorCommits: nil, note: "git could not run: \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .init(commits: 0, authors: 0, firstCommit: nil, lastCommit: nil, activeMonths: 0, authorCommits: nil,
                         note: "git log exited with status \(process.terminationStatus) (an empty or broken repository)")
        }
        var emails = Set<String>()
        var months = Set<String>()
        var first: Int?, last: Int?
        var commits = 0, byAuthors = 0
        let lowerAuthors = Set(authors.map { $0.lowercased() })
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let time = Int(parts[1]) else { continue }
            commits += 1
            let email = parts[0].lowercased()
            emails.insert(email)
            if lowerAuthors.contains(email) { byAuthors += 1 }
            first = min(first ?? time, time)
            last = max(last ?? time, time)
            months.insert(String(iso(time).prefix(7)))
        }
        return .init(commits: commits, authors: emails.count, firstCommit: first.map(iso), lastCommit: last.map(iso),
                     activeMonths: months.count, authorCommits: authors.isEmpty ? nil : byAuthors, note: nil)
    }

    static func iso(_ seconds: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
