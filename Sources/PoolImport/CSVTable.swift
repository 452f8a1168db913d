import Foundation

/// An RFC 4180 table read from UTF-8 bytes: the header, the records after it, and the
/// lines that could not be read. Works on bytes rather than Characters because pool
/// imports run to 100,000 rows.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF, LF
/// or CR; a UTF-8 byte-order mark is skipped, and so are lines with no values at all
/// (blank lines and the `,,,,` rows spreadsheets leave behind).
public struct CSVTable: Sendable {
    /// One record and the 1-based physical line it starts on.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// A record that could not be read; `message` starts with "line N:".
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// The first record's fields; empty for a file with no records.
    public let header: [String]
    /// The physical line the header starts on (1 unless blank lines come first).
    public let headerLine: Int
    /// The records after the header, each with as many fields as the header (short
    /// records are padded with empty fields).
    public let rows: [Row]
    /// Records that could not be read, in line order; the table holds the others.
    public let problems: [Problem]
    /// The field separator used: `,`, or `;` or tab when the first line says so.
    public let delimiter: UInt8

    /// - Parameter delimiter: the field separator; nil takes whichever of `,` `;` and tab
    ///   the first line uses most (spreadsheets in many locales write `;`), else `,`.
    public init(data: Data, delimiter: UInt8? = nil) {
        let read = Self.records(in: data, delimiter: delimiter)
        guard let first = read.records.first else {
            (header, headerLine, rows, problems, self.delimiter) = ([], 1, [], read.problems, read.delimiter)
            return
        }
        var rows: [Row] = []
        rows.reserveCapacity(read.records.count)
        var allProblems = read.problems
        let width = first.fields.count
        let separatorName = read.delimiter == UInt8(ascii: ";") ? "semicolon" : read.delimiter == 0x09 ? "tab" : "comma"
        // A header that is not UTF-8 is reported and still used (repaired), so the rows
        // below it are not misread as a header.
        for record in read.records.dropFirst() where !read.invalidLines.contains(record.line) {
            var fields = record.fields
            if fields.count > width {
                // Spreadsheets often end rows with stray commas; only real values are an error.
                if fields[width...].allSatisfy({ $0.utf8.allSatisfy(Self.isBlank) }) {
                    fields.removeLast(fields.count - width)
                } else {
                    allProblems.append(Problem(line: record.line, message: "line \(record.line): this row has \(fields.count) fields but the header has \(width); a value that holds a \(separatorName) must be in double quotes"))
                    continue
                }
            } else if fields.count < width {
                fields.append(contentsOf: repeatElement("", count: width - fields.count))
            }
            rows.append(Row(line: record.line, fields: fields))
        }
        header = first.fields
        headerLine = first.line
        self.delimiter = read.delimiter
        self.rows = rows
        self.problems = allProblems.sorted { $0.line < $1.line }
    }

    /// Every record in the file, header included (records that are not UTF-8 are repaired
    /// and listed in `invalidLines`), and the problems met on the way.
    static func records(in data: Data, delimiter: UInt8? = nil) -> (records: [Row], problems: [Problem], invalidLines: Set<Int>, delimiter: UInt8) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = Parser(bytes: bytes, delimiter: delimiter ?? sniffDelimiter(bytes))
            parser.run()
            return (parser.records, parser.problems, parser.invalidLines, parser.delimiter)
        }
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The most frequent of `,` `;` and tab on the first line, outside quotes; `,` on a tie.
    static func sniffDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if !quoted, b == 0x0A || b == 0x0D { break }
            if !quoted, counts[b] != nil { counts[b]! += 1 }
        }
        let comma = counts[UInt8(ascii: ",")]!
        let best = counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
        return best.value > comma ? best.key : UInt8(ascii: ",")
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        var index = 0
        var line = 1
        var records: [Row] = []
        var problems: [Problem] = []
        var invalidLines = Set<Int>()
        var scratch: [UInt8] = []
        var lastWidth = 8

        static let quote = UInt8(ascii: "\""), cr = UInt8(0x0D), lf = UInt8(0x0A)

        init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
            self.bytes = bytes
            self.delimiter = delimiter
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        }

        mutating func run() {
            let n = bytes.count
            while index < n {
                let recordLine = line
                var fields: [String] = []
                fields.reserveCapacity(lastWidth)
                var valid = true
                var recordDone = false
                while !recordDone {
                    if index < n, bytes[index] == Self.quote {
                        let openLine = line
                        guard let text = quotedField() else {
                            problems.append(Problem(line: openLine, message: "line \(openLine): a quoted field is never closed; a double quote inside a value must be written twice (\"\")"))
                            index = n
                            return
                        }
                        fields.append(text.string)
                        valid = valid && text.valid
                    } else {
                        let start = index
                        while index < n {
                            let b = bytes[index]
                            if b == delimiter || b == Self.lf || b == Self.cr { break }
                            index += 1
                        }
                        let text = Self.string(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                        fields.append(text.string)
                        valid = valid && text.valid
                    }
                    if index >= n {
                        recordDone = true
                    } else if bytes[index] == delimiter {
                        index += 1
                        if index >= n { fields.append(""); recordDone = true }
                    } else {
                        consumeLineBreak()
                        recordDone = true
                    }
                }
                lastWidth = fields.count
                if !valid {
                    problems.append(Problem(line: recordLine, message: "line \(recordLine): not UTF-8 text; save the file as UTF-8"))
                    invalidLines.insert(recordLine)
                    records.append(Row(line: recordLine, fields: fields))
                } else if !fields.allSatisfy({ $0.utf8.allSatisfy(CSVTable.isBlank) }) {
                    records.append(Row(line: recordLine, fields: fields))
                }
            }
        }

        /// At an opening quote: the field's text, leaving `index` after the closing quote
        /// and anything up to the next separator; nil if the quote is never closed.
        mutating func quotedField() -> (string: String, valid: Bool)? {
            let n = bytes.count
            index += 1
            scratch.removeAll(keepingCapacity: true)
            while index < n {
                let b = bytes[index]
                if b == Self.quote {
                    if index + 1 < n, bytes[index + 1] == Self.quote {
                        scratch.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    // Lenient: text after the closing quote belongs to the field ("a"b → ab).
                    while index < n {
                        let c = bytes[index]
                        if c == delimiter || c == Self.lf || c == Self.cr { break }
                        scratch.append(c)
                        index += 1
                    }
                    return scratch.withUnsafeBufferPointer { Self.string($0) }
                }
                if b == Self.cr {
                    line += 1
                    if index + 1 < n, bytes[index + 1] == Self.lf {
                        scratch.append(Self.cr)
                        scratch.append(Self.lf)
                        index += 2
                        continue
                    }
                } else if b == Self.lf {
                    line += 1
                }
                scratch.append(b)
                index += 1
            }
            return nil
        }

        mutating func consumeLineBreak() {
            if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
            index += 1
            line += 1
        }

        /// The text of some bytes, and whether they were valid UTF-8 (invalid bytes are
        /// replaced with U+FFFD).
        static func string(_ buffer: UnsafeBufferPointer<UInt8>) -> (string: String, valid: Bool) {
            var ascii = true
            for b in buffer where b >= 0x80 { ascii = false; break }
            let valid = ascii || UTF8Validation.isValid(buffer)
            return (String(decoding: buffer, as: UTF8.self), valid)
        }
    }
}

/// Strict UTF-8 validation (no overlong forms, surrogates or values past U+10FFFF), kept
/// here because `String(validating:as:)` needs a newer macOS than the package supports.
enum UTF8Validation {
    static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
            switch c {
            case 0xC2...0xDF:
                guard cont(1) else { return false }
                i += 2
            case 0xE0...0xEF:
                guard cont(1), cont(2) else { return false }
                let c1 = b[i + 1]
                if c == 0xE0 && c1 < 0xA0 { return false }
                if c == 0xED && c1 > 0x9F { return false }
                i += 3
            case 0xF0...0xF4:
                guard cont(1), cont(2), cont(3) else { return false }
                let c1 = b[i + 1]
                if c == 0xF0 && c1 < 0x90 { return false }
                if c == 0xF4 && c1 > 0x8F { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    static func isValid(_ data: Data) -> Bool {
        data.withUnsafeBytes { isValid($0.bindMemory(to: UInt8.self)) }
    }
}
