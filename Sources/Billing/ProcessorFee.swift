/// What the processor keeps of one payment: a percentage plus a fixed amount, e.g. 2.9 % + 0.30.
package struct ProcessorFee: Sendable, Hashable {
    /// Percent, exact: "2.9" is units 29, scale 1.
    package var percent: FixedDecimal
    package var fixed: Money

    package init(percent: FixedDecimal, fixed: Money) {
        self.percent = percent
        self.fixed = fixed
    }

    package static func zero(_ currency: Currency) -> ProcessorFee {
        ProcessorFee(percent: FixedDecimal(units: 0, scale: 0), fixed: .zero(currency))
    }

    /// The fee on `amount`: the percentage part rounded half-up to the cent, plus the fixed part.
    package func charge(on amount: Money) throws(BillingError) -> FeeCharge {
        guard amount.currency == fixed.currency else { throw .currencyMismatch(amount.currency.code, fixed.currency.code) }
        let product = try Rounding.multiply(amount.minorUnits, percent.units)
        let percentPart = Rounding.divideHalfUp(product, by: Rounding.powerOfTen(percent.scale) * 100)
        return FeeCharge(percentPart: Money(minorUnits: percentPart, currency: amount.currency), fixedPart: fixed)
    }
}

/// A fee as charged on one payment, in its two parts: only the percentage part may ever be
/// returned on a refund.
package struct FeeCharge: Sendable, Hashable, Codable {
    package var percentPart: Money
    package var fixedPart: Money

    package init(percentPart: Money, fixedPart: Money) {
        self.percentPart = percentPart
        self.fixedPart = fixedPart
    }

    package var total: Money { Money(minorUnits: percentPart.minorUnits + fixedPart.minorUnits, currency: percentPart.currency) }
}
