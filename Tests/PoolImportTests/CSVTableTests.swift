import Foundation
import Testing
@testable import PoolImport

@Suite struct CSVTableTests {
    @Test func records_carry_the_physical_line_they_start_on_across_line_endings_and_quoted_newlines() {
        // BOM, CRLF, a quoted field over two lines (LF inside), a blank line, a CR-only line end, a trailing empty line.
        let text = "\u{FEFF}name,note\r\nAda,\"one\ntwo\"\r\n\r\nBob,\"say \"\"hi\"\"\"\rCy,plain\nDee,\"a\r\nb\"\n,\n"
        let table = CSVTable(data: Data(text.utf8))
        #expect(table.header == ["name", "note"])
        #expect(table.rows.map(\.line) == [2, 5, 6, 7])
        #expect(table.rows[0].fields == ["Ada", "one\ntwo"])
        #expect(table.rows[1].fields == ["Bob", "say \"hi\""])
        #expect(table.rows[2].fields == ["Cy", "plain"])
        #expect(table.rows[3].fields == ["Dee", "a\r\nb"])
        #expect(table.problems.isEmpty)
    }

    @Test func short_rows_are_padded_and_long_rows_are_problems_naming_the_counts() {
        let table = CSVTable(data: Data("a,b,c\n1\n1,2,3,4\n1,2,3,,\n".utf8))
        #expect(table.rows.map(\.fields) == [["1", "", ""], ["1", "2", "3"]])
        #expect(table.rows.map(\.line) == [2, 4])
        #expect(table.problems == [CSVTable.Problem(line: 3, message: "line 3: this row has 4 fields but the header has 3; a value that holds a comma must be in double quotes")])
    }

    @Test func an_unterminated_quote_names_the_line_it_opens_on() {
        let table = CSVTable(data: Data("a,b\n1,2\n3,\"never\n4,5\n".utf8))
        #expect(table.rows.map(\.line) == [2])
        #expect(table.problems.map(\.line) == [3])
        #expect(table.problems.first?.message.hasPrefix("line 3: a quoted field is never closed") == true)
    }

    @Test func bytes_that_are_not_utf8_name_their_line_and_spare_the_others() {
        var data = Data("name,city\nAda,London\nBob,Paris\n".utf8)
        data.append(contentsOf: Array("Zoë,".utf8))
        data.append(contentsOf: [0x4D, 0xFC, 0x6E, 0x0A])   // "Mün" in Latin-1
        data.append(contentsOf: Array("Cy,Rome\n".utf8))
        let table = CSVTable(data: data)
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.problems.map(\.message) == ["line 4: not UTF-8 text; save the file as UTF-8"])
    }

    @Test func a_header_that_is_not_utf8_is_reported_and_still_used() {
        var data = Data("name,".utf8)
        data.append(contentsOf: [0x63, 0x69, 0x74, 0xE9, 0x0A])   // "cité" in Latin-1
        data.append(contentsOf: Array("Ada,London\n".utf8))
        let table = CSVTable(data: data)
        #expect(table.header.first == "name")
        #expect(table.rows.map(\.fields) == [["Ada", "London"]])
        #expect(table.problems.map(\.line) == [1])
    }

    @Test func a_semicolon_separated_file_is_recognised_from_its_header() {
        let table = CSVTable(data: Data("full_name;email;skills\nAda;ada@example.com;\"python; django\"\n".utf8))
        #expect(table.delimiter == UInt8(ascii: ";"))
        #expect(table.rows.first?.fields == ["Ada", "ada@example.com", "python; django"])
        #expect(CSVTable(data: Data("a,b;c\n1,2;3\n".utf8)).delimiter == UInt8(ascii: ","))
    }
}
