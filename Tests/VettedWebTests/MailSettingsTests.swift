import Foundation
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
}
