import Foundation

/// An e-mail address with an optional display name, checked so nothing can be smuggled
/// into a header (no CR, LF, angle brackets or spaces in the address).
public struct MailAddress: Sendable, Equatable {
    public let name: String
    public let address: String

    public init(_ address: String, name: String = "") throws(MailError) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !trimmed.contains(where: { $0.isWhitespace || "<>,;\"\r\n".contains($0) || $0.asciiValue == nil }) else {
            throw .invalidAddress("'\(address.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n"))' is not an address like name@example.com")
        }
        guard !name.contains("\r"), !name.contains("\n") else { throw .invalidAddress("a display name cannot contain a line break") }
        self.address = trimmed
        self.name = name
    }

    /// `"Name" <address>`, the name encoded when it is not plain ASCII.
    var header: String {
        guard !name.isEmpty else { return address }
        return "\(MIME.word(name, quoteASCII: true)) <\(address)>"
    }
}

public struct MailMessage: Sendable, Equatable {
    public struct Attachment: Sendable, Equatable {
        public var filename: String
        public var contentType: String
        public var data: Data
        public init(filename: String, contentType: String, data: Data) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    public var from: MailAddress
    public var to: MailAddress
    public var subject: String
    public var body: String
    public var attachments: [Attachment]

    public init(from: MailAddress, to: MailAddress, subject: String, body: String, attachments: [Attachment] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.attachments = attachments
    }

    /// The message as sent after DATA: RFC 5322 headers, CRLF line ends, the text in base64
    /// (any language, no line-length limits), attachments as multipart/mixed.
    public func rendered(messageID: String, date: Date, boundary: String = "vetted-\(UUID().uuidString)") -> String {
        var lines = [
            "Date: \(MIME.date(date))",
            "From: \(from.header)",
            "To: \(to.header)",
            // A subject is one line: line breaks become spaces so they cannot start a header.
            "Subject: \(MIME.word(subject.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " "), quoteASCII: false))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        let text = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        if attachments.isEmpty {
            lines += ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += MIME.base64Lines(text)
        } else {
            lines += ["Content-Type: multipart/mixed; boundary=\"\(boundary)\"", "", "This is a multi-part message in MIME format.",
                      "--\(boundary)", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += MIME.base64Lines(text)
            for attachment in attachments {
                let name = attachment.filename.filter { !"\"\r\n\\".contains($0) }
                lines += ["--\(boundary)", "Content-Type: \(attachment.contentType.filter { !"\r\n".contains($0) }); name=\"\(name)\"",
                          "Content-Transfer-Encoding: base64", "Content-Disposition: attachment; filename=\"\(name)\"", ""]
                lines += MIME.base64Lines(attachment.data)
            }
            lines.append("--\(boundary)--")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

enum MIME {
    /// RFC 2047 encoded word for non-ASCII text; ASCII as is (quoted for display names).
    static func word(_ text: String, quoteASCII: Bool) -> String {
        if text.allSatisfy({ $0.isASCII && $0 != "\"" && $0 != "\\" }) { return quoteASCII ? "\"\(text)\"" : text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func base64Lines(_ data: Data) -> [String] {
        let text = data.base64EncodedString()
        guard !text.isEmpty else { return [""] }
        var lines: [String] = []
        var index = text.startIndex
        while index < text.endIndex {
            let end = text.index(index, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            lines.append(String(text[index..<end]))
            index = end
        }
        return lines
    }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
