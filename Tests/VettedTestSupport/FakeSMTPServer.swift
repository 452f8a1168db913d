#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import COpenSSL
import Foundation

/// A scripted SMTP server on 127.0.0.1 and a port the kernel picks, for tests. It
/// records each message it accepts before replying 250, so once a client's send
/// returns, the message is there to inspect: no waiting.
public final class FakeSMTPServer: @unchecked Sendable {
    public struct Received: Sendable {
        public var from: String
        public var recipients: [String]
        public var data: String
        public var authentication: String?
        /// Whether the message came over TLS.
        public var encrypted: Bool
    }

    public enum TLSMode: Sendable { case none, startTLS, implicit }

    public struct Script: Sendable {
        /// Reply to RCPT TO, e.g. 550 for an unknown mailbox or 451 for "try later".
        public var recipientReply = 250
        public var refuseEHLO = false
        public var offerAuth = false
        /// The reply to MAIL FROM (e.g. 550 for a sender the relay refuses for everyone).
        public var senderReply = 250
        /// `startTLS` offers STARTTLS after EHLO; `implicit` speaks TLS from the first byte.
        public var tls = TLSMode.none
        public var certificate: TestCertificate?
        /// Hang up as soon as TLS is up, without a word.
        public var hangUpAfterTLS = false
        public init() {}
    }

    public let port: Int
    private let listener: Int32
    private let script: Script
    private let lock = NSLock()
    private var messages: [Received] = []
    private var commandLog: [String] = []

    public init(script: Script = Script()) throws {
        self.script = script
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(descriptor, 8) == 0 else { close(descriptor); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let listener = descriptor
        // The accept thread owns the descriptor and closes it when accept fails after
        // `stop()`'s shutdown: closing it in `stop()` would free the number for another
        // test's socket while this thread may still be about to accept on it.
        Thread.detachNewThread { [self] in
            defer { close(listener) }
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { self.session(client) }
            }
        }
    }

    /// A port bound but not listening, so connecting is refused at once; held until the
    /// value is released, so no other test's server can take the port meanwhile.
    public final class ClosedPort: @unchecked Sendable {
        public let port: Int
        private let descriptor: Int32

        init() {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
            descriptor = fd
            port = Int(UInt16(bigEndian: address.sin_port))
        }

        deinit { close(descriptor) }
    }

    public static func closedPort() -> ClosedPort { ClosedPort() }

    private var stopped = false

    public func stop() {
        let first = lock.withLock { () -> Bool in defer { stopped = true }; return !stopped }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    deinit { stop() }

    public var received: [Received] { lock.withLock { messages } }
    public var commands: [String] { lock.withLock { commandLog } }

    private func session(_ client: Int32) {
        defer { close(client) }
        // A client that hangs up must not end the test process with SIGPIPE (OpenSSL writes
        // with write(2)); blocked on this thread, the signal dies with it.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        var buffer: [UInt8] = []
        var tls: ServerTLS?
        if script.tls == .implicit {
            guard let certificate = script.certificate, let session = ServerTLS(client, certificate) else { return }
            tls = session
        }
        func readLine() -> String? {
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeSubrange(...end)
                    return line.hasSuffix("\r") ? String(line.dropLast()) : line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = tls.map { t in chunk.withUnsafeMutableBytes { t.read($0) } } ?? recv(client, &chunk, chunk.count, 0)
                if count <= 0 { return nil }
                buffer += chunk[..<count]
            }
        }
        func reply(_ text: String) {
            if let tls { tls.write(text) } else { _ = text.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        }

        reply("220 fake.test ESMTP ready\r\n")
        var current = Received(from: "", recipients: [], data: "", authentication: nil, encrypted: tls != nil)
        while let line = readLine() {
            lock.withLock { commandLog.append(line.hasPrefix("AUTH") ? "AUTH PLAIN ***" : line) }
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            switch verb {
            case "EHLO":
                if script.refuseEHLO { reply("502 command not implemented\r\n") }
                else {
                    let startTLS = script.tls == .startTLS && tls == nil ? "250-STARTTLS\r\n" : ""
                    reply("250-fake.test\r\n" + startTLS + (script.offerAuth ? "250-AUTH LOGIN PLAIN\r\n" : "") + "250 8BITMIME\r\n")
                }
            case "STARTTLS":
                guard script.tls == .startTLS, tls == nil, let certificate = script.certificate else { reply("502 not offered\r\n"); continue }
                reply("220 go ahead\r\n")
                buffer.removeAll()
                guard let session = ServerTLS(client, certificate) else { return }
                if script.hangUpAfterTLS { return }
                tls = session
                current = Received(from: "", recipients: [], data: "", authentication: nil, encrypted: true)
            case "HELO": reply("250 fake.test\r\n")
            case "AUTH":
                current.authentication = line.split(separator: " ").last.map(String.init)
                reply("235 2.7.0 authenticated\r\n")
            case "MAIL":
                current.from = String(line.dropFirst("MAIL FROM:".count))
                reply(script.senderReply == 250 ? "250 ok\r\n" : "\(script.senderReply) sender refused\r\n")
            case "RCPT":
                if script.recipientReply == 250 { current.recipients.append(String(line.dropFirst("RCPT TO:".count))) }
                reply("\(script.recipientReply) \(script.recipientReply == 250 ? "ok" : "mailbox unavailable")\r\n")
            case "DATA":
                reply("354 end with <CRLF>.<CRLF>\r\n")
                var lines: [String] = []
                while let dataLine = readLine(), dataLine != "." {
                    lines.append(dataLine.hasPrefix("..") ? String(dataLine.dropFirst()) : dataLine)
                }
                current.data = lines.joined(separator: "\r\n")
                let message = current
                lock.withLock { messages.append(message) }
                current = Received(from: "", recipients: [], data: "", authentication: current.authentication, encrypted: tls != nil)
                reply("250 queued\r\n")
            case "QUIT":
                reply("221 bye\r\n")
                return
            default: reply("500 unknown command\r\n")
            }
        }
    }
}

/// A self-signed certificate for `localhost` and 127.0.0.1, made once per test process
/// with the openssl command: the fake server presents it, and a client that is given
/// `certificatePath` as its CA file trusts it (one that is not, does not).
public struct TestCertificate: Sendable {
    public let certificatePath: String
    public let keyPath: String

    public static let shared: TestCertificate = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vetted-test-tls-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let cert = dir + "/cert.pem", key = dir + "/key.pem"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost",
                             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "openssl could not make a test certificate (apt-get install openssl)")
        return TestCertificate(certificatePath: cert, keyPath: key)
    }()
}

/// The server side of TLS for the fake server (blocking, one session per connection).
final class ServerTLS {
    private let context: OpaquePointer
    private let ssl: OpaquePointer

    init?(_ descriptor: Int32, _ certificate: TestCertificate) {
        guard let context = SSL_CTX_new(TLS_server_method()) else { return nil }
        guard SSL_CTX_use_certificate_chain_file(context, certificate.certificatePath) == 1,
              SSL_CTX_use_PrivateKey_file(context, certificate.keyPath, SSL_FILETYPE_PEM) == 1,
              let ssl = SSL_new(context) else { SSL_CTX_free(context); return nil }
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, descriptor)
        if SSL_accept(ssl) != 1 { return nil }
    }

    deinit {
        SSL_shutdown(ssl)
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int { Int(SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))) }

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = SSL_write(ssl, &bytes, Int32(bytes.count))
    }
}
