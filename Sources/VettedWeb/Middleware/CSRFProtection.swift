import Vapor

/// Every state-changing form carries `_csrf`. Signed in, it must equal the session's token;
/// on the sign-in form (no session yet) it must equal a random cookie set with the page.
struct CSRFProtection: AsyncMiddleware {
    static let fieldName = "_csrf"
    static let cookieName = "vetted_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else {
            return try await next.respond(to: request)
        }
        // Middleware runs before the route collects the body: a form larger than what came
        // with the request head (a pasted answer, a long bio) would have no readable
        // `_csrf` yet and be refused. Collect it here, within the app's body limit.
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        let sent = (try? request.content.get(String.self, at: Self.fieldName)) ?? ""
        let expected = request.caller?.csrfToken ?? request.cookies[Self.cookieName]?.string ?? ""
        guard !expected.isEmpty, Secrets.constantTimeEquals(sent, expected) else {
            throw Abort(.forbidden, reason: "This form has expired or did not come from Vetted. Go back, reload the page and try again.")
        }
        return try await next.respond(to: request)
    }
}

extension CSRFProtection {
    /// Pages reached by a private link (assessment, offer) have no session: a random
    /// cookie scoped to the link's path carries the form's token instead.
    static func linkToken(_ req: Request) -> String {
        req.caller?.csrfToken ?? req.cookies[cookieName]?.string ?? Secrets.randomToken()
    }

    /// Sets the cookie for `linkToken` on a private-link page, and keeps the link out of
    /// any Referer header the page's links would send.
    static func issueLinkCookie(_ token: String, path: String, on response: Response, for req: Request) {
        if req.caller == nil {
            response.cookies[cookieName] = HTTPCookies.Value(string: token, path: path, isSecure: SignInPages.secure(req), isHTTPOnly: true, sameSite: .strict)
        }
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
    }
}
