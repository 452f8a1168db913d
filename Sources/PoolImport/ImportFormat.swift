import Foundation

/// The kinds of file the pool import reads.
public enum ImportFormat: String, Sendable, CaseIterable, Codable {
    case csv
    case jsonResume = "json-resume"
    case resumeText = "resume-text"
    case resumePDF = "resume-pdf"

    /// From a file name extension (.csv, .json, .txt/.md, .pdf) and, when ambiguous, the first
    /// bytes (`%PDF-`, `{` or `[`). nil when neither says what the file is.
    public static func detect(fileName: String, data: Data) -> ImportFormat? {
        let leading = firstSignificantBytes(data, count: 5)
        // A PDF's bytes win over a wrong extension: reading it as text would import garbage.
        if leading == Array("%PDF-".utf8) { return .resumePDF }
        let ext = fileName.split(separator: ".", omittingEmptySubsequences: false).count > 1
            ? String(fileName.split(separator: ".", omittingEmptySubsequences: false).last!).lowercased() : ""
        switch ext {
        case "csv": return .csv
        case "json": return .jsonResume
        case "txt", "text", "md", "markdown": return .resumeText
        case "pdf": return .resumePDF
        default: break
        }
        switch leading.first {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .jsonResume
        default: return nil
        }
    }

    /// The first bytes after a UTF-8 byte-order mark and leading white space.
    static func firstSignificantBytes(_ data: Data, count: Int) -> [UInt8] {
        var result: [UInt8] = []
        var index = data.startIndex
        if data.count >= 3, data[index] == 0xEF, data[index + 1] == 0xBB, data[index + 2] == 0xBF { index += 3 }
        while index < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[index]) { index += 1 }
        while index < data.endIndex, result.count < count {
            result.append(data[index])
            index += 1
        }
        return result
    }
}
