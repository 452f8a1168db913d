import Foundation

/// The text of a PDF resume, through poppler's `pdftotext`.
public enum PDFText {
    /// Where Debian's poppler-utils installs the tool.
    public static let toolPath = "/usr/bin/pdftotext"
    /// A resume converts in well under a second; a file that takes longer is hostile or broken.
    public static let timeout: TimeInterval = 20

    /// Writes the bytes to a temporary file, runs `pdftotext -enc UTF-8 -layout FILE -`
    /// (killed after `timeout`), and returns what it printed.
    public static func extractText(from data: Data) throws(ImportFileError) -> String {
        guard FileManager.default.isExecutableFile(atPath: toolPath) else {
            throw ImportFileError("reading PDF resumes needs pdftotext from Debian's poppler-utils; run make setup")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-import-\(UUID().uuidString).pdf")
        do {
            try data.write(to: file)
        } catch {
            throw ImportFileError("could not write a temporary copy of the PDF: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: file) }

        let result: ProcessResult
        do {
            result = try run(toolPath, ["-enc", "UTF-8", "-layout", file.path, "-"], timeout: timeout)
        } catch {
            throw ImportFileError("could not run \(toolPath): \(error.localizedDescription)")
        }
        if result.timedOut {
            throw ImportFileError("pdftotext took longer than \(Int(timeout)) seconds on this PDF and was stopped; the file may be damaged")
        }
        let stderr = String(decoding: result.stderr, as: UTF8.self)
        if result.status != 0 {
            let lower = stderr.lowercased()
            if result.status == 3 || lower.contains("password") || lower.contains("encrypt") {
                throw ImportFileError("the PDF is encrypted; export it without a password")
            }
            let firstLine = stderr.split(whereSeparator: \.isNewline).first.map(String.init) ?? "no message"
            throw ImportFileError("not a readable PDF (pdftotext exit status \(result.status): \(firstLine))")
        }
        guard UTF8Validation.isValid(result.stdout) else {
            throw ImportFileError("pdftotext did not return UTF-8 text for this PDF")
        }
        let text = String(decoding: result.stdout, as: UTF8.self)
        if text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) || $0 == "\u{0C}" }) {
            throw ImportFileError("the PDF has no text layer (a scanned image?); export it from the word processor or send a text resume")
        }
        return text
    }

    struct ProcessResult: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// Runs a tool, reading both pipes on other threads so a full pipe cannot deadlock it.
    static func run(_ path: String, _ arguments: [String], timeout: TimeInterval) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let group = DispatchGroup()
        let outBox = DataBox(), errBox = DataBox()
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            group.enter()
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async {
                box.data = handle.readDataToEndOfFile()
                group.leave()
            }
        }
        let timedOut = TimedOut()
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning {
                timedOut.value = true
                process.terminate()
            }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        group.wait()
        return ProcessResult(status: process.terminationStatus, stdout: outBox.data, stderr: errBox.data, timedOut: timedOut.value)
    }

    // Written by one reader thread, read after group.wait(): the group orders the accesses.
    private final class DataBox: @unchecked Sendable { var data = Data() }
    private final class TimedOut: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        var value: Bool {
            get { lock.lock(); defer { lock.unlock() }; return flag }
            set { lock.lock(); flag = newValue; lock.unlock() }
        }
    }
}
