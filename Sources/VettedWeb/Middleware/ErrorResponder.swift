import Vapor

/// Catches every error below it. API paths answer with the JSON error body; pages answer
/// with a small HTML page. Nothing internal leaks into either.
struct ErrorResponder: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let mapped = MappedError(error, logger: request.logger)
            if request.url.path.hasPrefix("/api/") {
                let body = APIErrorBody(error: .init(
                    code: mapped.code, message: mapped.message, field: mapped.field,
                    details: mapped.issues.count > 1 ? mapped.issues.map { .init(field: $0.field, message: $0.message) } : nil))
                let response = Response(status: mapped.status)
                try response.content.encode(body, as: .json)
                if mapped.status == .unauthorized {
                    response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"vetted\"")
                }
                return response
            }
            do {
                return try await ErrorPage.render(mapped, for: request)
            } catch {
                // The error page itself failed: plain text still tells the user what happened.
                request.logger.report(error: error)
                let response = Response(status: mapped.status, body: .init(string: "\(mapped.status.code): \(mapped.message)"))
                response.headers.contentType = .plainText
                return response
            }
        }
    }
}
