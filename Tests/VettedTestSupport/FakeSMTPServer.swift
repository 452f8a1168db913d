#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
    }

    public struct Script: Sendable {
        /// Reply to RCPT TO, e.g. 550 for an unknown mailbox or 451 for "try later".
        public var recipientReply = 250
        public var refuseEHLO = false
        public var offerAuth = false
        /// The reply to MAIL FROM (e.g. 550 for a sender the relay refuses for everyone).
        public var senderReply = 250
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
        var buffer: [UInt8] = []
        func readLine() -> String? {
            while true {
                if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeSubrange(...end)
                    return line.hasSuffix("\r") ? String(line.dropLast()) : line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = recv(client, &chunk, chunk.count, 0)
                if count <= 0 { return nil }
                buffer += chunk[..<count]
            }
        }
        func reply(_ text: String) { _ = text.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }

        reply("220 fake.test ESMTP ready\r\n")
        var current = Received(from: "", recipients: [], data: "", authentication: nil)
        while let line = readLine() {
            lock.withLock { commandLog.append(line.hasPrefix("AUTH") ? "AUTH PLAIN ***" : line) }
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            switch verb {
            case "EHLO":
                if script.refuseEHLO { reply("502 command not implemented\r\n") }
                else { reply("250-fake.test\r\n" + (script.offerAuth ? "250-AUTH LOGIN PLAIN\r\n" : "") + "250 8BITMIME\r\n") }
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
                current = Received(from: "", recipients: [], data: "", authentication: current.authentication)
                reply("250 queued\r\n")
            case "QUIT":
                reply("221 bye\r\n")
                return
            default: reply("500 unknown command\r\n")
            }
        }
    }
}
