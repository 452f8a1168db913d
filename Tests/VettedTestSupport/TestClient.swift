import Foundation
import NIOCore
import Vapor
import VaporTesting

/// A browser or an API client in a test: keeps cookies, fills in the CSRF token from
/// the last page it saw, sends forms and JSON.
public final class TestClient: @unchecked Sendable {
    public let app: Application
    public var cookies: [String: String] = [:]
    public var bearer: String?
    public private(set) var lastCSRF: String?

    /// `overNetwork`: through a real listening server on loopback, where body limits and
    /// HTTP parsing apply exactly as in production (the in-memory tester skips them).
    public let overNetwork: Bool

    public init(_ app: Application, bearer: String? = nil, overNetwork: Bool = false) {
        self.app = app
        self.bearer = bearer
        self.overNetwork = overNetwork
    }

    public struct Reply: Sendable {
        public let status: HTTPStatus
        public let headers: HTTPHeaders
        public let body: String

        public var location: String? { headers.first(name: .location) }

        public func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
                throw Abort(.internalServerError, reason: "not a JSON object: \(body)")
            }
            return object
        }

        public func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: Data(body.utf8))
        }

        /// `{"error": {...}}` fields, for asserting on API errors.
        public var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
        public var errorField: String? { ((try? json())?["error"] as? [String: Any])?["field"] as? String }
        public var errorMessage: String? { ((try? json())?["error"] as? [String: Any])?["message"] as? String }
    }

    @discardableResult
    public func send(_ method: HTTPMethod, _ path: String, body: ByteBuffer? = nil, contentType: HTTPMediaType? = nil,
                     extraHeaders: HTTPHeaders = [:]) async throws -> Reply {
        var headers = extraHeaders
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let bearer { headers.bearerAuthorization = .init(token: bearer) }
        if let contentType { headers.contentType = contentType }
        let tester = try overNetwork ? app.testing(method: .running(hostname: "127.0.0.1", port: Int.random(in: 20_000...60_000))) : app.testing()
        let response = try await tester.sendRequest(method, path, headers: headers, body: body)
        for value in response.headers[.setCookie] {
            let pair = value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            let cookieValue = String(parts[1])
            if cookieValue.isEmpty || value.contains("Expires=Thu, 01 Jan 1970") { cookies[name] = nil } else { cookies[name] = cookieValue }
        }
        let text = response.body.getString(at: response.body.readerIndex, length: response.body.readableBytes) ?? ""
        if let range = text.range(of: #"name="_csrf" value=""#) {
            let rest = text[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { lastCSRF = String(rest[..<end]) }
        }
        return Reply(status: response.status, headers: response.headers, body: text)
    }

    @discardableResult
    public func get(_ path: String) async throws -> Reply { try await send(.GET, path) }

    /// Posts a form; the CSRF token of the last page seen is added unless `csrf` says otherwise.
    @discardableResult
    public func post(_ path: String, form: [(String, String)], csrf: String? = nil) async throws -> Reply {
        var fields = form
        if let token = csrf ?? lastCSRF { fields.append(("_csrf", token)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, body: ByteBuffer(string: body), contentType: .urlEncodedForm)
    }

    @discardableResult
    public func json(_ method: HTTPMethod, _ path: String, _ object: Any) async throws -> Reply {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try await send(method, path, body: ByteBuffer(data: data), contentType: .json)
    }

    @discardableResult
    public func raw(_ method: HTTPMethod, _ path: String, _ text: String, contentType: HTTPMediaType = .json) async throws -> Reply {
        try await send(method, path, body: ByteBuffer(string: text), contentType: contentType)
    }

    /// Signs in through the real form; returns the reply to the form post.
    @discardableResult
    public func signIn(_ email: String, _ password: String) async throws -> Reply {
        try await get("/login")
        return try await post("/login", form: [("email", email), ("password", password), ("next", "/")])
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
