/// Canadian money formats, done on integers: "1 234,56 $" (fr-CA) and "$1,234.56" (en-CA).
/// French uses NO-BREAK SPACE like Foundation's fr_CA; SMS text replaces it with a plain space.
package enum MoneyFormat {
    package static func format(_ money: Money, _ language: Language) -> String {
        let digits = money.currency.minorDigits
        let magnitude = money.minorUnits.magnitude
        let scale = UInt64(Rounding.powerOfTen(digits))
        let whole = String(magnitude / scale)
        var fraction = String(magnitude % scale)
        fraction = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
        let group = language == .fr ? "\u{00A0}" : ","
        let point = language == .fr ? "," : "."
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0, (whole.count - i) % 3 == 0 { grouped += group }
            grouped.append(ch)
        }
        let number = digits > 0 ? grouped + point + fraction : grouped
        let sign = money.minorUnits < 0 ? "-" : ""
        switch (money.currency.code, language) {
        case ("CAD", .fr): return "\(sign)\(number)\u{00A0}$"
        case ("CAD", .en): return "\(sign)$\(number)"
        case ("USD", .fr): return "\(sign)\(number)\u{00A0}$\u{00A0}US"
        case ("USD", .en): return "\(sign)US$\(number)"
        case ("EUR", .fr): return "\(sign)\(number)\u{00A0}€"
        case ("EUR", .en): return "\(sign)€\(number)"
        default: return language == .fr ? "\(sign)\(number)\u{00A0}\(money.currency.code)" : "\(sign)\(money.currency.code) \(number)"
        }
    }

    /// Neutral form for staff messages and errors: "1234.56 CAD".
    package static func plain(_ money: Money) -> String { "\(money.decimalString) \(money.currency.code)" }
}
