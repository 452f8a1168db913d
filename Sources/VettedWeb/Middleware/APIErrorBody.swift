import Vapor

/// The one error body of the JSON API: `{"error": {"code", "message", "field"}}`.
struct APIErrorBody: Content {
    struct Detail: Content {
        let code: String
        let message: String
        let field: String?
        /// Every problem, when a request had more than one.
        let details: [Issue]?
    }
    struct Issue: Content {
        let field: String
        let message: String
    }
    let error: Detail
}
