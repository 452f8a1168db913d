#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A blocking TCP connection, in the clear or over TLS, with a timeout on every read and write, so a mail server
/// that stops answering costs one timeout, not a stuck delivery loop. Used only from
/// `SMTPClient.send`, which runs it on its own thread.
final class SMTPConnection {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Set once TLS is up (at once for SMTPS, after STARTTLS otherwise).
    private var tls: TLSSession?

    var isEncrypted: Bool { tls != nil }

    /// Starts TLS on this connection. Anything the server sent before the handshake and
    /// this side has not read yet is dropped (RFC 3207 4: a client must discard it).
    func startTLS(host: String, caFile: String?) throws(MailError) {
        buffer.removeAll()
        tls = try TLSSession(descriptor: descriptor, host: host, caFile: caFile)
    }

    init(host: String, port: Int, timeout: TimeInterval) throws(MailError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .connection("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address for \(host)"
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let socketDescriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            guard socketDescriptor >= 0 else { lastError = String(cString: strerror(errno)); continue }
            Self.setTimeout(socketDescriptor, seconds: timeout)
            if connect(socketDescriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                descriptor = socketDescriptor
                return
            }
            lastError = "\(host):\(port): \(String(cString: strerror(errno)))"
            close(socketDescriptor)
        }
        throw .connection(lastError)
    }

    deinit {
        tls = nil  // the TLS close-notify goes out before the socket closes
        close(descriptor)
    }

    private static func setTimeout(_ socketDescriptor: Int32, seconds: TimeInterval) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: .init((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketDescriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func write(_ text: String) throws(MailError) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            if let tls {
                let written = bytes[offset...].withUnsafeBytes { chunk in Result { () throws(MailError) in try tls.write(chunk) } }
                offset += try written.get()
                continue
            }
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout("writing to the mail server") }
                throw .connection("writing: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// One line without its CRLF. Replies are short; a line over 64 KiB is a broken server.
    func readLine() throws(MailError) -> String {
        while true {
            if let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 65_536 else { throw .protocolError("a reply line longer than 64 KiB") }
            var chunk = [UInt8](repeating: 0, count: 4096)
            if let tls {
                let count = try chunk.withUnsafeMutableBytes { raw in Result { () throws(MailError) in try tls.read(raw) } }.get()
                if count == 0 { throw .connection("the mail server closed the connection") }
                buffer += chunk[..<count]
                continue
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .timeout("waiting for the mail server's reply") }
                throw .connection("reading: \(String(cString: strerror(errno)))")
            }
            if count == 0 { throw .connection("the mail server closed the connection") }
            buffer += chunk[..<count]
        }
    }
}
