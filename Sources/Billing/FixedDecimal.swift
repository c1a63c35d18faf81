/// A decimal number held exactly as an integer and a scale (digits after the point).
/// Used for quantities ("1.5" hours) and tax rates ("9.975" %), never for Double.
package struct FixedDecimal: Sendable, Hashable, Codable, CustomStringConvertible {
    package let units: Int64
    package let scale: Int

    package init(units: Int64, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses "1", "1.5", "1,5", "-2.25" with at most `maxScale` decimals.
    package static func parse(_ text: String, maxScale: Int) throws(BillingError) -> FixedDecimal {
        let parsed = try DecimalText.parse(text, maxFractionDigits: maxScale)
        return FixedDecimal(units: parsed.units, scale: parsed.fractionDigits)
    }

    package var isPositive: Bool { units > 0 }

    package var description: String {
        guard scale > 0 else { return String(units) }
        let sign = units < 0 ? "-" : ""
        var p: UInt64 = 1
        for _ in 0..<scale { p *= 10 }
        let m = units.magnitude
        var fraction = String(m % p)
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(m / p)" : "\(sign)\(m / p).\(fraction)"
    }
}

extension FixedDecimal {
    /// Compares with a whole number exactly (rates under 100 %, discounts up to 100 %).
    package func isBelow(_ whole: Int64) -> Bool { units < whole * Rounding.powerOfTen(scale) }

    package func isAbove(_ whole: Int64) -> Bool { units > whole * Rounding.powerOfTen(scale) }
}
