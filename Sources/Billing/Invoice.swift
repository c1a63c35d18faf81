/// A payment request as the business wrote it: a quick payment (an amount) or itemized lines.
package struct Invoice: Sendable, Hashable, Codable {
    package enum Content: Sendable, Hashable, Codable {
        case quick(Money)
        case itemized([LineItem])
    }

    package var reference: Reference
    package var customer: Customer
    package var appointmentMeta: [String: String]
    package var content: Content
    package var notes: String?
    package var issued: CalendarDate?
    package var due: CalendarDate?
    /// "manual", or the name of the importer that produced the record.
    package var source: String

    package init(reference: Reference, customer: Customer, appointmentMeta: [String: String] = [:], content: Content,
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

    package var lines: [LineItem] {
        if case .itemized(let lines) = content { return lines }
        return []
    }

    package var isItemized: Bool { !lines.isEmpty }

    /// Totals with the business's taxes: each line rounded, then each tax on the taxable subtotal.
    /// A quick payment's amount is its total: taxes, if any, are already in it.
    package func totals(taxes: [TaxRate], currency: Currency) throws(BillingError) -> InvoiceTotals {
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
package struct InvoiceTotals: Sendable, Hashable, Codable {
    package struct TaxAmount: Sendable, Hashable, Codable {
        package var rate: TaxRate
        package var amount: Money
    }

    package var lineTotals: [Money]
    package var subtotal: Money
    package var taxableSubtotal: Money
    package var taxes: [TaxAmount]
    package var total: Money
}

/// What was paid, frozen: the invoice and its totals at the moment of payment.
package struct InvoiceSnapshot: Sendable, Hashable, Codable {
    package var invoice: Invoice
    package var totals: InvoiceTotals
    /// The business the request belonged to, so a receipt survives its record being deleted.
    package var businessKey: String?

    package init(invoice: Invoice, totals: InvoiceTotals, businessKey: String? = nil) {
        self.invoice = invoice
        self.totals = totals
        self.businessKey = businessKey
    }
}
