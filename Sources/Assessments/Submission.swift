/// A candidate's file, checked before it goes anywhere near a box. The bytes are stored
/// whatever this says: a rejected submission is still the candidate's work on record.
public enum Submission {
    public static let maxBytes = 256 * 1024

    /// The source text, or why it cannot be graded.
    public static func text(_ bytes: [UInt8]) throws(AssessmentError) -> String {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .invalidSubmission("the file is empty")
        }
        if bytes.count > maxBytes {
            throw .invalidSubmission("the file is \(bytes.count) bytes; at most \(maxBytes) are accepted")
        }
        if let index = bytes.firstIndex(of: 0) {
            throw .invalidSubmission("the file holds a NUL byte at offset \(index): it looks binary, not Python source")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .invalidSubmission("the file is not UTF-8 text (first bad byte near offset \(firstBadByte(bytes)))")
        }
        return text
    }

    /// Where UTF-8 breaks, by lead and continuation bytes (a hint for the message; the
    /// strict check is String(validating:)).
    static func firstBadByte(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            for j in 1..<max(length, 1) where bytes[i + j] & 0xC0 != 0x80 { return i }
            i += length
        }
        return 0
    }
}
