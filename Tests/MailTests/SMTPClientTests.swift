import Foundation
import Testing
import VettedTestSupport
@testable import Mail

@Suite struct SMTPClientTests {
    let message: MailMessage = {
        let from = try! MailAddress("vetted@hiring.test", name: "Vetted")
        let to = try! MailAddress("ada.alpha@example.net", name: "Ada Ålpha")
        let ics = Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8)
        return MailMessage(from: from, to: to, subject: "Interview: Fundamentals ✓", body: "Hello Ada,\n.\n.hidden line\nSee you.",
                           attachments: [.init(filename: "interview.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8", data: ics)])
    }()

    @Test func aMessageArrivesWithItsTextAndAttachmentIntact() async throws {
        let server = try FakeSMTPServer()
        defer { server.stop() }
        try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port)).send(message, messageID: "m1@vetted")

        let received = try #require(server.received.first)
        #expect(server.received.count == 1)
        #expect(received.from == "<vetted@hiring.test>")
        #expect(received.recipients == ["<ada.alpha@example.net>"])
        #expect(received.data.contains("To: =?utf-8?B?\(Data("Ada Ålpha".utf8).base64EncodedString())?= <ada.alpha@example.net>"))
        #expect(received.data.contains("Message-ID: <m1@vetted>"))
        #expect(received.data.contains("filename=\"interview.ics\""))
        // The body survives base64 and dot-stuffing, lone dots included.
        let parts = received.data.components(separatedBy: "\r\n\r\n")
        let textPart = try #require(parts.firstIndex { $0.contains("Content-Type: text/plain") })
        let base64 = parts[textPart + 1].components(separatedBy: "\r\n--").first!.replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: base64)!, as: UTF8.self) == "Hello Ada,\r\n.\r\n.hidden line\r\nSee you.")
        #expect(server.commands.last == "QUIT")
    }

    @Test func aServerThatRefusesEHLOIsGreetedWithHELO() async throws {
        var script = FakeSMTPServer.Script()
        script.refuseEHLO = true
        let server = try FakeSMTPServer(script: script)
        defer { server.stop() }
        try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port)).send(message, messageID: "m2@vetted")
        #expect(server.commands.prefix(2).map { String($0.prefix(4)) } == ["EHLO", "HELO"])
        #expect(server.received.count == 1)
    }

    @Test func anUnknownMailboxIsAPermanentFailureAndTryLaterIsNot() async throws {
        for (reply, permanent) in [(550, true), (451, false)] {
            var script = FakeSMTPServer.Script()
            script.recipientReply = reply
            let server = try FakeSMTPServer(script: script)
            defer { server.stop() }
            let error = await #expect(throws: MailError.self) {
                try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port)).send(message, messageID: "m3@vetted")
            }
            #expect(error?.isPermanent == permanent)
            #expect(error.map { "\($0)" }?.contains("RCPT TO with \(reply)") == true)
            #expect(server.received.isEmpty)
        }
    }

    @Test func aServerThatIsDownIsATemporaryConnectionFailure() async throws {
        let down = FakeSMTPServer.closedPort()
        defer { withExtendedLifetime(down) {} }
        let error = await #expect(throws: MailError.self) {
            try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: down.port)).send(message, messageID: "m4@vetted")
        }
        guard case .connection = error else { Issue.record("expected a connection error, got \(String(describing: error))"); return }
        #expect(error?.isPermanent == false)
    }

    @Test func aPasswordIsSentOnlyWhenPlainAuthIsAllowedAndOffered() async throws {
        var script = FakeSMTPServer.Script()
        script.offerAuth = true
        let server = try FakeSMTPServer(script: script)
        defer { server.stop() }
        let refused = await #expect(throws: MailError.self) {
            try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port, username: "relay", password: "s3cret"))
                .send(message, messageID: "m5@vetted")
        }
        #expect(refused.map { "\($0)" }?.contains("SMTP_ALLOW_PLAIN_AUTH") == true)
        #expect(!server.commands.contains { $0.hasPrefix("AUTH") })

        try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port, username: "relay", password: "s3cret", allowPlainAuth: true))
            .send(message, messageID: "m6@vetted")
        #expect(server.received.last?.authentication == Data("\0relay\0s3cret".utf8).base64EncodedString())
    }

    static func tlsServer(_ mode: FakeSMTPServer.TLSMode, auth: Bool = false) throws -> FakeSMTPServer {
        var script = FakeSMTPServer.Script()
        script.tls = mode
        script.certificate = TestCertificate.shared
        script.offerAuth = auth
        return try FakeSMTPServer(script: script)
    }

    @Test func withStartTLSTheMessageAndThePasswordGoOnlyOverTLS() async throws {
        let server = try Self.tlsServer(.startTLS, auth: true)
        defer { server.stop() }
        // No SMTP_ALLOW_PLAIN_AUTH: the password may go because the link is encrypted.
        try await SMTPClient(server: SMTPServer(host: "localhost", port: server.port, username: "relay", password: "s3cret",
                                                security: .startTLS, caFile: TestCertificate.shared.certificatePath))
            .send(message, messageID: "t1@vetted")
        let received = try #require(server.received.first)
        #expect(received.encrypted)
        #expect(received.authentication == Data("\0relay\0s3cret".utf8).base64EncodedString())
        #expect(received.data.contains("Message-ID: <t1@vetted>"))
        // EHLO, STARTTLS, then a fresh EHLO over TLS before anything else.
        #expect(server.commands.prefix(4).map { String($0.prefix(8)) } == ["EHLO vet", "STARTTLS", "EHLO vet", "AUTH PLA"])
    }

    @Test func implicitTLSIsSpokenFromTheFirstByte() async throws {
        let server = try Self.tlsServer(.implicit)
        defer { server.stop() }
        try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port, security: .tls, caFile: TestCertificate.shared.certificatePath))
            .send(message, messageID: "t2@vetted")
        #expect(server.received.first?.encrypted == true)
        #expect(server.commands.last == "QUIT")
    }

    @Test func anUntrustedCertificateStopsTheSessionBeforeAnythingIsSent() async throws {
        let server = try Self.tlsServer(.startTLS, auth: true)
        defer { server.stop() }
        // The system's authorities do not know the test certificate.
        let error = await #expect(throws: MailError.self) {
            try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port, username: "relay", password: "s3cret", security: .startTLS))
                .send(message, messageID: "t3@vetted")
        }
        #expect(error.map { "\($0)" }?.contains("not trusted") == true, "\(String(describing: error))")
        #expect(error?.isPermanent == false)
        #expect(server.received.isEmpty)
        #expect(!server.commands.contains { $0.hasPrefix("AUTH") || $0.hasPrefix("MAIL") })
    }

    @Test func aRelayThatHangsUpInsideTLSIsARelayFailureNotACrash() async throws {
        var script = FakeSMTPServer.Script()
        script.tls = .startTLS
        script.certificate = TestCertificate.shared
        script.hangUpAfterTLS = true
        let server = try FakeSMTPServer(script: script)
        defer { server.stop() }
        // Writing to the dead socket (EHLO, then TLS's close-notify) must fail, not raise SIGPIPE.
        let error = await #expect(throws: MailError.self) {
            try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port, security: .startTLS,
                                                    caFile: TestCertificate.shared.certificatePath)).send(message, messageID: "t5@vetted")
        }
        #expect(error?.concernsMessage == false)
        #expect(server.received.isEmpty)
    }

    @Test func aRelayWithoutStartTLSGetsNothingWhenTLSIsRequired() async throws {
        var script = FakeSMTPServer.Script()
        script.offerAuth = true
        let server = try FakeSMTPServer(script: script)
        defer { server.stop() }
        let error = await #expect(throws: MailError.self) {
            try await SMTPClient(server: SMTPServer(host: "127.0.0.1", port: server.port, username: "relay", password: "s3cret", security: .startTLS))
                .send(message, messageID: "t4@vetted")
        }
        #expect(error.map { "\($0)" }?.contains("does not offer STARTTLS") == true)
        #expect(server.commands.map { String($0.prefix(4)) } == ["EHLO"])
    }

    @Test func addressesThatCouldInjectHeadersAreRefused() {
        for bad in ["ada@example.net\r\nBcc: all@example.net", "no-at-sign", "a@b", "<a@example.net>", "a b@example.net"] {
            #expect(throws: MailError.self) { try MailAddress(bad) }
        }
        #expect(throws: MailError.self) { try MailAddress("ada@example.net", name: "Ada\r\nBcc: x@example.net") }
        let message = MailMessage(from: try! MailAddress("a@example.net"), to: try! MailAddress("b@example.net"),
                                  subject: "Hi\r\nBcc: x@example.net", body: "")
        #expect(!message.rendered(messageID: "x@y", date: Date()).contains("\r\nBcc:"))
    }
}
