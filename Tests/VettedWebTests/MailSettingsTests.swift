import Foundation
import Mail
import Testing
@testable import VettedWeb

/// Mail settings that could only fail later — every message, slowly — are refused at start,
/// naming the variable.
@Suite struct MailSettingsTests {
    static func load(_ environment: [String: String]) throws -> VettedConfig {
        try VettedConfig.load(environment: environment, dotEnvPath: nil)
    }

    static func refusal(_ environment: [String: String]) -> String? {
        do {
            _ = try load(environment)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func a_relay_is_read_with_its_sender_and_credentials() throws {
        let config = try Self.load(["SMTP_HOST": "127.0.0.1", "SMTP_PORT": "2525", "SMTP_FROM": "hiring@example.com", "SMTP_USERNAME": "vetted",
                                    "SMTP_PASSWORD": "s3cret", "SMTP_ALLOW_PLAIN_AUTH": "true", "VETTED_PUBLIC_URL": "https://hire.example.com/"])
        let smtp = try #require(config.smtp)
        #expect(smtp.server.port == 2525 && smtp.from == "hiring@example.com" && smtp.server.allowPlainAuth)
        #expect(config.publicURL == "https://hire.example.com")
        #expect(try Self.load([:]).smtp == nil)
    }

    @Test func settings_that_would_fail_every_message_are_refused_at_start() {
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_USERNAME": "vetted", "SMTP_PASSWORD": "x"])?.contains("SMTP_USERNAME") == true)
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_USERNAME": "vetted", "SMTP_ALLOW_PLAIN_AUTH": "true"])?.contains("SMTP_PASSWORD") == true)
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_FROM": "not an address"])?.contains("SMTP_FROM") == true)
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_PORT": "0"])?.contains("SMTP_PORT") == true)
        #expect(Self.refusal(["VETTED_PUBLIC_URL": "hire.example.com"])?.contains("VETTED_PUBLIC_URL") == true)
        // The password is never echoed in an error.
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_USERNAME": "vetted", "SMTP_PASSWORD": "s3cret"])?.contains("s3cret") == false)
    }

    @Test func tls_follows_the_port_unless_smtp_tls_says_otherwise() throws {
        #expect(try Self.load(["SMTP_HOST": "relay", "SMTP_PORT": "587"]).smtp?.server.security == .startTLS)
        #expect(try Self.load(["SMTP_HOST": "relay", "SMTP_PORT": "465"]).smtp?.server.security == .tls)
        #expect(try Self.load(["SMTP_HOST": "relay"]).smtp?.server.security == SMTPSecurity.none)
        #expect(try Self.load(["SMTP_HOST": "relay", "SMTP_PORT": "2525", "SMTP_TLS": "STARTTLS"]).smtp?.server.security == .startTLS)
        // Over TLS a password needs no SMTP_ALLOW_PLAIN_AUTH.
        let secure = try Self.load(["SMTP_HOST": "relay", "SMTP_PORT": "587", "SMTP_USERNAME": "vetted", "SMTP_PASSWORD": "s3cret"])
        #expect(secure.smtp?.server.username == "vetted")
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_TLS": "ssl3"])?.contains("SMTP_TLS") == true)
        #expect(Self.refusal(["SMTP_HOST": "relay", "SMTP_CA_FILE": "/nonexistent/ca.pem"])?.contains("SMTP_CA_FILE") == true)
    }
}
