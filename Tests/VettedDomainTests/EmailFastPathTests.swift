import Testing
@testable import VettedDomain

/// Addresses are checked byte by byte when they are ASCII; the verdict must be the one the
/// Character rules give.
@Suite struct EmailFastPathTests {
    @Test func an_ascii_address_gets_the_verdict_of_the_character_rules() {
        let addresses = ["ada@example.com", "a@b.c", "@example.com", "ada@", "ada@example", "ada@.example.com", "ada@example.com.",
                         "a@b@c.d", "ada lovelace@example.com", "ada@exa\tmple.com", "ada@ex\r\nample.com", "<ada>@x.y", "a,b@x.y",
                         "ada@x.y>", "a.b+tag@sub.example.co.uk", "", "@", ".", "a@.", "a@b.", "a@.b", "\u{0B}a@b.c", "a@b.c\u{0C}",
                         String(repeating: "a", count: 243) + "@example.com", String(repeating: "a", count: 242) + "@example.com"]
        for address in addresses {
            #expect(EmailAddress.asciiIsValid(address) == EmailAddress.charactersAreValid(address), "\(address)")
        }
        #expect(EmailAddress.asciiIsValid("zoë@example.org") == nil)
        #expect(throws: Never.self) { try EmailAddress("Zoë@Example.org") }
        #expect(throws: DomainError.self) { try EmailAddress("zoë@example") }
    }

    @Test func a_time_read_from_its_bytes_is_the_time_the_general_rules_read() throws {
        for (text, minutes) in [("08:30", 510), ("00:00", 0), ("24:00", 1440), (" 09:05\t", 545), ("+9:30", 570), ("23:59", 1439)] {
            #expect(try LocalTime(text, field: "t").minutes == minutes, "\(text)")
        }
        #expect(LocalTime.fiveBytes(" 09:05\t") == nil && LocalTime.fiveBytes("08:30") == 510)
        for bad in [" 9:05", "24:01", "12:60", "1230", "12:3x", "25:00", ""] {
            #expect(throws: DomainError.self, "\(bad)") { try LocalTime(bad, field: "t") }
        }
    }
}
