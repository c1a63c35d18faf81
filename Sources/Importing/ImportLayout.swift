import Billing

/// How to read one kind of export: its delimiter, decimal separator, date format, encoding
/// and where each column is. `ro-csv` is one; a mapping file describes another.
package struct ImportLayout: Sendable, Hashable {
    /// `ro-csv`, or the mapping's name: written as the records' `source`.
    package var name: String
    package var delimiter: Unicode.Scalar
    package var amounts: AmountReader
    package var dateFormat: DatePattern
    /// nil: decided from the bytes.
    package var encoding: ImportEncoding?
    /// Rows before the first line of data (the header is the last of them).
    package var headerRows: Int
    package var columns: [ImportColumn: ColumnSource]
    /// `customer.meta` keys and their columns (`vehicle` from `meta_vehicle`).
    package var metaColumns: [String: ColumnSource]
    /// Header columns named `meta_<key>` fill `customer.meta.<key>`, and columns other than the
    /// required ones may be absent (ro-csv). A mapping's columns must all be in the file.
    package var metaFromHeader: Bool
    /// The file's words for line kinds and for taxable, by their normalized form.
    package var kindWords: [String: LineKind]
    package var taxableWords: [String: Bool]

    package init(name: String, delimiter: Unicode.Scalar, decimalSeparator: AmountReader.DecimalSeparator, dateFormat: DatePattern,
                encoding: ImportEncoding? = nil, headerRows: Int = 1, columns: [ImportColumn: ColumnSource],
                metaColumns: [String: ColumnSource] = [:], metaFromHeader: Bool = false,
                kindWords: [String: String] = [:], taxableWords: [String: Bool] = [:]) {
        self.name = name
        self.delimiter = delimiter
        self.amounts = AmountReader(separator: decimalSeparator)
        self.dateFormat = dateFormat
        self.encoding = encoding
        self.headerRows = headerRows
        self.columns = columns
        self.metaColumns = metaColumns
        self.metaFromHeader = metaFromHeader
        var kinds = Self.standardKinds
        for (word, kind) in kindWords { if let kind = LineKind(rawValue: kind) { kinds[Self.word(word)] = kind } }
        self.kindWords = kinds
        var taxable = Self.standardTaxable
        for (word, value) in taxableWords { taxable[Self.word(word)] = value }
        self.taxableWords = taxable
    }

    /// The layout documented in docs/IMPORT.md: a header with the column names, commas,
    /// decimal point, ISO dates.
    package static let roCSV = ImportLayout(
        name: "ro-csv", delimiter: ",", decimalSeparator: .point, dateFormat: .iso,
        columns: Dictionary(uniqueKeysWithValues: ImportColumn.allCases.map { ($0, ColumnSource.header($0.rawValue)) }),
        metaFromHeader: true)

    static let standardKinds: [String: LineKind] = {
        var words: [String: LineKind] = [:]
        for kind in LineKind.allCases { words[kind.rawValue] = kind }
        words["labor"] = .labour
        words["parts"] = .part
        words["fees"] = .fee
        return words
    }()

    static let standardTaxable: [String: Bool] = [
        "yes": true, "y": true, "true": true, "1": true, "oui": true, "o": true, "t": true,
        "no": false, "n": false, "false": false, "0": false, "non": false, "f": false,
    ]

    /// Values compare without case and surrounding spaces.
    static func word(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }

    package var knownKinds: [String] { LineKind.allCases.map(\.rawValue) }
}

import Foundation
