/// What the processor keeps of one payment: a percentage plus a fixed amount, e.g. 2.9 % + 0.30.
public struct ProcessorFee: Sendable, Hashable {
    /// Percent, exact: "2.9" is units 29, scale 1.
    public var percent: FixedDecimal
    public var fixed: Money

    public init(percent: FixedDecimal, fixed: Money) {
        self.percent = percent
        self.fixed = fixed
    }

    public static func zero(_ currency: Currency) -> ProcessorFee {
        ProcessorFee(percent: FixedDecimal(units: 0, scale: 0), fixed: .zero(currency))
    }

    /// The fee on `amount`: the percentage part rounded half-up to the cent, plus the fixed part.
    public func charge(on amount: Money) throws(BillingError) -> FeeCharge {
        guard amount.currency == fixed.currency else { throw .currencyMismatch(amount.currency.code, fixed.currency.code) }
        let product = try Rounding.multiply(amount.minorUnits, percent.units)
        let percentPart = Rounding.divideHalfUp(product, by: Rounding.powerOfTen(percent.scale) * 100)
        return FeeCharge(percentPart: Money(minorUnits: percentPart, currency: amount.currency), fixedPart: fixed)
    }
}

/// A fee as charged on one payment, in its two parts: only the percentage part may ever be
/// returned on a refund.
public struct FeeCharge: Sendable, Hashable, Codable {
    public var percentPart: Money
    public var fixedPart: Money

    public init(percentPart: Money, fixedPart: Money) {
        self.percentPart = percentPart
        self.fixedPart = fixedPart
    }

    public var total: Money { Money(minorUnits: percentPart.minorUnits + fixedPart.minorUnits, currency: percentPart.currency) }
}
