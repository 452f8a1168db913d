#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// How the link to the relay is protected.
public enum SMTPSecurity: String, Sendable, Equatable, CaseIterable {
    /// In the clear: a relay on loopback or a trusted network (port 25).
    case none
    /// Plain at first, then STARTTLS before anything else (RFC 3207; port 587). A relay
    /// that does not offer it gets nothing: no sender, no password.
    case startTLS = "starttls"
    /// TLS from the first byte (SMTPS, RFC 8314; port 465).
    case tls
}

/// Where mail goes and how to log in. A password goes only over TLS, or in the clear
/// when the operator says the link is trusted (`allowPlainAuth`).
public struct SMTPServer: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var allowPlainAuth: Bool
    public var security: SMTPSecurity
    /// Certificates (PEM) to trust besides the system's, e.g. a company's own authority.
    public var caFile: String?
    public var timeout: TimeInterval
    /// The name this host gives in EHLO.
    public var clientName: String

    public init(host: String, port: Int = 25, username: String? = nil, password: String? = nil, allowPlainAuth: Bool = false,
                security: SMTPSecurity = .none, caFile: String? = nil, timeout: TimeInterval = 20, clientName: String = "vetted.localhost") {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.allowPlainAuth = allowPlainAuth
        self.security = security
        self.caFile = caFile
        self.timeout = timeout
        self.clientName = clientName
    }

    /// The usual protection for a port: 465 is SMTPS, 587 submission with STARTTLS.
    public static func defaultSecurity(port: Int) -> SMTPSecurity {
        switch port {
        case 465: .tls
        case 587: .startTLS
        default: .none
        }
    }
}

/// One SMTP transaction per message (RFC 5321): greeting, EHLO (HELO when refused),
/// STARTTLS and a second EHLO when configured, AUTH PLAIN when configured, MAIL, RCPT,
/// DATA with dot-stuffing, QUIT.
public struct SMTPClient: Sendable {
    public let server: SMTPServer

    public init(server: SMTPServer) { self.server = server }

    /// Sends on a thread of its own: the socket blocks, and the cooperative pool that
    /// serves web requests must not.
    public func send(_ message: MailMessage, messageID: String, date: Date = Date()) async throws(MailError) {
        let result: Result<Void, MailError> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                Self.ignoreBrokenPipesOnThisThread()
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

    /// OpenSSL writes to the socket with plain write(2): a relay that hangs up mid-session
    /// would raise SIGPIPE and end the whole server. Blocked on this thread only, the signal
    /// stays pending and dies with the thread, and the write fails with EPIPE instead.
    static func ignoreBrokenPipesOnThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    func sendBlocking(_ message: MailMessage, messageID: String, date: Date) throws(MailError) {
        let connection = try SMTPConnection(host: server.host, port: server.port, timeout: server.timeout)
        if server.security == .tls { try connection.startTLS(host: server.host, caFile: server.caFile) }
        try expect([220], stage: "the greeting", on: connection)
        var extensions = try greet(connection)
        if server.security == .startTLS {
            guard extensions.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                throw .protocolError("the mail server does not offer STARTTLS, and SMTP_TLS=starttls: nothing was sent")
            }
            _ = try command("STARTTLS", expect: [220], stage: "STARTTLS", on: connection)
            try connection.startTLS(host: server.host, caFile: server.caFile)
            // What the server said before TLS is forgotten (RFC 3207 4.2): greet it again.
            extensions = try greet(connection)
        }
        if let username = server.username, let password = server.password, !username.isEmpty {
            guard connection.isEncrypted || server.allowPlainAuth else {
                throw .protocolError("a username is set but the link is not encrypted and SMTP_ALLOW_PLAIN_AUTH is not set: refusing to send a password in the clear")
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

    /// EHLO, or HELO when EHLO is refused; the extensions the server offers.
    private func greet(_ connection: SMTPConnection) throws(MailError) -> [String] {
        do {
            return try command("EHLO \(server.clientName)", expect: [250], stage: "EHLO", on: connection)
        } catch .rejected {
            return try command("HELO \(server.clientName)", expect: [250], stage: "HELO", on: connection)
        }
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
