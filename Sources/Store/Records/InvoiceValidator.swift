import Billing

/// Turns an `InvoiceRecord` into a Billing `Invoice`, reporting every problem with its JSON path.
package struct InvoiceValidator: Sendable {
    package var business: BusinessSettings

    package init(business: BusinessSettings) { self.business = business }

    /// `expectedReference` is the file's stem: the file name and the reference must agree.
    package func validate(_ record: InvoiceRecord, file: String, expectedReference: String?) throws(RecordErrors) -> Invoice {
        var check = FieldCheck(file: file)
        let currency = business.currency
        let reference = check.attempt("reference") { () throws(BillingError) in try Reference(record.reference) }
        if let expectedReference, reference != nil, expectedReference != record.reference {
            check.fail("reference", "\"\(record.reference)\" does not match the file name \(expectedReference).json")
        }
        check.nonEmpty(record.customer.name, "customer.name")
        let phone = check.attempt("customer.phone") { () throws(BillingError) in try PhoneNumber(record.customer.phone) }
        var language: Language?
        if let code = record.customer.language {
            language = check.attempt("customer.language") { () throws(BillingError) in try Language(code: code) }
        }
        if let email = record.customer.email, !email.isEmpty, !Self.looksLikeEmail(email) {
            check.fail("customer.email", "\"\(email)\" is not an email address")
        }
        let content = self.content(record, &check, currency)
        let issued = check.date(record.issued, "issued")
        let due = check.date(record.due, "due")
        if let issued, let due, due < issued { check.fail("due", "is before the issue date \(issued.iso)") }
        try check.finish()
        guard let reference, let phone, let content else { throw RecordErrors(check.errors) }
        let customer = Customer(name: record.customer.name, phone: phone, email: record.customer.email.flatMap { $0.isEmpty ? nil : $0 },
                                language: language, meta: record.customer.meta ?? [:])
        let invoice = Invoice(reference: reference, customer: customer, appointmentMeta: record.appointment?.meta ?? [:],
                              content: content, notes: record.notes, issued: issued, due: due, source: record.source ?? "manual")
        do {
            _ = try invoice.totals(taxes: business.taxes, currency: currency)
        } catch {
            throw RecordErrors([RecordError(file: file, path: record.lines == nil ? "amount" : "lines", problem: error.description)])
        }
        return invoice
    }

    private func content(_ record: InvoiceRecord, _ check: inout FieldCheck, _ currency: Currency) -> Invoice.Content? {
        guard let lineRecords = record.lines else {
            guard let amountText = record.amount else {
                check.fail("amount", "is required (or give \"lines\")")
                return nil
            }
            return check.money(amountText, "amount", currency).map { .quick($0) }
        }
        guard !lineRecords.isEmpty else {
            check.fail("lines", "must have at least one line")
            return nil
        }
        var lines: [LineItem] = []
        for (index, line) in lineRecords.enumerated() {
            let path = JSONPath.join("lines", index)
            check.nonEmpty(line.description, path + ".description")
            var quantity = FixedDecimal(units: 1, scale: 0)
            if let text = line.quantity {
                if let parsed = check.attempt(path + ".quantity", { () throws(BillingError) in try FixedDecimal.parse(text, maxScale: 3) }) {
                    if parsed.isPositive { quantity = parsed } else { check.fail(path + ".quantity", "must be a positive number") }
                }
            }
            let kind = line.kind.flatMap { check.lineKind($0, path + ".kind") }
            let price = check.money(line.unitPrice, path + ".unitPrice", currency, sign: .any)
            if let price { check.priceSign(price, text: line.unitPrice, kindText: line.kind, path + ".unitPrice") }
            let discount = line.discount.flatMap { self.discount($0, path + ".discount", &check, currency) }
            if line.discount != nil && kind == .discount { check.fail(path + ".discount", "is not allowed on a line of kind \"discount\"") }
            check.optionalText(line.opCode, path + ".opCode")
            check.optionalText(line.technician, path + ".technician")
            if let price, line.kind == nil || kind != nil {
                lines.append(LineItem(description: line.description, quantity: quantity, unitPrice: price,
                                      discount: discount, taxable: line.taxable ?? true,
                                      kind: kind, opCode: line.opCode, technician: line.technician))
            }
        }
        guard lines.count == lineRecords.count else { return nil }
        if let amountText = record.amount, let stated = check.money(amountText, "amount", currency),
           let total = try? Invoice(reference: Reference.placeholder, customer: .placeholder, content: .itemized(lines))
            .totals(taxes: business.taxes, currency: currency).total, stated != total {
            check.fail("amount", "\(amountText) does not match the total of the lines (\(total.decimalString))")
        }
        return .itemized(lines)
    }

    private func discount(_ text: String, _ path: String, _ check: inout FieldCheck, _ currency: Currency) -> LineItem.Discount? {
        if text.hasSuffix("%") {
            let number = String(text.dropLast())
            guard let pct = check.attempt(path, { () throws(BillingError) in try FixedDecimal.parse(number, maxScale: 3) }) else { return nil }
            guard pct.isPositive, !pct.isAbove(100) else {
                check.fail(path, "must be more than 0 % and at most 100 %")
                return nil
            }
            return .percent(pct)
        }
        return check.money(text, path, currency).map { .amount($0) }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}

extension Reference {
    static let placeholder = try! Reference("x")
}

extension Customer {
    static let placeholder = Customer(name: "x", phone: try! PhoneNumber("+15145550000"))
}
