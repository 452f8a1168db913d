import Foundation
import Mail
import Logging

/// Every setting Vetted reads, in one place. Keys are the environment variable names.
/// Precedence: command line > environment > `.env` file > these defaults.
public struct VettedConfig: Sendable {
    /// VETTED_HOST: the address to listen on. Loopback by default: exposing Vetted is a choice.
    public var host = "127.0.0.1"
    /// VETTED_PORT
    public var port = 8080
    /// VETTED_DATA_DIR: where `vetted.sqlite` and backups live.
    public var dataDirectory = "./data"
    /// DATABASE_URL: a PostgreSQL URL; when absent, SQLite in the data directory.
    public var databaseURL: String?
    /// LOG_LEVEL: trace, debug, info, notice, warning, error, critical.
    public var logLevel: Logger.Level = .notice
    /// VETTED_SECURE_COOKIES: `auto` marks cookies Secure when the request came over https
    /// (directly or via X-Forwarded-Proto); `true` always; `false` never.
    public var secureCookies: SecureCookies = .auto
    /// VETTED_ADMIN_EMAIL: the first admin, created on first start.
    public var adminEmail = "admin@example.com"
    /// VETTED_ADMIN_PASSWORD: the first admin's password; when absent one is generated and printed once.
    public var adminPassword: String?
    /// VETTED_BCRYPT_COST: work factor for password hashes (tests use the minimum).
    public var bcryptCost = 12
    /// VETTED_SESSION_HOURS: how long a sign-in lasts.
    public var sessionHours = 12
    /// VETTED_MAX_BODY: the largest request body accepted, e.g. `1mb`.
    public var maxBodySize = "1mb"
    /// VETTED_REPOSITORY_ROOT: the only folder repository analysis reads local checkouts
    /// from (and clones into); default `<data dir>/repositories`.
    public var repositoryRootSetting: String?
    /// VETTED_TASKS_DIR: the assessment task library (default ./tasks).
    public var tasksDirectory = "tasks"
    /// VETTED_ASSESSMENT_RUNTIME: the venv bound at /venv in the sandbox.
    public var assessmentRuntime = "/opt/vetted-runtime"
    /// VETTED_BWRAP: bubblewrap.
    public var bwrapPath = "/usr/bin/bwrap"
    /// SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_FROM, SMTP_ALLOW_PLAIN_AUTH:
    /// the relay e-mail goes through. Without SMTP_HOST messages wait in the outbox.
    public var smtp: SMTPSettings?
    /// VETTED_PUBLIC_URL: how people reach Vetted, for links in e-mail (default http://host:port).
    public var publicURLSetting: String?
    /// Not a setting: tests run on a private in-memory SQLite database.
    public var inMemoryDatabase = false

    public enum SecureCookies: String, Sendable { case auto, `true`, `false` }

    public init() {}

    /// Reads the environment, then a `.env` file (lower precedence); command-line options
    /// are laid over the result by the caller.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            dotEnvPath: String? = ".env") throws -> VettedConfig {
        var values = [String: String]()
        if let dotEnvPath, let text = try? String(contentsOfFile: dotEnvPath, encoding: .utf8) {
            values = DotEnv.parse(text)
        }
        values.merge(environment) { _, fromEnvironment in fromEnvironment }
        return try VettedConfig(values: values)
    }

    init(values: [String: String]) throws {
        func value(_ key: String) -> String? {
            guard let v = values[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        if let v = value("VETTED_HOST") { host = v }
        if let v = value("VETTED_PORT") {
            guard let p = Int(v), (1...65535).contains(p) else { throw ConfigError.invalid(key: "VETTED_PORT", value: v, expected: "a port number 1–65535") }
            port = p
        }
        if let v = value("VETTED_DATA_DIR") { dataDirectory = v }
        databaseURL = value("DATABASE_URL")
        if let v = value("LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: v.lowercased()) else {
                throw ConfigError.invalid(key: "LOG_LEVEL", value: v, expected: "one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        }
        if let v = value("VETTED_SECURE_COOKIES") {
            guard let s = SecureCookies(rawValue: v.lowercased()) else { throw ConfigError.invalid(key: "VETTED_SECURE_COOKIES", value: v, expected: "auto, true or false") }
            secureCookies = s
        }
        if let v = value("VETTED_ADMIN_EMAIL") { adminEmail = v }
        adminPassword = value("VETTED_ADMIN_PASSWORD")
        if let v = value("VETTED_BCRYPT_COST") {
            guard let c = Int(v), (4...31).contains(c) else { throw ConfigError.invalid(key: "VETTED_BCRYPT_COST", value: v, expected: "a number 4–31") }
            bcryptCost = c
        }
        if let v = value("VETTED_SESSION_HOURS") {
            guard let h = Int(v), h > 0 else { throw ConfigError.invalid(key: "VETTED_SESSION_HOURS", value: v, expected: "a positive number of hours") }
            sessionHours = h
        }
        if let v = value("VETTED_MAX_BODY") { maxBodySize = v }
        repositoryRootSetting = value("VETTED_REPOSITORY_ROOT")
        if let v = value("VETTED_TASKS_DIR") { tasksDirectory = v }
        if let v = value("VETTED_ASSESSMENT_RUNTIME") { assessmentRuntime = v }
        if let v = value("VETTED_BWRAP") { bwrapPath = v }
        if let v = value("VETTED_PUBLIC_URL") {
            // It becomes the start of every link in e-mails and offers.
            guard let url = URL(string: v), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host?.isEmpty == false, url.query == nil else {
                throw ConfigError.invalid(key: "VETTED_PUBLIC_URL", value: v, expected: "an http(s) address such as https://hiring.example.com")
            }
            publicURLSetting = v.hasSuffix("/") ? String(v.dropLast()) : v
        }
        if let host = value("SMTP_HOST") {
            var settings = SMTPSettings(server: SMTPServer(host: host))
            if let v = value("SMTP_PORT") {
                guard let p = Int(v), (1...65535).contains(p) else { throw ConfigError.invalid(key: "SMTP_PORT", value: v, expected: "a port number 1–65535") }
                settings.server.port = p
            }
            settings.server.username = value("SMTP_USERNAME")
            settings.server.password = value("SMTP_PASSWORD")
            if let v = value("SMTP_FROM") {
                // The same check every message's addresses get, so a bad sender fails at start.
                guard let address = try? MailAddress(v) else { throw ConfigError.invalid(key: "SMTP_FROM", value: v, expected: "an e-mail address such as hiring@example.com") }
                settings.from = address.address
            }
            if let v = value("SMTP_ALLOW_PLAIN_AUTH") { settings.server.allowPlainAuth = ["1", "true", "yes"].contains(v.lowercased()) }
            settings.server.security = SMTPServer.defaultSecurity(port: settings.server.port)
            if let v = value("SMTP_TLS") {
                guard let security = SMTPSecurity(rawValue: v.lowercased()) else {
                    throw ConfigError.invalid(key: "SMTP_TLS", value: v, expected: "starttls, tls or none")
                }
                settings.server.security = security
            }
            if let v = value("SMTP_CA_FILE") {
                guard FileManager.default.isReadableFile(atPath: v) else {
                    throw ConfigError.invalid(key: "SMTP_CA_FILE", value: v, expected: "a readable file of PEM certificates")
                }
                settings.server.caFile = v
            }
            // Credentials that would never be sent fail every message slowly; say so now.
            if let user = settings.server.username, settings.server.security == .none, !settings.server.allowPlainAuth {
                throw ConfigError.invalid(key: "SMTP_USERNAME", value: user, expected: "SMTP_TLS=starttls or tls, or SMTP_ALLOW_PLAIN_AUTH=true for a relay on loopback or a trusted network (the password would go in the clear), or no SMTP_USERNAME")
            }
            if settings.server.username != nil, settings.server.password == nil {
                throw ConfigError.invalid(key: "SMTP_PASSWORD", value: "", expected: "a password, since SMTP_USERNAME is set")
            }
            smtp = settings
        }
    }

    public var repositoryRoot: String { repositoryRootSetting ?? (dataDirectory as NSString).appendingPathComponent("repositories") }

    public var publicURL: String { publicURLSetting ?? "http://\(host):\(port)" }

    public var sqlitePath: String { (dataDirectory as NSString).appendingPathComponent("vetted.sqlite") }
}

/// Where e-mail goes (the Mail module's server settings) and whom it is from. The
/// password is never logged or shown.
public struct SMTPSettings: Sendable, Equatable {
    public var server: SMTPServer
    public var from = "vetted@vetted.localhost"

    public init(server: SMTPServer) { self.server = server }
}

public enum ConfigError: Error, CustomStringConvertible {
    case invalid(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .invalid(let key, let value, let expected): "\(key)='\(value)' is not valid: expected \(expected)"
        }
    }
}

/// `KEY=value` lines; `#` comments; optional quotes. No interpolation.
enum DotEnv {
    static func parse(_ text: String) -> [String: String] {
        var result = [String: String]()
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            var key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("export ") { key = String(key.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            var value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            result[key] = value
        }
        return result
    }
}
