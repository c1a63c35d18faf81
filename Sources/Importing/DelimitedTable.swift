/// One record of delimited text: its fields and the lines it spans.
struct DelimitedRow: Sendable, Hashable {
    enum Problem: Sendable, Hashable {
        /// `"abc"x`: text after a closing quote (kept, appended to the field).
        case textAfterQuote(line: Int, column: Int)
    }

    var fields: [String]
    /// The line the record starts on (1-based) and the one it ends on.
    var line: Int
    var lastLine: Int
    var problems: [Problem] = []

    /// A line with nothing but delimiters and spaces.
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }
}

/// The rows of a delimited file, blank lines left out.
struct DelimitedTable: Sendable {
    var delimiter: Unicode.Scalar
    /// The file started with Excel's `sep=` line, which set `delimiter`.
    var hasSeparatorLine = false
    var rows: [DelimitedRow] = []
    /// Where a quote opened that never closes: the rest of the file cannot be split into rows.
    var unterminatedQuote: (line: Int, column: Int)?

    init(delimiter: Unicode.Scalar) { self.delimiter = delimiter }

    mutating func append(_ row: DelimitedRow) {
        if !row.isBlank || !row.problems.isEmpty { rows.append(row) }
    }
}
