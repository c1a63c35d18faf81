import Billing
import Foundation
import Store

/// A JSON mapping file for another system's export (docs/IMPORT.md): which column is which, by
/// header or by position, the delimiter, the decimal separator, the date format, the encoding.
package enum MappingFile {
    struct Record: Decodable {
        var name: String?
        var delimiter: String
        var decimalSeparator: String
        var dateFormat: String?
        var encoding: String?
        var headerRows: Int?
        var columns: [String: Column]
        var kinds: [String: String]?
        var taxable: [String: Bool]?
    }

    enum Column: Decodable {
        case header(String)
        case position(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let position = try? container.decode(Int.self) { self = .position(position); return }
            if let header = try? container.decode(String.self) { self = .header(header); return }
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "must be a header name (text) or a column position (1 is the first)"))
        }
    }

    /// The layout a mapping file describes; every problem at once, each with its JSON path.
    package static func layout(_ data: Data, file: String) throws(RecordErrors) -> ImportLayout {
        let record: Record
        do { record = try RecordDecoder().decode(Record.self, from: data, file: file) } catch { throw RecordErrors([error]) }
        var errors: [RecordError] = []
        func fail(_ path: String, _ problem: String) { errors.append(RecordError(file: file, path: path, problem: problem)) }

        var delimiter: Unicode.Scalar = ","
        let delimiterText = record.delimiter.lowercased() == "tab" ? "\t" : record.delimiter
        if delimiterText.unicodeScalars.count == 1, let scalar = delimiterText.unicodeScalars.first,
           scalar != "\"", scalar != "\n", scalar != "\r" {
            delimiter = scalar
        } else {
            fail("delimiter", "\"\(record.delimiter)\" must be one character, such as \",\", \";\" or \"tab\"")
        }
        let separator = AmountReader.DecimalSeparator(rawValue: record.decimalSeparator)
        if separator == nil { fail("decimalSeparator", "\"\(record.decimalSeparator)\" must be \".\" or \",\"") }
        let pattern = DatePattern(validated: record.dateFormat ?? DatePattern.iso.description)
        if pattern == nil { fail("dateFormat", "\"\(record.dateFormat ?? "")\" needs YYYY, MM (or M) and DD (or D) once each, e.g. \"DD/MM/YYYY\"") }
        var encoding: ImportEncoding?
        if let name = record.encoding {
            encoding = ImportEncoding(name: name)
            if encoding == nil { fail("encoding", "\"\(name)\" must be \(ImportEncoding.allCases.map(\.rawValue).joined(separator: ", "))") }
        }
        let headerRows = record.headerRows ?? 1
        if !(0...20).contains(headerRows) { fail("headerRows", "must be from 0 to 20") }

        var columns: [ImportColumn: ColumnSource] = [:]
        var meta: [String: ColumnSource] = [:]
        for key in record.columns.keys.sorted() {
            let path = "columns.\(key)"
            let source: ColumnSource
            switch record.columns[key]! {
            case .position(let position):
                guard position >= 1 else { fail(path, "\(position) is not a column position (1 is the first)"); continue }
                source = .position(position)
            case .header(let header):
                guard !header.trimmingCharacters(in: .whitespaces).isEmpty else { fail(path, "must not be empty"); continue }
                if headerRows == 0 { fail(path, "\"\(header)\" is a header name, but \"headerRows\" is 0: give its position") }
                source = .header(header)
            }
            if let column = ImportColumn(rawValue: key) {
                columns[column] = source
            } else if key.hasPrefix("meta_"), key.count > 5 {
                meta[String(key.dropFirst(5))] = source
            } else {
                fail(path, "is not a column (\(ImportColumn.allCases.map(\.rawValue).joined(separator: ", ")), or meta_<name>)")
            }
        }
        for column in ImportColumn.required where record.columns[column.rawValue] == nil {
            fail("columns.\(column.rawValue)", "is required")
        }
        for (word, kind) in (record.kinds ?? [:]).sorted(by: { $0.key < $1.key }) where LineKind(rawValue: kind) == nil {
            fail("kinds.\(word)", "\"\(kind)\" must be \(LineKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let name = record.name, name.trimmingCharacters(in: .whitespaces).isEmpty { fail("name", "must not be empty") }
        guard errors.isEmpty, let separator, let pattern else { throw RecordErrors(errors) }
        return ImportLayout(name: record.name ?? "mapping", delimiter: delimiter, decimalSeparator: separator, dateFormat: pattern,
                            encoding: encoding, headerRows: headerRows, columns: columns, metaColumns: meta,
                            kindWords: record.kinds ?? [:], taxableWords: record.taxable ?? [:])
    }
}
