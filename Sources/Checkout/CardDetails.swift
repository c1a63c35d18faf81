import Foundation

/// The card networks the simulator recognises.
package enum CardBrand: String, Sendable, Hashable, Codable, CaseIterable {
    case visa
    case mastercard
    case amex
    case discover

    /// The name recorded in `PaymentMethod.cardBrand` and shown to people.
    package var displayName: String {
        switch self {
        case .visa: "Visa"
        case .mastercard: "Mastercard"
        case .amex: "American Express"
        case .discover: "Discover"
        }
    }

    /// The security code's length: 4 on American Express, 3 elsewhere.
    package var cvcLength: Int { self == .amex ? 4 : 3 }

    /// Brand by prefix (IIN): Visa 4; Mastercard 51–55 and 2221–2720; Amex 34, 37; Discover 6011, 65.
    package static func detect(digits: String) -> CardBrand? {
        func prefix(_ n: Int) -> Int? { digits.count >= n ? Int(digits.prefix(n)) : nil }
        if digits.hasPrefix("4") { return .visa }
        if let p2 = prefix(2) {
            if (51...55).contains(p2) { return .mastercard }
            if p2 == 34 || p2 == 37 { return .amex }
            if p2 == 65 { return .discover }
        }
        if let p4 = prefix(4) {
            if (2221...2720).contains(p4) { return .mastercard }
            if p4 == 6011 { return .discover }
        }
        return nil
    }
}

/// A card's expiry month and (four-digit) year.
package struct CardExpiry: Sendable, Hashable, Codable, CustomStringConvertible {
    package var month: Int
    package var year: Int

    package init(month: Int, year: Int) {
        self.month = month
        self.year = year
    }

    /// Accepts "MM/YY", "MM / YY", "M/YY", "MM/YYYY", "MM-YY", "MMYY" and "MMYYYY"; two-digit years are 20YY.
    /// The month is not range-checked here (13/30 parses; validation reports it), so the customer
    /// gets "invalid month" rather than "unreadable date".
    package static func parse(_ text: String) -> CardExpiry? {
        let compact = text.filter { !$0.isWhitespace }
        let monthText: Substring
        let yearText: Substring
        if let separator = compact.firstIndex(where: { $0 == "/" || $0 == "-" }) {
            monthText = compact[..<separator]
            yearText = compact[compact.index(after: separator)...]
            guard (1...2).contains(monthText.count) else { return nil }
        } else {
            guard compact.count == 4 || compact.count == 6 else { return nil }
            monthText = compact.prefix(2)
            yearText = compact.dropFirst(2)
        }
        guard yearText.count == 2 || yearText.count == 4,
              monthText.allSatisfy(\.isASCIIDigit), yearText.allSatisfy(\.isASCIIDigit),
              let month = Int(monthText), let year = Int(yearText) else { return nil }
        return CardExpiry(month: month, year: yearText.count == 2 ? 2000 + year : year)
    }

    /// "MM/YY".
    package var description: String {
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let yy = year % 100 < 10 ? "0\(year % 100)" : "\(year % 100)"
        return "\(mm)/\(yy)"
    }

    /// A card is good through the last day of its expiry month, in the calendar's time zone.
    package func isExpired(now: Date, calendar: Calendar) -> Bool {
        let today = calendar.dateComponents([.year, .month], from: now)
        guard let thisYear = today.year, let thisMonth = today.month else { return true }
        return (year, month) < (thisYear, thisMonth)
    }
}

/// What the customer typed into the card form.
///
/// The number and the security code are sensitive: this type is deliberately NOT `Codable`,
/// and its `description`, `debugDescription` and reflection (`dump`, `Mirror`) show only the
/// brand and the last 4 digits, so a stray `print`, log line or `dump` never leaks them.
/// They are not public either: only the simulator in this module reads them.
package struct CardDetails: Sendable {
    /// The number with spaces and dashes removed (other characters kept, so validation can refuse them).
    let number: String
    let cvc: String
    /// nil when the typed expiry could not be read at all.
    package let expiry: CardExpiry?
    /// The cardholder's name as typed.
    package let name: String

    package init(number: String, expiry: CardExpiry?, cvc: String, name: String) {
        self.number = number.filter { $0 != " " && $0 != "-" && $0 != "\u{00A0}" }
        self.expiry = expiry
        self.cvc = cvc.trimmingCharacters(in: .whitespaces)
        self.name = name
    }

    /// Form input: the expiry as typed ("MM/YY", "MM / YY", "MMYY", "MM/YYYY").
    package init(number: String, expiry: String, cvc: String, name: String) {
        self.init(number: number, expiry: CardExpiry.parse(expiry), cvc: cvc, name: name)
    }

    package init(number: String, expiryMonth: Int, expiryYear: Int, cvc: String, name: String) {
        self.init(number: number, expiry: CardExpiry(month: expiryMonth, year: expiryYear < 100 ? 2000 + expiryYear : expiryYear),
                  cvc: cvc, name: name)
    }

    var isAllDigits: Bool { !number.isEmpty && number.allSatisfy(\.isASCIIDigit) }

    /// The brand by prefix, when the number is made of digits.
    package var brand: CardBrand? { isAllDigits ? CardBrand.detect(digits: number) : nil }

    /// The last 4 digits, only when the number looks like a card number (12–19 digits):
    /// a short or garbled entry reveals nothing.
    package var last4: String? {
        guard isAllDigits, (12...19).contains(number.count) else { return nil }
        return String(number.suffix(4))
    }
}

extension CardDetails: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// "Visa •••• 4242", "Card •••• 1234", or "Card ••••" when nothing may be shown.
    package var description: String {
        let brandName = brand?.displayName ?? "Card"
        guard let last4 else { return "\(brandName) ••••" }
        return "\(brandName) •••• \(last4)"
    }

    package var debugDescription: String { "CardDetails(\(description), redacted)" }

    package var customMirror: Mirror {
        Mirror(self, children: [
            "brand": brand?.displayName ?? "unknown",
            "last4": last4 ?? "••••",
            "expiry": expiry?.description ?? "unreadable",
        ], displayStyle: .struct)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// The Luhn (mod 10) checksum over a string of ASCII digits.
package enum Luhn {
    package static func isValid(_ digits: String) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return false }
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            var digit = Int(character.asciiValue! - 48)
            if index % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
