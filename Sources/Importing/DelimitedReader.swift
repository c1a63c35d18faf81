/// Reads delimited text (CSV, semicolons, tabs) into rows that know their line numbers.
///
/// Our own reader because neither packaged one can say where a record is: yaslab/CSV.swift and
/// SwiftCSV report no line numbers, and both silently accept an unterminated quote (the rest of
/// the file becomes one field); errors here must name the line, and a broken file must not
/// import half its rows. Handles CRLF, LF and lone CR, quoted fields with delimiters, doubled
/// quotes and line breaks inside, spaces around quotes, blank lines and an Excel `sep=;` line.
struct DelimitedReader: Sendable {
    var delimiter: Unicode.Scalar

    private static let quote: Unicode.Scalar = "\""

    func read(_ text: String) -> DelimitedTable {
        let s = Array(text.unicodeScalars)
        var table = DelimitedTable(delimiter: delimiter)
        var i = 0, line = 1, column = 1
        if let found = Self.separatorLine(s) {
            table.delimiter = found.separator
            table.hasSeparatorLine = true
            i = found.next
            line = 2
        }
        let delimiter = table.delimiter
        func isBreak(_ c: Unicode.Scalar) -> Bool { c == "\n" || c == "\r" }
        func isPad(_ c: Unicode.Scalar) -> Bool { c == " " || (c == "\t" && delimiter != "\t") }
        /// Steps over one line break (CR LF counts once).
        func skipBreak() {
            if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 2 } else { i += 1 }
            line += 1
            column = 1
        }
        var fields: [String] = []
        var problems: [DelimitedRow.Problem] = []
        var rowLine = line
        func finishRow() {
            table.append(DelimitedRow(fields: fields, line: rowLine, lastLine: line, problems: problems))
            fields = []
            problems = []
        }
        while i < s.count {
            var field = String.UnicodeScalarView()
            var lookahead = i
            while lookahead < s.count, isPad(s[lookahead]) { lookahead += 1 }
            if lookahead < s.count, s[lookahead] == Self.quote {
                column += lookahead - i
                let openLine = line, openColumn = column
                i = lookahead + 1
                column += 1
                var closed = false
                while i < s.count {
                    let c = s[i]
                    if c == Self.quote {
                        if i + 1 < s.count, s[i + 1] == Self.quote {
                            field.append(Self.quote)
                            i += 2
                            column += 2
                            continue
                        }
                        i += 1
                        column += 1
                        closed = true
                        break
                    }
                    if isBreak(c) {
                        skipBreak()
                        field.append("\n")
                        continue
                    }
                    field.append(c)
                    i += 1
                    column += 1
                }
                guard closed else {
                    table.unterminatedQuote = (openLine, openColumn)
                    return table
                }
                let closedAt = i
                while i < s.count, isPad(s[i]) { i += 1; column += 1 }
                if i < s.count, s[i] != delimiter, !isBreak(s[i]) {
                    problems.append(.textAfterQuote(line: line, column: column))
                    // Kept as written (spaces too): the row is refused, its text shown as it was.
                    field.append(contentsOf: s[closedAt..<i])
                    while i < s.count, s[i] != delimiter, !isBreak(s[i]) { field.append(s[i]); i += 1; column += 1 }
                }
            } else {
                while i < s.count, s[i] != delimiter, !isBreak(s[i]) { field.append(s[i]); i += 1; column += 1 }
            }
            fields.append(String(field))
            if i < s.count, s[i] == delimiter {
                i += 1
                column += 1
                if i == s.count {
                    fields.append("")
                    finishRow()
                }
                continue
            }
            finishRow()
            if i < s.count { skipBreak() }
            rowLine = line
        }
        return table
    }

    /// Excel's first line `sep=;` names the delimiter: the delimiter and where the next line starts.
    static func separatorLine(_ s: [Unicode.Scalar]) -> (separator: Unicode.Scalar, next: Int)? {
        guard s.count >= 5, String(String.UnicodeScalarView(s[0..<4])).lowercased() == "sep=" else { return nil }
        let separator = s[4]
        guard separator != "\n", separator != "\r" else { return nil }
        var i = 5
        if i < s.count, s[i] == separator { i += 1 }
        guard i == s.count || s[i] == "\n" || s[i] == "\r" else { return nil }
        if i < s.count { i += (s[i] == "\r" && i + 1 < s.count && s[i + 1] == "\n") ? 2 : 1 }
        return (separator, i)
    }
}
