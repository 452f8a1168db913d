import Foundation
import Taxonomy
import VettedDomain

/// The front door of the pool import: a file's bytes → candidate rows, each with the line
/// it came from, plus issues for what could not be read. Validation of the profiles is the
/// caller's (`CandidateDraft.validate`), so its field errors can be reported per line.
public enum CandidateFileReader {
    /// Reads one file. `format` nil detects it from the name and first bytes. Never throws:
    /// rows and files that cannot be read come back as `issues`, each naming its line.
    public static func read(data: Data, fileName: String, format: ImportFormat? = nil,
                            options: ImportOptions = .init(), taxonomy: Taxonomy = .standard) -> ParsedBatch {
        guard let format = format ?? ImportFormat.detect(fileName: fileName, data: data) else {
            return ParsedBatch(issues: [ImportIssue(source: fileName, line: nil, message:
                "cannot tell what kind of file '\(fileName)' is; import .csv, .json (JSON Resume), .txt or .md (resume text) or .pdf files")])
        }
        switch format {
        case .csv:
            return CandidateColumns.read(data: data, source: fileName, options: options, taxonomy: taxonomy)
        case .jsonResume:
            return JSONResume.parse(data: data, source: fileName, options: options, taxonomy: taxonomy)
        case .resumeText:
            var body = data
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            guard UTF8Validation.isValid(body) else {
                return ParsedBatch(issues: [ImportIssue(source: fileName, line: firstInvalidLine(body), message: "not UTF-8 text; save the file as UTF-8")])
            }
            return single(ResumeText.parse(String(decoding: body, as: UTF8.self), source: fileName, options: options, taxonomy: taxonomy))
        case .resumePDF:
            do {
                let text = try PDFText.extractText(from: data)
                return single(ResumeText.parse(text, source: fileName, options: options, taxonomy: taxonomy))
            } catch {
                return ParsedBatch(issues: [ImportIssue(source: fileName, line: nil, message: error.message)])
            }
        }
    }

    private static func single(_ record: ImportRecord) -> ParsedBatch {
        ParsedBatch(records: [record])
    }

    /// The 1-based line holding the first byte that is not UTF-8.
    static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for i in data.indices where data[i] == 0x0A {
            if !UTF8Validation.isValid(data[start..<i]) { return line }
            line += 1
            start = i + 1
        }
        return line
    }
}
