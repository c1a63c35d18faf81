/// One line of an itemized invoice. Quantities may be decimal ("1.5" hours).
package struct LineItem: Sendable, Hashable, Codable {
    package enum Discount: Sendable, Hashable, Codable {
        case amount(Money)
        /// Percent of the line, exact ("10" or "12.5").
        case percent(FixedDecimal)
    }

    package var description: String
    package var quantity: FixedDecimal
    package var unitPrice: Money
    package var discount: Discount?
    package var taxable: Bool
    /// What a repair-order line is (labour, part…); nil on lines written without it.
    package var kind: LineKind?
    /// The dealer-management system's operation code, shown beside the description.
    package var opCode: String?
    /// Who did the work.
    package var technician: String?

    package init(description: String, quantity: FixedDecimal, unitPrice: Money, discount: Discount? = nil, taxable: Bool = true,
                kind: LineKind? = nil, opCode: String? = nil, technician: String? = nil) {
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.taxable = taxable
        self.kind = kind
        self.opCode = opCode
        self.technician = technician
    }

    /// A discount line: the one kind of line whose total is negative.
    package var isDiscount: Bool { kind == .discount }

    /// quantity × unit price, rounded half-up to the cent, before the discount.
    package func grossTotal() throws(BillingError) -> Money {
        let product = try Rounding.multiply(quantity.units, unitPrice.minorUnits)
        let units = Rounding.divideHalfUp(product, by: Rounding.powerOfTen(quantity.scale))
        return Money(minorUnits: units, currency: unitPrice.currency)
    }

    /// The discount in money, rounded half-up to the cent.
    package func discountAmount() throws(BillingError) -> Money {
        switch discount {
        case nil: return .zero(unitPrice.currency)
        case .amount(let money): return money
        case .percent(let pct):
            let gross = try grossTotal()
            let product = try Rounding.multiply(gross.minorUnits, pct.units)
            let units = Rounding.divideHalfUp(product, by: Rounding.powerOfTen(pct.scale) * 100)
            return Money(minorUnits: units, currency: unitPrice.currency)
        }
    }

    /// What the line costs: gross total minus its discount.
    package func total() throws(BillingError) -> Money {
        try grossTotal().subtracting(discountAmount())
    }
}
