import Billing
import Foundation
import Operations

/// Turns the operations' answers into the console's list and request views.
struct ConsoleListBuilder {
    let call: ConsoleCall
    var text: ConsoleText { call.text }

    func list(_ page: RequestListPage, query: RequestListQuery) -> ConsoleList {
        let businesses = call.service.businesses
        let zone = businesses.main.timeZone
        let rows = page.rows.map { row in
            ConsoleList.Row(
                reference: row.reference, href: "/staff/requests/\(row.reference)", business: row.business,
                customerName: row.customerName, customerPhone: row.customerPhone.display, statusKey: row.status.rawValue,
                statusLabel: text.status(row.status), amount: text.money(row.amount), amountDue: text.money(row.amountDue),
                created: text.date(row.createdAt, timeZone: zone), link: row.link, actions: actions(row.reference, row.actions))
        }
        var totals: [ConsoleList.Total] = []
        for sums in page.totals {
            totals += [("console_total_requested", sums.requested), ("console_total_paid", sums.paid),
                       ("console_total_refunded", sums.refunded), ("console_total_due", sums.due)]
                .map { ConsoleList.Total(label: text.t($0.0), value: text.money($0.1)) }
        }
        let statuses = [ConsoleView.Option(value: "", label: text.t("console_all_statuses"), selected: query.status == nil)]
            + RequestStatus.allCases.map { ConsoleView.Option(value: $0.rawValue, label: text.status($0), selected: query.status == $0) }
        let keys = businesses.all.keys.sorted { ($0 == "main" ? "" : $0) < ($1 == "main" ? "" : $1) }
        let businessOptions = [ConsoleView.Option(value: "", label: text.t("console_all_businesses"), selected: query.business == nil)]
            + keys.map { ConsoleView.Option(value: $0, label: businesses.all[$0]?.companyName ?? $0, selected: query.business == $0) }
        return ConsoleList(
            search: query.search ?? "", statuses: statuses, businesses: businessOptions, hasBusinesses: keys.count > 1,
            totals: totals, rows: rows, empty: rows.isEmpty,
            summary: text.t("console_summary", count: page.matching, ["page": "\(page.page)", "pages": "\(page.pageCount)"]),
            previous: page.page > 1 ? href(query, page: page.page - 1) : nil,
            next: page.page < page.pageCount ? href(query, page: page.page + 1) : nil)
    }

    func request(_ details: RequestDetails, _ overview: RequestOverview) -> ConsoleRequest {
        let zone = details.business.timeZone
        var facts: [(String, String)] = [
            ("console_fact_customer", details.invoice.customer.name), ("console_fact_phone", overview.customerPhone.display),
            ("console_fact_business", details.business.companyName), ("console_fact_amount", text.money(overview.amount)),
            ("console_fact_due", text.money(overview.amountDue)),
        ]
        if overview.paid.isPositive {
            facts += [("console_fact_paid", text.money(overview.paid)), ("console_fact_refunded", text.money(overview.refunded)),
                      ("console_fact_refundable", text.money(overview.refundable))]
        }
        facts.append(("console_fact_created", text.date(overview.createdAt, timeZone: zone)))
        let history = details.entries.map { entry in
            let line = text.event(entry.event)
            let who = text.actor(entry.actor)
            return ConsoleRequest.Event(when: text.date(entry.at, timeZone: zone),
                                        text: who.map { text.t("console_by", ["text": line, "who": $0]) } ?? line)
        }
        let reference = details.reference.value
        var links = actions(reference, overview.actions)
        // A card taken over the phone: offered when the request can be paid now.
        if overview.actions.markPaid {
            links.insert(.init(label: text.t("console_terminal_action"), href: "/staff/requests/\(reference)/terminal", current: false), at: 0)
        }
        return ConsoleRequest(
            reference: reference, statusKey: overview.status.rawValue, statusLabel: text.status(overview.status),
            facts: facts.map { .init(label: text.t($0.0), value: $0.1) }, link: overview.link, history: history,
            actions: links, hasActions: !links.isEmpty || overview.actions.sendLink, csrf: call.session.csrfToken,
            sendAction: overview.actions.sendLink ? "/staff/requests/\(reference)/send" : nil,
            receiptHref: overview.actions.receipt ? "/staff/requests/\(reference)/receipt" : nil)
    }

    /// Only what the rules allow now.
    func actions(_ reference: String, _ allowed: StaffActions) -> [ConsoleView.Link] {
        let base = "/staff/requests/\(reference)/"
        var links: [ConsoleView.Link] = []
        if allowed.remind { links.append(.init(label: text.t("console_action_remind"), href: base + "remind", current: false)) }
        if allowed.refund { links.append(.init(label: text.t("console_action_refund"), href: base + "refund", current: false)) }
        if allowed.void { links.append(.init(label: text.t("console_action_void"), href: base + "void", current: false)) }
        if allowed.markPaid { links.append(.init(label: text.t("console_action_mark_paid"), href: base + "mark-paid", current: false)) }
        if allowed.receipt { links.append(.init(label: text.t("console_action_receipt"), href: base + "receipt", current: false)) }
        return links
    }

    private func href(_ query: RequestListQuery, page: Int) -> String {
        var items: [URLQueryItem] = []
        if let search = query.search { items.append(.init(name: "q", value: search)) }
        if let status = query.status { items.append(.init(name: "status", value: status.rawValue)) }
        if let business = query.business { items.append(.init(name: "business", value: business)) }
        items.append(.init(name: "page", value: "\(page)"))
        var components = URLComponents()
        components.path = "/staff/"
        components.queryItems = items
        return components.string ?? "/staff/"
    }
}
