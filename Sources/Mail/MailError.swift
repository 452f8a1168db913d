/// Why a message did not go out. Temporary failures (4xx, connection, timeout) are tried
/// again with backoff; permanent ones (5xx) are not.
public enum MailError: Error, Sendable, CustomStringConvertible, Equatable {
    case invalidAddress(String)
    case connection(String)
    case timeout(String)
    case rejected(stage: String, code: Int, text: String)
    case protocolError(String)

    public var isPermanent: Bool {
        switch self {
        case .invalidAddress: true
        case .rejected(_, let code, _): code >= 500
        case .connection, .timeout, .protocolError: false
        }
    }

    /// True when the failure is about this message (its address, its recipient, its
    /// content); false when it is about the relay (down, slow, refusing the greeting, EHLO,
    /// AUTH or the sender), which the next message would meet too.
    public var concernsMessage: Bool {
        switch self {
        case .invalidAddress: true
        case .rejected(let stage, _, _): stage == "RCPT TO" || stage == "the message"
        case .connection, .timeout, .protocolError: false
        }
    }

    public var description: String {
        switch self {
        case .invalidAddress(let message): "invalid address: \(message)"
        case .connection(let message): "connection failed: \(message)"
        case .timeout(let message): "timed out: \(message)"
        case .rejected(let stage, let code, let text): "the mail server refused \(stage) with \(code) \(text)"
        case .protocolError(let message): "unexpected reply from the mail server: \(message)"
        }
    }
}
