/// A sales tax from the business settings (GST 5 %, QST 9.975 %), with its registration number.
package struct TaxRate: Sendable, Hashable, Codable {
    package var code: String
    package var nameFR: String
    package var nameEN: String
    /// Percent, exact: "9.975" is units 9975, scale 3.
    package var percent: FixedDecimal
    package var registrationNumber: String?

    package init(code: String, nameFR: String, nameEN: String, percent: FixedDecimal, registrationNumber: String? = nil) {
        self.code = code
        self.nameFR = nameFR
        self.nameEN = nameEN
        self.percent = percent
        self.registrationNumber = registrationNumber
    }

    package func name(_ language: Language) -> String { language == .fr ? nameFR : nameEN }

    /// The tax on a taxable subtotal, rounded half-up to the minor unit.
    package func tax(on subtotal: Money) throws(BillingError) -> Money {
        let denominator = Rounding.powerOfTen(percent.scale) * 100
        let product = try Rounding.multiply(subtotal.minorUnits, percent.units)
        return Money(minorUnits: Rounding.divideHalfUp(product, by: denominator), currency: subtotal.currency)
    }
}
