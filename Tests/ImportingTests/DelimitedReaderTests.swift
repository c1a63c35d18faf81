import Testing
@testable import Importing

struct DelimitedReaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var delimiter: Unicode.Scalar = ","
        var rows: [[String]]
        var lines: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "CRLF", text: "a,b\r\nc,d\r\n", rows: [["a", "b"], ["c", "d"]], lines: [1, 2]),
        Case(name: "no final line break", text: "a,b\nc,d", rows: [["a", "b"], ["c", "d"]], lines: [1, 2]),
        Case(name: "lone CR", text: "a\rb\r", rows: [["a"], ["b"]], lines: [1, 2]),
        Case(name: "delimiter in quotes", text: "\"Pads, front\",94.99", rows: [["Pads, front", "94.99"]], lines: [1]),
        Case(name: "doubled quotes", text: "\"12\"\" wheel\",\"\"\"x\"\"\"", rows: [["12\" wheel", "\"x\""]], lines: [1]),
        Case(name: "line breaks in quotes count", text: "\"a\nb\r\nc\",x\nd,e\n", rows: [["a\nb\nc", "x"], ["d", "e"]], lines: [1, 4]),
        Case(name: "trailing empty columns", text: "a,b,,\nc,d,,\n", rows: [["a", "b", "", ""], ["c", "d", "", ""]], lines: [1, 2]),
        Case(name: "a delimiter ends the file", text: "a,", rows: [["a", ""]], lines: [1]),
        Case(name: "blank lines and empty rows", text: "a\n\n,,\n  \nb\n", rows: [["a"], ["b"]], lines: [1, 5]),
        Case(name: "Excel's sep= line", text: "sep=;\r\na;b\r\n", rows: [["a", "b"]], lines: [2]),
        Case(name: "sep= with its delimiter repeated", text: "sep=;;\na;b", rows: [["a", "b"]], lines: [2]),
        Case(name: "spaces around a quoted field", text: "  \"a\" ,b", rows: [["a", "b"]], lines: [1]),
        Case(name: "a quote inside an unquoted field", text: "12\" wheel,x", rows: [["12\" wheel", "x"]], lines: [1]),
        Case(name: "semicolons", text: "1 234,50;x", delimiter: ";", rows: [["1 234,50", "x"]], lines: [1]),
        Case(name: "tabs keep spaces", text: "a b\t c\n", delimiter: "\t", rows: [["a b", " c"]], lines: [1]),
        Case(name: "empty quoted field", text: "\"\",x", rows: [["", "x"]], lines: [1]),
    ]

    @Test(arguments: cases)
    func reads(_ c: Case) {
        let table = DelimitedReader(delimiter: c.delimiter).read(c.text)
        #expect(table.rows.map(\.fields) == c.rows)
        #expect(table.rows.map(\.line) == c.lines)
        #expect(table.unterminatedQuote == nil)
        #expect(table.rows.allSatisfy { $0.problems.isEmpty })
    }

    @Test func sepLineSetsTheDelimiter() {
        let table = DelimitedReader(delimiter: ",").read("sep=;\na;b,c\n")
        #expect(table.hasSeparatorLine)
        #expect(table.delimiter == ";")
        #expect(table.rows.map(\.fields) == [["a", "b,c"]])
    }

    @Test func aSepLookalikeIsData() {
        #expect(DelimitedReader(delimiter: ",").read("sep=;x\n").rows.map(\.fields) == [["sep=;x"]])
    }

    @Test func textAfterAClosingQuoteIsAProblemAtItsPlace() {
        let table = DelimitedReader(delimiter: ",").read("x\n\"Pads\" front,1\n")
        #expect(table.rows[1].problems == [.textAfterQuote(line: 2, column: 8)])
        #expect(table.rows[1].fields == ["Pads front", "1"])
    }

    @Test func anUnterminatedQuoteStopsTheFileWhereItOpens() {
        let table = DelimitedReader(delimiter: ",").read("a,b\nc,\"d\ne,f\n")
        #expect(table.unterminatedQuote?.line == 2)
        #expect(table.unterminatedQuote?.column == 3)
        #expect(table.rows.map(\.fields) == [["a", "b"]])
    }

    @Test func aMultiLineRowKnowsItsLastLine() {
        let row = DelimitedReader(delimiter: ",").read("x\n\"a\nb\nc\",d\n").rows[1]
        #expect(row.line == 2)
        #expect(row.lastLine == 4)
    }
}
