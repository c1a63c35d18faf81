extension Money {
    /// What a parsed amount may be; most amounts (prices, payments, refunds) must be positive.
    package enum Sign: Sendable {
        case positive
        case positiveOrZero
        case any
    }

    /// Parses a decimal string exactly ("125", "125.00", "125,00", "1 234,56").
    /// More decimals than the currency has, a wrong sign and overflow are errors.
    package static func parse(_ text: String, currency: Currency, sign: Sign = .positive) throws(BillingError) -> Money {
        let parsed = try DecimalText.parse(text, maxFractionDigits: currency.minorDigits)
        var units = parsed.units
        for _ in parsed.fractionDigits..<currency.minorDigits {
            let (m, overflow) = units.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw .overflow }
            units = m
        }
        switch sign {
        case .positive where units <= 0: throw .notPositive(text)
        case .positiveOrZero where units < 0: throw .negative(text)
        default: break
        }
        return Money(minorUnits: units, currency: currency)
    }
}
