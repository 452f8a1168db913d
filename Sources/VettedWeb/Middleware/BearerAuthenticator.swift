import Vapor

/// The API takes `Authorization: Bearer vt_…` only. A read token may only read.
struct BearerAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if case .commandLine = request.caller?.credential { return try await next.respond(to: request) }
        guard let bearer = request.headers.bearerAuthorization?.token, !bearer.isEmpty else {
            throw Abort(.unauthorized, reason: "send an API token as 'Authorization: Bearer <token>'; create one with `vetted token create` or on the Tokens page")
        }
        guard let caller = try await request.application.vetted.accounts.caller(forBearer: bearer, on: request.db) else {
            throw Abort(.unauthorized, reason: "the API token is not valid (unknown, revoked, or its user is deactivated)")
        }
        // The planning routes compute and store nothing: a read token may POST to them.
        let computesOnly = request.url.path.hasPrefix("/api/v1/planning/")
        if case .token(_, let scope) = caller.credential, scope == .read, request.method != .GET, request.method != .HEAD, !computesOnly {
            throw Abort(.forbidden, reason: "this token has read scope; a write token is needed to \(request.method.rawValue) here")
        }
        request.caller = caller
        return try await next.respond(to: request)
    }
}
