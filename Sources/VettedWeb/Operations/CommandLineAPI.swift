import Fluent
import Foundation
import Vapor
import VettedDomain
import VettedStore

/// The API from the command line, without a server or a token: a `vetted` command
/// builds the request, names the member it acts as, and the application answers it in
/// this process through the same routes, checks, tenant scope and audit log as HTTP.
/// The caller is put in request storage, which nothing from the network can reach.
public enum CommandLineAPI {
    public struct Reply: Sendable {
        public let status: UInt
        public let body: String
        public var succeeded: Bool { (200..<300).contains(status) }

        /// The error message of a failed call (`{"error": {"message"}}`), else the body.
        public var errorText: String {
            struct Failure: Decodable {
                struct Problem: Decodable { let message: String; let field: String? }
                struct Detail: Decodable { let message: String; let field: String?; let details: [Problem]? }
                let error: Detail
            }
            guard let failure = try? JSONDecoder().decode(Failure.self, from: Data(body.utf8)) else { return body }
            // Every problem of a form that has several, one a line, so one run shows them all.
            let problems = failure.error.details ?? [Failure.Problem(message: failure.error.message, field: failure.error.field)]
            return problems.map { p in p.field.map { "\($0): \(p.message)" } ?? p.message }.joined(separator: "\n")
        }
    }

    /// Sends `method path` with an optional JSON body as the member `user` (of
    /// `organization`, by name, when they belong to several). `path` may leave out `/api/v1/`.
    public static func send(_ app: Application, method: String, path: String, json: String? = nil, user: String, organization: String? = nil) async throws -> Reply {
        let verb = HTTPMethod(rawValue: method.uppercased())
        guard ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(verb.rawValue) else {
            throw DomainError.invalid(field: "method", message: "the method must be GET, POST, PUT, PATCH or DELETE; got '\(method)'")
        }
        let trimmed = path.trimmed.hasPrefix("/") ? String(path.trimmed.dropFirst()) : path.trimmed
        let fullPath = trimmed.hasPrefix("api/v1/") ? "/\(trimmed)" : "/api/v1/\(trimmed)"
        if let json, (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) == nil {
            throw DomainError.invalid(field: "data", message: "the request body is not valid JSON")
        }
        let caller = try await member(app, email: user, organization: organization)
        try await app.asyncBoot()
        var headers = HTTPHeaders()
        if json != nil { headers.contentType = .json }
        let request = Request(application: app, method: verb, url: URI(path: fullPath), headers: headers,
                              collectedBody: json.map { ByteBuffer(string: $0) }, logger: app.logger, on: app.eventLoopGroup.any())
        request.caller = caller
        let response = try await app.responder.respond(to: request).get()
        let body = response.body.buffer.map { String(buffer: $0) } ?? response.body.string ?? ""
        return Reply(status: response.status.code, body: body)
    }

    /// The member a command acts as. An inactive user cannot act, as on the web.
    static func member(_ app: Application, email: String, organization: String?) async throws -> Caller {
        let address = try EmailAddress(email, field: "user")
        guard let user = try await UserModel.query(on: app.db).filter(\.$email == address.value).first() else {
            throw DomainError.invalid(field: "user", message: "no user has the e-mail \(address.value)")
        }
        guard user.isActive else { throw DomainError.invalid(field: "user", message: "\(address.value) is deactivated") }
        let memberships = try await MembershipModel.query(on: app.db).filter(\.$user.$id == user.id!).with(\.$organization).sort(\.$createdAt).all()
        if organization == nil, memberships.count > 1 {
            throw DomainError.invalid(field: "organization", message: "\(address.value) belongs to \(memberships.map { "'\($0.organization.name)'" }.joined(separator: ", ")); choose one with --organization")
        }
        let chosen = organization.map { name in memberships.first { $0.organization.name == name } } ?? memberships.first
        guard let membership = chosen else {
            throw DomainError.invalid(field: organization == nil ? "user" : "organization",
                                      message: organization.map { "\(address.value) is not a member of '\($0)'" } ?? "\(address.value) belongs to no organization")
        }
        let org = membership.organization
        var scope = TenantScope(userID: user.typedID, userEmail: user.email, organizationID: org.typedID,
                                organizationKind: OrganizationKind(rawValue: org.kind) ?? .client,
                                memberRole: try MemberRole.parse(membership.memberRole, field: "memberRole"))
        scope.via = "vetted CLI"
        return Caller(scope: scope, userName: user.name, organizationName: org.name, credential: .commandLine)
    }
}
