import Vapor
import VettedDomain

/// `?page=&perPage=`; at most 100 per page, so no request can ask for the whole pool.
struct Pagination: Encodable {
    static let maxPerPage = 100
    let page: Int
    let perPage: Int

    init(_ req: Request, defaultPerPage: Int = 25) throws {
        let page = try Self.number(req, "page") ?? 1
        let perPage = try Self.number(req, "perPage") ?? defaultPerPage
        guard page >= 1 else { throw DomainError.invalid(field: "page", message: "page must be 1 or more; got \(page)") }
        guard (1...Self.maxPerPage).contains(perPage) else {
            throw DomainError.invalid(field: "perPage", message: "perPage must be between 1 and \(Self.maxPerPage); got \(perPage)")
        }
        self.page = page
        self.perPage = perPage
    }

    private static func number(_ req: Request, _ key: String) throws -> Int? {
        guard let text = req.query[String.self, at: key], !text.isEmpty else { return nil }
        guard let n = Int(text) else { throw DomainError.invalid(field: key, message: "\(key) must be a whole number; got '\(text)'") }
        return n
    }

    var offset: Int { (page - 1) * perPage }
}

/// Links for a list page.
struct PageLinks: Encodable {
    let page: Int
    let pages: Int
    let total: Int
    let previous: String?
    let next: String?

    init(_ pagination: Pagination, total: Int, path: String, query: [(String, String)]) {
        page = pagination.page
        self.total = total
        pages = max(1, (total + pagination.perPage - 1) / pagination.perPage)
        func link(_ p: Int) -> String {
            var components = URLComponents()
            components.path = path
            components.queryItems = query.filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) } + [URLQueryItem(name: "page", value: String(p))]
            return components.string ?? path
        }
        previous = pagination.page > 1 ? link(pagination.page - 1) : nil
        next = pagination.page < pages ? link(pagination.page + 1) : nil
    }
}
