/// One submitted file as bytes, before any decoding: the engine decides what to make of
/// empty, binary, non-UTF-8 and oversized input (``SubmissionFingerprints``).
public struct SubmissionFile: Sendable, Hashable {
    /// How reports name the file: its path relative to the scanned folder.
    public let name: String
    public let bytes: [UInt8]
    /// The file's size on disk when only a prefix was read; `nil` when `bytes` is all of it.
    public let totalByteCount: Int?
    /// Why the file could not be read, when it could not.
    public let readFailure: String?

    public init(name: String, bytes: [UInt8], totalByteCount: Int? = nil) {
        self.name = name
        self.bytes = bytes
        self.totalByteCount = totalByteCount
        self.readFailure = nil
    }

    /// A file that could not be read: it is reported, never compared.
    public init(name: String, bytes: [UInt8], unreadable reason: String) {
        self.name = name
        self.bytes = bytes
        self.totalByteCount = nil
        self.readFailure = reason
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }
}
