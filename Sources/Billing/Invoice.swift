/// A payment request as the business wrote it: a quick payment (an amount) or itemized lines.
public struct Invoice: Sendable, Hashable, Codable {
    public enum Content: Sendable, Hashable, Codable {
        case quick(Money)
        case itemized([LineItem])
    }

    public var reference: Reference
    public var customer: Customer
    public var appointmentMeta: [String: String]
    public var content: Content
    public var notes: String?
    public var issued: CalendarDate?
    public var due: CalendarDate?
    /// "manual", or the name of the importer that produced the record.
    public var source: String

    public init(reference: Reference, customer: Customer, appointmentMeta: [String: String] = [:], content: Content,
                notes: String? = nil, issued: CalendarDate? = nil, due: CalendarDate? = nil, source: String = "manual") {
        self.reference = reference
        self.customer = customer
        self.appointmentMeta = appointmentMeta
        self.content = content
        self.notes = notes
        self.issued = issued
        self.due = due
        self.source = source
    }

    public var lines: [LineItem] {
        if case .itemized(let lines) = content { return lines }
        return []
    }

    public var isItemized: Bool { !lines.isEmpty }

    /// Totals with the business's taxes: each line rounded, then each tax on the taxable subtotal.
    /// A quick payment's amount is its total: taxes, if any, are already in it.
    public func totals(taxes: [TaxRate], currency: Currency) throws(BillingError) -> InvoiceTotals {
        switch content {
        case .quick(let amount):
            return InvoiceTotals(lineTotals: [], subtotal: amount, taxableSubtotal: .zero(currency), taxes: [], total: amount)
        case .itemized(let lines):
            guard !lines.isEmpty else { throw .emptyInvoice }
            var lineTotals: [Money] = []
            for (index, line) in lines.enumerated() {
                let total = try line.total()
                if line.isDiscount {
                    guard total.minorUnits < 0 else { throw .discountLineNotNegative(line: index) }
                } else {
                    guard total.minorUnits >= 0 else { throw .discountExceedsLine(line: index) }
                }
                lineTotals.append(total)
            }
            let subtotal = try lineTotals.sum(in: currency)
            let taxableSubtotal = try zip(lines, lineTotals).filter { $0.0.taxable }.map(\.1).sum(in: currency)
            // Discount lines lower the subtotal and, when taxable, the taxed amount: never below zero.
            guard subtotal.minorUnits >= 0, taxableSubtotal.minorUnits >= 0 else { throw .discountsExceedInvoice }
            var taxAmounts: [InvoiceTotals.TaxAmount] = []
            for rate in taxes {
                taxAmounts.append(.init(rate: rate, amount: try rate.tax(on: taxableSubtotal)))
            }
            let total = try subtotal.adding(try taxAmounts.map(\.amount).sum(in: currency))
            return InvoiceTotals(lineTotals: lineTotals, subtotal: subtotal, taxableSubtotal: taxableSubtotal,
                                 taxes: taxAmounts, total: total)
        }
    }
}

/// The computed amounts of an invoice; they always add up to the cent.
public struct InvoiceTotals: Sendable, Hashable, Codable {
    public struct TaxAmount: Sendable, Hashable, Codable {
        public var rate: TaxRate
        public var amount: Money
    }

    public var lineTotals: [Money]
    public var subtotal: Money
    public var taxableSubtotal: Money
    public var taxes: [TaxAmount]
    public var total: Money
}

/// What was paid, frozen: the invoice and its totals at the moment of payment.
public struct InvoiceSnapshot: Sendable, Hashable, Codable {
    public var invoice: Invoice
    public var totals: InvoiceTotals
    /// The business the request belonged to, so a receipt survives its record being deleted.
    public var businessKey: String?

    public init(invoice: Invoice, totals: InvoiceTotals, businessKey: String? = nil) {
        self.invoice = invoice
        self.totals = totals
        self.businessKey = businessKey
    }
}
