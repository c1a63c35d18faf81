import Foundation
import Billing

/// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), one header
/// row, amounts as plain decimals. With `;` (the list separator of French-Canadian
/// spreadsheets, whose decimal mark is the comma) amounts take a decimal comma.
struct CSVWriter {
    var separator: Character

    func amount(_ money: Money) -> String {
        separator == ";" ? money.decimalString.replacingOccurrences(of: ".", with: ",") : money.decimalString
    }

    func render(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map(field).joined(separator: String(separator)) }.joined(separator: "\n")
    }

    private func field(_ text: String) -> String {
        text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"\(text.replacingOccurrences(of: "\"", with: "\"\""))\"" : text
    }
}
