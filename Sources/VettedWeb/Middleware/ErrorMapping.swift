import Vapor
import VettedDomain

/// Turns any error into a status, a code, a message and the field at fault: the one place
/// where errors become responses, for the API and the pages alike.
struct MappedError {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    let field: String?
    let issues: [ValidationFailure.Issue]

    init(_ error: any Error, logger: Logger) {
        switch error {
        case let failure as ValidationFailure:
            let first = failure.issues.first
            self.init(status: .badRequest, code: "invalid", message: first?.message ?? "invalid input", field: first?.field, issues: failure.issues)
        case let domain as DomainError:
            switch domain {
            case .invalid(let field, let message): self.init(status: .badRequest, code: "invalid", message: message, field: field)
            case .notFound: self.init(status: .notFound, code: "not-found", message: domain.description, field: nil)
            case .conflict: self.init(status: .conflict, code: "conflict", message: domain.description, field: "version")
            case .forbidden: self.init(status: .forbidden, code: "forbidden", message: domain.description, field: nil)
            case .duplicate(let field, let message): self.init(status: .conflict, code: "duplicate", message: message, field: field)
            }
        case let decoding as DecodingError:
            let (field, message) = Self.describe(decoding)
            self.init(status: .badRequest, code: "invalid", message: message, field: field)
        case let abort as any AbortError:
            let status = abort.status
            let code = switch status {
            case .unauthorized: "unauthorized"
            case .forbidden: "forbidden"
            case .notFound: "not-found"
            case .payloadTooLarge: "too-large"
            case .tooManyRequests: "throttled"
            case .unsupportedMediaType: "unsupported-media-type"
            default: status.code >= 500 ? "internal" : "bad-request"
            }
            let message = status == .payloadTooLarge ? "the request body is larger than this server accepts" : abort.reason
            self.init(status: status, code: code, message: message, field: nil)
        default:
            logger.report(error: error)
            self.init(status: .internalServerError, code: "internal", message: "something went wrong on our side; the error has been logged", field: nil)
        }
    }

    private init(status: HTTPResponseStatus, code: String, message: String, field: String?, issues: [ValidationFailure.Issue] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.issues = issues
    }

    /// A JSON path such as `skills[0].level`, and what was wrong there.
    static func describe(_ error: DecodingError) -> (String?, String) {
        func path(_ codingPath: [any CodingKey]) -> String? {
            guard !codingPath.isEmpty else { return nil }
            return codingPath.reduce(into: "") { result, key in
                if let index = key.intValue { result += "[\(index)]" } else { result += result.isEmpty ? key.stringValue : "." + key.stringValue }
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return (field, "\(field ?? "body") has the wrong type: expected \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return (field, "\(field ?? "body") is missing: expected \(Self.name(of: type))")
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return (field, "\(field ?? key.stringValue) is required")
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as? DomainError { return (underlying.field, underlying.description) }
            let field = path(context.codingPath)
            return (field, field.map { "\($0) is not valid: \(context.debugDescription)" } ?? "the body is not valid JSON")
        @unknown default:
            return (nil, "the body could not be read")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type: "a list of strings"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}
