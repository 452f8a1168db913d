import Vapor
import VettedDomain

/// What the frame around every page needs: who is signed in, the form token, the menu.
struct Layout: Encodable {
    let title: String
    let signedIn: Bool
    let userName: String
    let organizationName: String
    let memberRole: String
    let csrf: String
    let isAdmin: Bool
    let isOperatorAdmin: Bool
    /// The operator's pool editors: they see the pool, shortlists and imports.
    let isOperator: Bool
    let notice: String?
    /// Reload the page every few seconds while background work it shows is running, so
    /// progress shows without JavaScript.
    var refreshSeconds: Int?

    init(title: String, request: Request, notice: String? = nil, csrf: String? = nil) {
        self.title = title
        let caller = request.caller
        signedIn = caller != nil
        userName = caller?.userName ?? ""
        organizationName = caller?.organizationName ?? ""
        memberRole = caller?.scope.memberRole.label ?? ""
        self.csrf = csrf ?? caller?.csrfToken ?? request.cookies[CSRFProtection.cookieName]?.string ?? ""
        isAdmin = caller?.scope.isAdmin ?? false
        isOperatorAdmin = caller?.scope.isOperatorAdmin ?? false
        isOperator = caller?.scope.allows(.editCandidates) ?? false
        self.notice = notice ?? request.query[String.self, at: "notice"].flatMap(Notice.text)
    }
}

/// Short confirmations after a redirect (`?notice=saved`). Only known keys are shown, so a
/// link cannot put arbitrary words on a Vetted page.
enum Notice {
    static func text(_ key: String) -> String? {
        switch key {
        case "saved": "Saved."
        case "created": "Created."
        case "deleted": "Deleted."
        case "added": "Added to the pipeline."
        case "moved": "Stage changed."
        case "revoked": "Token revoked."
        case "merged": "Profiles merged; both histories are below."
        case "excluded": "Excluded from the shortlist."
        case "scored": "Scorecard submitted; the panel's scores for that stage are now open to you."
        case "signed-out": "You are signed out."
        default: nil
        }
    }
}

/// A choice in a `<select>`.
struct Option: Encodable {
    let value: String
    let label: String
    let selected: Bool

    static func list<V: Vocabulary>(_ type: V.Type, selected: String?, includeEmpty: Bool = false) -> [Option] {
        (includeEmpty ? [Option(value: "", label: "—", selected: (selected ?? "").isEmpty)] : [])
            + V.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }
}

extension Request {
    /// Renders a page with its status.
    func page(_ template: String, _ context: some Encodable, status: HTTPResponseStatus = .ok) async throws -> Response {
        let view = try await self.view.render(template, context)
        let response = try await view.encodeResponse(status: status, for: self)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }
}

/// The 400/403/404/409/500 page.
enum ErrorPage {
    struct Context: Encodable {
        let layout: Layout
        let status: Int
        let message: String
    }

    static func render(_ error: MappedError, for request: Request) async throws -> Response {
        let context = Context(layout: Layout(title: "Error \(error.status.code)", request: request),
                              status: Int(error.status.code), message: error.message)
        return try await request.page("error", context, status: error.status)
    }
}
