import Vapor

/// The address a candidate opens from outside: VETTED_PUBLIC_URL when set (a forged Host
/// header cannot change it), else the host the member used, and https when the request
/// came over TLS (or through a proxy that said so).
enum PublicLink {
    static func url(_ req: Request, path: String) -> String {
        if let base = req.application.vetted.config.publicURLSetting { return base + path }
        let host = req.headers.first(name: .host) ?? "127.0.0.1:\(req.application.vetted.config.port)"
        return "\(SignInPages.secure(req) ? "https" : "http")://\(host)\(path)"
    }
}
