import Billing

/// Reads amounts and quantities as an export writes them, with the file's one decimal
/// separator: `1 234,50` (spaces or NO-BREAK SPACE between groups of three), `1,234.50` with
/// the other mark as group separator, a leading minus, and a `$` before or after.
package struct AmountReader: Sendable, Hashable {
    package enum DecimalSeparator: String, Sendable, Hashable, Codable {
        case point = "."
        case comma = ","

        var mark: Character { self == .point ? "." : "," }
        var groupMark: Character { self == .point ? "," : "." }
    }

    package var separator: DecimalSeparator

    package init(separator: DecimalSeparator) { self.separator = separator }

    /// The canonical form Billing parses ("-1234.50"), or nil when the text is not a number.
    func canonical(_ raw: String, allowCurrency: Bool) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if allowCurrency {
            if text.hasPrefix("$") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if text.hasSuffix("$") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        }
        var negative = false
        if let first = text.first, first == "-" || first == "\u{2212}" {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: separator.mark, omittingEmptySubsequences: false)
        guard parts.count <= 2, let integer = parts.first else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigitForImport), !(integer.isEmpty && fraction.isEmpty) else { return nil }
        guard let digits = Self.ungrouped(integer, groupMark: separator.groupMark) else { return nil }
        let body = fraction.isEmpty ? digits : "\(digits.isEmpty ? "0" : digits).\(fraction)"
        return negative ? "-" + body : body
    }

    /// "1 234" or "1,234" (the other mark) to "1234"; groups after the first have three digits.
    static func ungrouped(_ integer: Substring, groupMark: Character) -> String? {
        let isGroupMark: (Character) -> Bool = { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == groupMark }
        let groups = integer.split(omittingEmptySubsequences: false, whereSeparator: isGroupMark)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigitForImport) }) else { return nil }
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined()
    }

    package func money(_ raw: String, currency: Currency) -> Result<Money, ImportProblem> {
        guard var text = canonical(raw, allowCurrency: true) else { return .failure(.notAnAmount(raw, separator)) }
        // "1,250" with a decimal comma is 1.25: zeros past the currency's decimals say nothing.
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2 {
            var fraction = parts[1]
            while fraction.count > currency.minorDigits, fraction.hasSuffix("0") { fraction = fraction.dropLast() }
            text = "\(parts[0]).\(fraction)"
        }
        do { return .success(try Money.parse(text, currency: currency, sign: .any)) } catch {
            if case .tooManyDecimals = error { return .failure(.tooManyDecimals(raw, currency.minorDigits)) }
            return .failure(.notAnAmount(raw, separator))
        }
    }

    /// Quantities and hours: positive, at most three decimals.
    package func quantity(_ raw: String) -> Result<FixedDecimal, ImportProblem> {
        guard let text = canonical(raw, allowCurrency: false) else { return .failure(.notANumber(raw, separator)) }
        do {
            let value = try FixedDecimal.parse(text, maxScale: 3)
            return value.isPositive ? .success(value) : .failure(.notPositive(raw))
        } catch {
            if case .tooManyDecimals = error { return .failure(.tooManyDecimals(raw, 3)) }
            return .failure(.notANumber(raw, separator))
        }
    }
}

extension Character {
    var isASCIIDigitForImport: Bool { ("0"..."9").contains(self) }
}

import Foundation
