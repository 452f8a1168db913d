import Vapor

/// Finds the signed-in user from the session cookie, if any.
struct SessionAuthenticator: AsyncMiddleware {
    static let cookieName = "vetted_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[Self.cookieName]?.string, !token.isEmpty,
           let caller = try await request.application.vetted.accounts.caller(forSessionToken: token, on: request.db) {
            request.caller = caller
        }
        return try await next.respond(to: request)
    }
}

/// Pages behind sign-in send a stranger to the sign-in page, then back.
struct RequireSignIn: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.caller != nil else {
            let target = request.method == .GET ? request.url.path : "/"
            return request.redirect(to: "/login?next=" + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        return try await next.respond(to: request)
    }
}
