import Foundation

/// Where mail goes and how to log in. Plain AUTH only when the operator says the link
/// is trusted (a relay on loopback or a private network): there is no STARTTLS here.
public struct SMTPServer: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var allowPlainAuth: Bool
    public var timeout: TimeInterval
    /// The name this host gives in EHLO.
    public var clientName: String

    public init(host: String, port: Int = 25, username: String? = nil, password: String? = nil, allowPlainAuth: Bool = false,
                timeout: TimeInterval = 20, clientName: String = "vetted.localhost") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.allowPlainAuth = allowPlainAuth
        self.timeout = timeout
        self.clientName = clientName
    }
}

/// One SMTP transaction per message (RFC 5321): greeting, EHLO (HELO when refused),
/// AUTH PLAIN when configured, MAIL, RCPT, DATA with dot-stuffing, QUIT.
public struct SMTPClient: Sendable {
    public let server: SMTPServer

    public init(server: SMTPServer) { self.server = server }

    /// Sends on a thread of its own: the socket blocks, and the cooperative pool that
    /// serves web requests must not.
    public func send(_ message: MailMessage, messageID: String, date: Date = Date()) async throws(MailError) {
        let result: Result<Void, MailError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do throws(MailError) {
                    try self.sendBlocking(message, messageID: messageID, date: date)
                    continuation.resume(returning: .success(()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        try result.get()
    }

    func sendBlocking(_ message: MailMessage, messageID: String, date: Date) throws(MailError) {
        let connection = try SMTPConnection(host: server.host, port: server.port, timeout: server.timeout)
        try expect([220], stage: "the greeting", on: connection)
        var extensions: [String]
        do {
            extensions = try command("EHLO \(server.clientName)", expect: [250], stage: "EHLO", on: connection)
        } catch .rejected {
            extensions = try command("HELO \(server.clientName)", expect: [250], stage: "HELO", on: connection)
        }
        if let username = server.username, let password = server.password, !username.isEmpty {
            guard server.allowPlainAuth else {
                throw .protocolError("a username is set but SMTP_ALLOW_PLAIN_AUTH is not: refusing to send a password without TLS")
            }
            let mechanisms = extensions.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased().split(separator: " ").map(String.init) ?? []
            guard mechanisms.contains("PLAIN") else { throw .protocolError("the mail server does not offer AUTH PLAIN") }
            let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
            _ = try command("AUTH PLAIN \(token)", expect: [235], stage: "AUTH", on: connection)
        }
        _ = try command("MAIL FROM:<\(message.from.address)>", expect: [250], stage: "MAIL FROM", on: connection)
        _ = try command("RCPT TO:<\(message.to.address)>", expect: [250, 251], stage: "RCPT TO", on: connection)
        _ = try command("DATA", expect: [354], stage: "DATA", on: connection)
        try connection.write(Self.dotStuffed(message.rendered(messageID: messageID, date: date)) + ".\r\n")
        try expect([250], stage: "the message", on: connection)
        // The message is accepted; a server that hangs up before QUIT's reply changes nothing.
        _ = try? command("QUIT", expect: [221], stage: "QUIT", on: connection)
    }

    /// Lines starting with a dot get a second one (RFC 5321 4.5.2) so the body cannot end DATA.
    static func dotStuffed(_ text: String) -> String {
        text.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }

    private func command(_ line: String, expect codes: Set<Int>, stage: String, on connection: SMTPConnection) throws(MailError) -> [String] {
        try connection.write(line + "\r\n")
        return try expect(codes, stage: stage, on: connection)
    }

    /// Reads a reply, multi-line ones ("250-…" up to "250 …") included; returns the text lines.
    @discardableResult
    private func expect(_ codes: Set<Int>, stage: String, on connection: SMTPConnection) throws(MailError) -> [String] {
        var lines: [String] = []
        var code = 0
        while true {
            let line = try connection.readLine()
            guard line.count >= 3, let value = Int(line.prefix(3)) else { throw .protocolError("'\(line.prefix(80))' after \(stage)") }
            code = value
            lines.append(String(line.dropFirst(4)))
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" { break }
        }
        guard codes.contains(code) else { throw .rejected(stage: stage, code: code, text: lines.joined(separator: " ")) }
        return lines
    }
}
