/// One or more fields a user must fix. Forms show each message next to its field; the API
/// answers with the first and lists the rest.
public struct ValidationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Issue: Sendable, Equatable {
        public let field: String
        public let message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var issues: [Issue]

    public init(_ issues: [Issue] = []) { self.issues = issues }

    public var isEmpty: Bool { issues.isEmpty }

    public var description: String { issues.map(\.message).joined(separator: "; ") }

    public func message(for field: String) -> String? {
        issues.first { $0.field == field }?.message
    }

    public mutating func add(field: String, _ message: String) {
        issues.append(.init(field: field, message: message))
    }

    /// Runs a parse and records its error instead of throwing, so every bad field is
    /// reported at once; the caller gets nil for a field that failed.
    public mutating func check<T>(_ parse: () throws(DomainError) -> T) -> T? {
        do {
            return try parse()
        } catch {
            add(field: error.field ?? "input", error.description)
            return nil
        }
    }

    public func throwIfAny() throws(ValidationFailure) {
        if !issues.isEmpty { throw self }
    }

    /// Like `throwIfAny`, but when there are problems it also runs the full validation, so
    /// a form shows every problem at once and not only the ones found while reading it.
    public func throwIfAny(alsoChecking check: () throws(ValidationFailure) -> Void) throws(ValidationFailure) {
        guard !issues.isEmpty else { return }
        var all = self
        do { try check() } catch {
            all.issues += error.issues.filter { issue in !all.issues.contains { $0.field == issue.field } }
        }
        throw all
    }
}
