/// An amount of money in integer minor units (cents). No floating point ever touches it.
package struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    package let minorUnits: Int64
    package let currency: Currency

    package init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    package static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    package var isZero: Bool { minorUnits == 0 }
    package var isPositive: Bool { minorUnits > 0 }

    package static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing money in different currencies")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// Checked addition: overflow and mixed currencies are errors, not traps.
    package func adding(_ other: Money) throws(BillingError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency.code, other.currency.code) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    package func subtracting(_ other: Money) throws(BillingError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency.code, other.currency.code) }
        let (diff, overflow) = minorUnits.subtractingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(minorUnits: diff, currency: currency)
    }

    /// Plain decimal form with a dot, as stored in records: "1234.56".
    package var decimalString: String {
        let digits = currency.minorDigits
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        guard digits > 0 else { return sign + String(magnitude) }
        let scale = UInt64(currency.scale)
        let fraction = String(magnitude % scale)
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        return "\(sign)\(magnitude / scale).\(padded)"
    }

    package var description: String { "\(decimalString) \(currency.code)" }
}

extension Sequence where Element == Money {
    /// The checked sum of amounts in one currency.
    package func sum(in currency: Currency) throws(BillingError) -> Money {
        var total = Money.zero(currency)
        for amount in self { total = try total.adding(amount) }
        return total
    }
}
