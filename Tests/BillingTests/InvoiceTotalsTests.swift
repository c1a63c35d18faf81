import Testing
@testable import Billing

struct InvoiceTotalsTests {
    static let gst = TaxRate(code: "GST", nameFR: "TPS", nameEN: "GST", percent: FixedDecimal(units: 5, scale: 0))
    static let qst = TaxRate(code: "QST", nameFR: "TVQ", nameEN: "QST", percent: FixedDecimal(units: 9_975, scale: 3))

    func money(_ text: String) -> Money { try! Money.parse(text, currency: .cad, sign: .positiveOrZero) }

    func invoice(_ lines: [LineItem]) throws -> Invoice {
        Invoice(reference: try Reference("T-1"), customer: Customer(name: "A", phone: try PhoneNumber("5145550100")),
                content: .itemized(lines))
    }

    @Test(arguments: [
        // quantity, unit price, expected line total (half-up to the cent)
        ("1.5", "95.00", 14_250), ("0.333", "10.00", 333), ("0.335", "10.00", 335), ("2.125", "0.10", 21),
        ("1", "0.01", 1), ("0.5", "0.01", 1), ("0.499", "0.01", 0), ("3", "19.99", 5_997),
    ])
    func decimalQuantitiesRoundHalfUp(quantity: String, price: String, expected: Int64) throws {
        let line = LineItem(description: "x", quantity: try FixedDecimal.parse(quantity, maxScale: 3), unitPrice: money(price))
        #expect(try line.total().minorUnits == expected)
    }

    @Test func quebecTaxesOnTheTaxableSubtotal() throws {
        let lines = [
            LineItem(description: "Labour", quantity: try .parse("1.5", maxScale: 3), unitPrice: money("95.00")),
            LineItem(description: "Pads", quantity: .init(units: 1, scale: 0), unitPrice: money("89.99")),
            LineItem(description: "Eco fee", quantity: .init(units: 1, scale: 0), unitPrice: money("4.00"), taxable: false),
        ]
        let totals = try invoice(lines).totals(taxes: [Self.gst, Self.qst], currency: .cad)
        #expect(totals.subtotal.minorUnits == 23_649)
        #expect(totals.taxableSubtotal.minorUnits == 23_249)
        #expect(totals.taxes.map(\.amount.minorUnits) == [1_162, 2_319]) // 11.6245 → 11.62; 23.1909 → 23.19
        #expect(totals.total.minorUnits == 23_649 + 1_162 + 2_319)
        #expect(totals.total.minorUnits == totals.lineTotals.map(\.minorUnits).reduce(0, +) + totals.taxes.map(\.amount.minorUnits).reduce(0, +))
    }

    @Test func halfCentTaxRoundsUp() throws {
        // 10.10 × 5 % = 0.505 → 0.51
        let lines = [LineItem(description: "x", quantity: .init(units: 1, scale: 0), unitPrice: money("10.10"))]
        #expect(try invoice(lines).totals(taxes: [Self.gst], currency: .cad).taxes[0].amount.minorUnits == 51)
    }

    @Test func discounts() throws {
        let percent = LineItem(description: "x", quantity: .init(units: 2, scale: 0), unitPrice: money("49.95"),
                               discount: .percent(.init(units: 10, scale: 0)))
        #expect(try percent.total().minorUnits == 8_991) // 99.90 − 9.99
        let amount = LineItem(description: "x", quantity: .init(units: 1, scale: 0), unitPrice: money("20.00"), discount: .amount(money("25.00")))
        #expect(throws: BillingError.discountExceedsLine(line: 0)) { try invoice([amount]).totals(taxes: [], currency: .cad) }
    }

    @Test func quickPaymentIsItsOwnTotal() throws {
        let quick = Invoice(reference: try Reference("Q-1"), customer: Customer(name: "A", phone: try PhoneNumber("5145550100")),
                            content: .quick(money("125.00")))
        #expect(try quick.totals(taxes: [Self.gst, Self.qst], currency: .cad).total == money("125.00"))
    }
}
