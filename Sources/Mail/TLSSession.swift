import COpenSSL
#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// TLS over an already connected blocking socket, through the system's OpenSSL: the
/// client side of SMTPS and of STARTTLS. The server's certificate must chain to a trusted
/// authority (the system's, or the operator's `SMTP_CA_FILE`) and name the host dialled;
/// TLS 1.2 at least. The socket's read and write timeouts still apply underneath.
final class TLSSession {
    private let context: OpaquePointer
    private let ssl: OpaquePointer

    init(descriptor: Int32, host: String, caFile: String?) throws(MailError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw .connection("TLS: \(Self.lastError())") }
        guard vetted_ssl_ctx_min_tls12(context) == 1, SSL_CTX_set_default_verify_paths(context) == 1 else {
            SSL_CTX_free(context)
            throw .connection("TLS: \(Self.lastError())")
        }
        if let caFile, SSL_CTX_load_verify_locations(context, caFile, nil) != 1 {
            SSL_CTX_free(context)
            throw .connection("TLS: cannot read the certificates in SMTP_CA_FILE \(caFile): \(Self.lastError())")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw .connection("TLS: \(Self.lastError())")
        }
        self.context = context
        self.ssl = ssl
        if Self.isIPAddress(host) {
            // An IP address is checked against the certificate's IP entries, and is never SNI.
            let param = SSL_get0_param(ssl)
            X509_VERIFY_PARAM_set1_ip_asc(param, host)
        } else {
            _ = vetted_ssl_set_sni(ssl, host)
            SSL_set1_host(ssl, host)
        }
        SSL_set_fd(ssl, descriptor)
        let result = SSL_connect(ssl)
        guard result == 1 else {
            let verify = SSL_get_verify_result(ssl)
            if verify != X509_V_OK {
                throw .connection("TLS: the mail server's certificate for \(host) is not trusted: \(String(cString: X509_verify_cert_error_string(verify)))")
            }
            throw Self.failure(SSL_get_error(ssl, result), doing: "the TLS handshake with \(host)")
        }
    }

    deinit {
        SSL_shutdown(ssl)
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(MailError) -> Int {
        let n = SSL_write(ssl, bytes.baseAddress, Int32(bytes.count))
        if n > 0 { return Int(n) }
        throw Self.failure(SSL_get_error(ssl, n), doing: "writing to the mail server")
    }

    func read(_ bytes: UnsafeMutableRawBufferPointer) throws(MailError) -> Int {
        let n = SSL_read(ssl, bytes.baseAddress, Int32(bytes.count))
        if n > 0 { return Int(n) }
        let code = SSL_get_error(ssl, n)
        if code == SSL_ERROR_ZERO_RETURN { return 0 }
        throw Self.failure(code, doing: "waiting for the mail server's reply")
    }

    static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// The error for a failed call: a socket timeout surfaces as "want read/write".
    private static func failure(_ code: Int32, doing what: String) -> MailError {
        switch code {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .timeout(what)
        case SSL_ERROR_SYSCALL:
            if errno == EAGAIN || errno == EWOULDBLOCK { return .timeout(what) }
            return .connection("\(what): \(errno == 0 ? "the connection closed" : String(cString: strerror(errno)))")
        default: return .connection("\(what): \(lastError())")
        }
    }

    private static func lastError() -> String {
        let code = ERR_get_error()
        guard code != 0 else { return "unknown TLS error" }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        ERR_clear_error()
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
