/// The columns of a repair-order line, by their `ro-csv` header names.
package enum ImportColumn: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case roNumber = "ro_number"
    case date
    case customerName = "customer_name"
    case phone
    case email
    case language
    case kind
    case opCode = "op_code"
    case description
    case quantity
    case unitPrice = "unit_price"
    case taxable
    case technician

    /// Without these a line cannot become an invoice line.
    package static let required: [ImportColumn] = [.roNumber, .customerName, .phone, .description, .unitPrice]

    /// Columns that describe the repair order, not the line: every line of an RO must agree.
    static let orderLevel: [ImportColumn] = [.date, .customerName, .phone, .email, .language]

    package var description: String { rawValue }

    /// Header text as people write it: case, spaces, hyphens and underscores do not matter.
    package static func normalized(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\u{00A0}" }).joined(separator: "_")
    }
}

import Foundation
