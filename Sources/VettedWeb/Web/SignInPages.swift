import Fluent
import Vapor
import VettedDomain

/// Sign-in and sign-out.
struct SignInPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: show)
        routes.post("login", use: submit)
        routes.post("logout", use: logout)
    }

    struct Context: Encodable {
        let layout: Layout
        let email: String
        let next: String
        let error: String?
    }

    struct Form: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func show(req: Request) async throws -> Response {
        if req.caller != nil { return req.redirect(to: "/") }
        return try await render(req, email: "", next: req.query[String.self, at: "next"] ?? "/", error: nil, status: .ok)
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let email = form.email ?? ""
        let next = Self.safeNext(form.next)
        let accounts = req.application.vetted.accounts
        do {
            let (user, membership) = try await accounts.signIn(email: email, password: form.password ?? "", on: req.db)
            let token = try await accounts.startSession(user: user, organizationID: membership.$organization.id, on: req.db)
            let response = req.redirect(to: next, redirectType: .normal)
            response.cookies[SessionAuthenticator.cookieName] = HTTPCookies.Value(
                string: token, expires: Date().addingTimeInterval(accounts.sessionLifetime), maxAge: nil,
                path: "/", isSecure: Self.secure(req), isHTTPOnly: true, sameSite: .lax)
            return response
        } catch AccountService.SignInError.locked(let until) {
            let minutes = max(1, Int(until.timeIntervalSinceNow / 60.0 + 0.99))
            return try await render(req, email: email, next: next,
                                    error: "Too many failed attempts for this account. Try again in \(minutes) minute\(minutes == 1 ? "" : "s").",
                                    status: .tooManyRequests)
        } catch AccountService.SignInError.invalidCredentials {
            return try await render(req, email: email, next: next, error: "The e-mail or password is not right.", status: .unauthorized)
        }
    }

    func logout(req: Request) async throws -> Response {
        if case .session(let id, _) = req.caller?.credential {
            try await req.application.vetted.accounts.endSession(id: id, on: req.db)
        }
        let response = req.redirect(to: "/login?notice=signed-out")
        response.cookies[SessionAuthenticator.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0),
                                                                               path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }

    private func render(_ req: Request, email: String, next: String, error: String?, status: HTTPResponseStatus) async throws -> Response {
        // The sign-in form has no session to bind its token to: a random cookie stands in.
        let csrf = req.cookies[CSRFProtection.cookieName]?.string ?? Secrets.randomToken()
        let context = Context(layout: Layout(title: "Sign in", request: req, csrf: csrf), email: email, next: next, error: error)
        let response = try await req.page("login", context, status: status)
        response.cookies[CSRFProtection.cookieName] = HTTPCookies.Value(string: csrf, path: "/", isSecure: Self.secure(req), isHTTPOnly: true, sameSite: .strict)
        return response
    }

    /// Only same-site paths: `next` must not send a user to another host.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }

    static func secure(_ req: Request) -> Bool {
        switch req.application.vetted.config.secureCookies {
        case .true: return true
        case .false: return false
        case .auto: return req.url.scheme == "https" || req.headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
        }
    }
}
