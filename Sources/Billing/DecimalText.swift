/// Exact parsing of human-written decimal numbers: "125", "125.00", "125,00", "1 234,56", "1,234.56".
enum DecimalText {
    struct Parsed {
        var units: Int64
        var fractionDigits: Int
    }

    static func parse(_ raw: String, maxFractionDigits: Int) throws(BillingError) -> Parsed {
        // Spaces of every kind are group separators ("1 234,56" from French formatting).
        var text = String(raw.unicodeScalars.filter { !($0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "\t") })
        guard !text.isEmpty else { throw .invalidNumber(raw, "is empty") }
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        let separators = text.enumerated().filter { $0.element == "." || $0.element == "," }
        var integerPart = text
        var fractionPart = ""
        if let last = separators.last {
            let lastIndex = text.index(text.startIndex, offsetBy: last.offset)
            let kinds = Set(separators.map(\.element))
            let afterLast = text[text.index(after: lastIndex)...]
            if kinds.count == 2 || separators.count == 1 {
                // With both kinds ("1,234.56") the last one is the decimal point; with one ("125,00") it is too.
                integerPart = String(text[..<lastIndex])
                fractionPart = String(afterLast)
                if kinds.count == 2 {
                    let groupMark = last.element == "." ? Character(",") : Character(".")
                    guard !integerPart.contains(last.element) else { throw .invalidNumber(raw, "has a misplaced separator") }
                    integerPart.removeAll { $0 == groupMark }
                }
            } else {
                throw .invalidNumber(raw, "has more than one decimal separator")
            }
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty,
              integerPart.allSatisfy(\.isASCIIDigit), fractionPart.allSatisfy(\.isASCIIDigit) else {
            throw .invalidNumber(raw, "is not a number")
        }
        guard fractionPart.count <= maxFractionDigits else {
            throw .tooManyDecimals(raw, maxFractionDigits)
        }
        var units: Int64 = 0
        for ch in (integerPart + fractionPart) {
            let (m, o1) = units.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(ch.asciiValue! - 48))
            guard !o1, !o2 else { throw .overflow }
            units = s
        }
        return Parsed(units: negative ? -units : units, fractionDigits: fractionPart.count)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
