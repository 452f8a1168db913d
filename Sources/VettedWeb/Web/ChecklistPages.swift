import Fluent
import Vapor
import VettedDomain
import VettedStore

/// Editing a role's checklist: two lists of "skill: reason" lines, or a fresh one from the brief.
struct ChecklistPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("roles", ":roleID", "checklist", use: edit)
        routes.post("roles", ":roleID", "checklist", use: save)
    }

    struct Context: Encodable {
        let layout: Layout
        let roleId: String
        let roleTitle: String
        let mustHave: String
        let niceToHave: String
        let errors: [String]
        let regenerated: Bool
    }

    struct Form: Content {
        var mustHave: String?
        var niceToHave: String?
    }

    func edit(req: Request) async throws -> Response {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        try scope.require(.editRoles)
        let regenerate = req.query[String.self, at: "regenerate"] == "1"
        var lines = try await ChecklistWrites.current(of: role.typedID, on: req.db)
        if regenerate || lines.isEmpty, let generated = RoleChecklist.generate(for: role.draft) { lines = RoleChecklist.lines(generated) }
        return try await req.page("checklist-form", Context(
            layout: Layout(title: "Checklist of \(role.title)", request: req), roleId: role.typedID.description, roleTitle: role.title,
            mustHave: RoleChecklist.text(lines, mustHave: true), niceToHave: RoleChecklist.text(lines, mustHave: false),
            errors: [], regenerated: regenerate))
    }

    func save(req: Request) async throws -> Response {
        let scope = try req.scope
        let role = try await scope.role(try req.id(RoleID.self, "roleID"), on: req.db)
        let form = try req.content.decode(Form.self)
        do {
            let lines = try RoleChecklist.validate(mustHave: RoleChecklist.parse(form.mustHave ?? ""), niceToHave: RoleChecklist.parse(form.niceToHave ?? ""))
            try await ChecklistWrites.replace(role.typedID, with: lines, scope: scope, on: req.db)
            return req.redirect(to: "/roles/\(role.typedID)?notice=saved")
        } catch let failure as ValidationFailure {
            // Line numbers a person can find: list[2] is the third line.
            let messages = failure.issues.map { issue -> String in
                guard let open = issue.field.firstIndex(of: "["), let close = issue.field.firstIndex(of: "]"),
                      let index = Int(issue.field[issue.field.index(after: open)..<close])
                else { return issue.message }
                let list = issue.field.hasPrefix("must") ? "Must have" : "Nice to have"
                return "\(list), line \(index + 1): \(issue.message)"
            }
            return try await req.page("checklist-form", Context(
                layout: Layout(title: "Checklist of \(role.title)", request: req), roleId: role.typedID.description, roleTitle: role.title,
                mustHave: form.mustHave ?? "", niceToHave: form.niceToHave ?? "", errors: messages, regenerated: false), status: .badRequest)
        }
    }
}
