import Billing
import Foundation
import Operations

/// What the new-request form holds, read from its fields (or the address's query on GET).
struct NewRequestForm {
    let form: FormBody

    var isInvoice: Bool { form["kind"] == "invoice" }
    var invoice: String { form["invoice"] ?? "" }
    var choice: MessageChoice { MessageChoice(reply: form["reply"], text: form["text"]) }

    func quick(send: Bool) -> NewRequest {
        let language = form["language"].flatMap { ["fr", "en"].contains($0) ? $0 : nil }
        let business = form["business"].flatMap { $0.isEmpty ? nil : $0 }
        return NewRequest(reference: trimmed("reference"), customerName: trimmed("name"), phone: trimmed("phone"), language: language,
                          amount: trimmed("amount"), business: business, reply: form["reply"].flatMap { $0.isEmpty ? nil : $0 },
                          text: form["text"], send: send)
    }

    private func trimmed(_ name: String) -> String { (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// Turns the form's state, the operations' answers and their errors into the page's view.
struct ConsoleNewRequestBuilder {
    let call: ConsoleCall
    var text: ConsoleText { call.text }

    /// The preview the same operations give for what the form holds.
    func preview(_ form: NewRequestForm) -> ConsoleMessagePreview {
        let result: Result<MessagePreview, OperationError>
        do throws(OperationError) {
            result = .success(form.isInvoice ? try call.service.previewInvoiceRequest(form.invoice, choice: form.choice)
                                             : try call.service.previewNew(form.quick(send: false)))
        } catch { result = .failure(error) }
        return ConsoleComposeBuilder(call: call).preview(result, waiting: true)
    }

    func page(_ form: NewRequestForm, errors: [ConsoleFormError], preview: ConsoleMessagePreview?, found: [CustomerSummary]?) -> ConsoleNewRequest {
        let values = form.form
        func error(_ field: String) -> String? { errors.first { $0.field == field }?.message }
        func input(_ id: String, _ label: String, hint: String? = nil, mode: String? = nil, autocomplete: String? = nil) -> ConsoleInput {
            ConsoleInput(id: id, label: text.t(label), value: values[id] ?? "", hint: hint.map { text.t($0) }, error: error(id),
                         inputMode: mode, autocomplete: autocomplete)
        }
        let language = values["language"] ?? call.service.businesses.main.defaultLanguage.rawValue
        let businesses = call.service.businesses
        let keys = businesses.all.keys.sorted { ($0 == "main" ? "" : $0) < ($1 == "main" ? "" : $1) }
        let chosenBusiness = values["business"] ?? ""
        let waiting = ((try? call.service.waitingInvoices()) ?? []).filter { $0.itemized || $0.reference == form.invoice }
        let invoices = waiting.map { invoice in
            ConsoleView.Option(value: invoice.reference, label: text.t("console_new_invoice_option", [
                "reference": invoice.reference, "customer": invoice.customerName, "amount": text.money(invoice.amount)]),
                               selected: invoice.reference.caseInsensitiveCompare(form.invoice) == .orderedSame)
        }
        let links = (found ?? []).map { customer in
            ConsoleView.Link(label: "\(customer.name) · \(customer.phone.display)", href: "/staff/requests/new?customer=\(customer.id)", current: false)
        }
        let shownErrors = errors.filter { $0.field != "alert" }
        return ConsoleNewRequest(
            action: "/staff/requests/new", csrf: call.session.csrfToken, find: values["find"] ?? "", found: links, searched: found != nil,
            foundNone: found?.isEmpty ?? false,
            name: input("name", "console_new_name", autocomplete: "off"),
            phone: input("phone", "console_new_phone", hint: "console_new_phone_hint", mode: "tel", autocomplete: "off"),
            languages: ["fr", "en"].map { ConsoleView.Option(value: $0, label: text.t("console_new_language_\($0)"), selected: $0 == language) },
            businesses: keys.map { ConsoleView.Option(value: $0 == "main" ? "" : $0, label: businesses.all[$0]?.companyName ?? $0,
                                                      selected: ($0 == "main" ? "" : $0) == chosenBusiness) },
            hasBusinesses: keys.count > 1,
            kinds: [ConsoleView.Option(value: "quick", label: text.t("console_new_kind_quick"), selected: !form.isInvoice),
                    ConsoleView.Option(value: "invoice", label: text.t("console_new_kind_invoice"), selected: form.isInvoice)],
            isInvoice: form.isInvoice,
            reference: input("reference", "console_new_reference", hint: "console_new_reference_hint", autocomplete: "off"),
            amount: input("amount", "console_new_amount", hint: "console_new_amount_hint", mode: "decimal", autocomplete: "off"),
            invoices: invoices, hasInvoices: !invoices.isEmpty, invoiceError: error("invoice"),
            compose: ConsoleComposeBuilder(call: call).compose(values, previewAction: "/staff/requests/new/preview", forNewRequest: true,
                                                               preview: preview, errors: errors),
            errors: shownErrors, hasErrors: !shownErrors.isEmpty)
    }
}
