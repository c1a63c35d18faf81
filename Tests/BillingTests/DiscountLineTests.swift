import Testing
@testable import Billing

/// Lines of kind discount: negative, lowering the subtotal and the taxed amount; other lines never negative.
struct DiscountLineTests {
    func money(_ text: String) -> Money { try! Money.parse(text, currency: .cad, sign: .any) }

    func line(_ price: String, kind: LineKind? = nil, taxable: Bool = true) -> LineItem {
        LineItem(description: "x", quantity: .init(units: 1, scale: 0), unitPrice: money(price), taxable: taxable, kind: kind)
    }

    func totals(_ lines: [LineItem]) throws(BillingError) -> InvoiceTotals {
        let invoice = Invoice(reference: try Reference("T-1"), customer: Customer(name: "A", phone: try PhoneNumber("5145550100")),
                              content: .itemized(lines))
        return try invoice.totals(taxes: [InvoiceTotalsTests.gst, InvoiceTotalsTests.qst], currency: .cad)
    }

    @Test func aDiscountLowersTheTaxedSubtotal() throws {
        // 178.50 + 94.99 + 279.00 − 25.00 = 527.49; GST 26.3745 → 26.37; QST 52.6171… → 52.62
        let result = try totals([line("178.50", kind: .labour), line("94.99", kind: .part), line("279.00"), line("-25.00", kind: .discount)])
        #expect(result.lineTotals.last?.minorUnits == -2_500)
        #expect(result.subtotal.minorUnits == 52_749)
        #expect(result.taxableSubtotal.minorUnits == 52_749)
        #expect(result.taxes.map(\.amount.minorUnits) == [2_637, 5_262])
        #expect(result.total.minorUnits == 60_648)
    }

    @Test func aNonTaxableDiscountLeavesTheTaxesAlone() throws {
        let result = try totals([line("100.00"), line("-10.00", kind: .discount, taxable: false)])
        #expect(result.subtotal.minorUnits == 9_000)
        #expect(result.taxableSubtotal.minorUnits == 10_000)
    }

    @Test(arguments: [
        ([("-5.00", LineKind?.some(.part))], BillingError.discountExceedsLine(line: 0)),
        ([("10.00", nil), ("-1.00", nil)], .discountExceedsLine(line: 1)),
        ([("10.00", nil), ("5.00", .discount)], .discountLineNotNegative(line: 1)),
        ([("10.00", nil), ("0.00", .discount)], .discountLineNotNegative(line: 1)),
        ([("10.00", nil), ("-10.01", .discount)], .discountsExceedInvoice),
    ])
    func refused(_ lines: [(String, LineKind?)], _ expected: BillingError) {
        #expect(throws: expected) { try totals(lines.map { line($0.0, kind: $0.1) }) }
    }

    @Test func aTaxableDiscountCannotExceedTheTaxableLines() {
        #expect(throws: BillingError.discountsExceedInvoice) {
            try totals([line("100.00", taxable: false), line("20.00"), line("-30.00", kind: .discount)])
        }
    }

    @Test func aDiscountAsLargeAsTheInvoiceLeavesZero() throws {
        #expect(try totals([line("10.00"), line("-10.00", kind: .discount)]).total.isZero)
    }
}
