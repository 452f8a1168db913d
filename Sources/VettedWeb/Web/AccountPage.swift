import Vapor
import VettedDomain

/// The signed-in user's own account: change the password (the first admin's is one-time).
struct AccountPage: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("account", use: show)
        routes.post("account", "password", use: changePassword)
    }

    struct Context: Encodable {
        let layout: Layout
        let email: String
        let errors: [String: String]
    }

    struct Form: Content {
        var currentPassword: String?
        var newPassword: String?
    }

    func show(req: Request) async throws -> Response {
        try await req.page("account", Context(layout: Layout(title: "Your account", request: req), email: try req.scope.userEmail, errors: [:]))
    }

    func changePassword(req: Request) async throws -> Response {
        let scope = try req.scope
        let form = try req.content.decode(Form.self)
        var session: UUID?
        if case .session(let id, _) = req.caller?.credential { session = id }
        do {
            try await req.application.vetted.accounts.changePassword(userID: scope.userID, current: form.currentPassword ?? "",
                                                                     new: form.newPassword ?? "", keepSession: session, on: req.db)
            return req.redirect(to: "/account?notice=saved")
        } catch let error as DomainError where error.field != nil {
            return try await req.page("account", Context(layout: Layout(title: "Your account", request: req), email: scope.userEmail,
                                                         errors: [error.field!: error.description]), status: .badRequest)
        }
    }
}
