import Billing
import Foundation
import Operations

/// Turns the customer operations' answers into the customers list and a customer's profile.
struct ConsoleCustomerBuilder {
    let call: ConsoleCall
    var text: ConsoleText { call.text }
    var zone: TimeZone { call.service.businesses.main.timeZone }

    func list(_ page: CustomerListPage, search: String) -> ConsoleCustomers {
        let rows = page.rows.map { customer in
            ConsoleCustomers.Row(name: customer.name, phone: customer.phone.display, href: "/staff/customers/\(customer.id)",
                                 requests: count(customer.requestCount), last: text.date(customer.lastRequestAt, timeZone: zone))
        }
        func href(_ number: Int) -> String {
            var components = URLComponents()
            components.path = "/staff/customers/"
            components.queryItems = (search.isEmpty ? [] : [URLQueryItem(name: "q", value: search)]) + [URLQueryItem(name: "page", value: "\(number)")]
            return components.string ?? "/staff/customers/"
        }
        return ConsoleCustomers(
            search: search, rows: rows, empty: rows.isEmpty,
            summary: text.t("console_customers_summary", count: page.matching, ["page": "\(page.page)", "pages": "\(page.pageCount)"]),
            previous: page.page > 1 ? href(page.page - 1) : nil, next: page.page < page.pageCount ? href(page.page + 1) : nil)
    }

    func profile(_ profile: CustomerProfile, tab: String, form: FormBody, errors: [ConsoleFormError],
                 preview: ConsoleMessagePreview?) -> ConsoleCustomer {
        let id = profile.summary.id
        let base = "/staff/customers/\(id)"
        let showInvoices = tab != "conversation"
        let requests = profile.requests.map { row in
            ConsoleCustomer.Request(reference: row.reference, href: "/staff/requests/\(row.reference)", statusKey: row.status.rawValue,
                                    statusLabel: text.status(row.status), amount: text.money(row.amount), amountDue: text.money(row.amountDue),
                                    created: text.date(row.createdAt, timeZone: zone))
        }
        let messages = profile.conversation.reversed().map { item in
            let status: String? = switch item.direction {
            case .sent: item.status.map { text.t("console_customer_status_\($0.rawValue)") }
            case .received: item.optOut ? text.t("console_customer_status_opt_out") : nil
            }
            return ConsoleCustomer.Message(
                when: text.date(item.at, timeZone: zone), direction: item.direction.rawValue,
                who: text.t(item.direction == .sent ? "console_customer_to" : "console_customer_from"), body: item.body, status: status,
                about: item.reference, aboutHref: item.reference.map { "/staff/requests/\($0)" })
        }
        let chosen = Self.about(form, profile)
        let about = profile.requests.map { row in
            ConsoleView.Option(value: row.reference, label: text.t("console_customer_about_option", [
                "reference": row.reference, "status": text.status(row.status), "amount": text.money(row.amount)]), selected: row.reference == chosen)
        }
        let compose = profile.optedOut ? nil : ConsoleComposeBuilder(call: call).compose(
            form, previewAction: "\(base)/preview", forNewRequest: false, preview: preview, errors: errors)
        return ConsoleCustomer(
            name: profile.summary.name, phone: profile.summary.phone.display, language: text.t("console_new_language_\(profile.language.rawValue)"),
            lang: profile.language.rawValue, optedOut: profile.optedOut,
            optOutNote: profile.optedOut ? text.t("console_customer_opted_out_note", ["name": profile.summary.name]) : nil,
            tabs: [ConsoleView.Link(label: text.t("console_customer_tab_invoices"), href: base, current: showInvoices),
                   ConsoleView.Link(label: text.t("console_customer_tab_conversation"), href: "\(base)?tab=conversation", current: !showInvoices)],
            showInvoices: showInvoices, requests: requests, messages: Array(messages), noMessages: messages.isEmpty,
            newRequestHref: "/staff/requests/new?customer=\(id)", sendAction: profile.optedOut ? nil : "\(base)/send",
            csrf: call.session.csrfToken, about: about, compose: compose)
    }

    /// The request the text is about: the one chosen, else the customer's open (or newest) one.
    static func about(_ form: FormBody, _ profile: CustomerProfile) -> String {
        if let chosen = form["about"], profile.requests.contains(where: { $0.reference == chosen }) { return chosen }
        return (profile.requests.first { $0.status == .open } ?? profile.requests.first)?.reference ?? ""
    }

    func count(_ number: Int) -> String {
        number == 1 ? text.t("console_customer_count_one") : text.t("console_customer_count_many", ["count": "\(number)"])
    }
}
