import Billing
import Deposits
import Foundation
import Store

/// Turns the deposit book's days into the console's deposit views, in the staff member's
/// language. Figures are the book's own, formatted, never recomputed.
struct ConsoleDepositBuilder {
    static let pageSize = 20
    let text: ConsoleText

    /// One business's days, newest first, one page of them.
    func list(_ days: [DepositDay], key: String, businesses: Businesses, settings: BusinessSettings, page: Int) -> ConsoleDeposits {
        let newest = Array(days.reversed())
        let pages = max(1, (newest.count + Self.pageSize - 1) / Self.pageSize)
        let current = min(max(1, page), pages)
        let shown = newest.dropFirst((current - 1) * Self.pageSize).prefix(Self.pageSize)
        let options = businesses.keys.map { ConsoleView.Option(value: $0, label: businesses.all[$0]?.companyName ?? $0, selected: $0 == key) }
        let rules = text.t(settings.deposits.settlementDelay == 1 ? "console_deposit_rules_one" : "console_deposit_rules", [
            "zone": settings.timeZone.identifier, "currency": settings.currency.code, "delay": "\(settings.deposits.settlementDelay)",
        ])
        return ConsoleDeposits(
            businesses: options, hasBusinesses: options.count > 1, company: settings.companyName, rules: rules,
            totals: totals(days, currency: settings.currency), rows: shown.map(row), empty: days.isEmpty,
            summary: text.t("console_deposit_summary", ["count": "\(days.count)", "page": "\(current)", "pages": "\(pages)"]),
            previous: current > 1 ? Self.listHref(key, page: current - 1) : nil,
            next: current < pages ? Self.listHref(key, page: current + 1) : nil)
    }

    func row(_ day: DepositDay) -> ConsoleDeposits.Row {
        var detail: String?
        switch day.status {
        case .deposited: detail = nil
        case .noDeposit: detail = text.t("console_deposit_carried", ["amount": text.money(day.shortfallCarried)])
        case .expected:
            detail = day.shortfallCarried.isPositive ? text.t("console_deposit_carried", ["amount": text.money(day.shortfallCarried)])
                : text.t("console_deposit_so_far")
        }
        return ConsoleDeposits.Row(
            id: "day-\(day.businessKey)-\(day.day.iso)", day: text.day(day.day), dayISO: day.day.iso, statusKey: day.status.rawValue,
            statusLabel: text.depositStatus(day.status), number: day.id?.description, href: Self.href(day), statusDetail: detail,
            gross: text.money(day.gross), refunds: text.money(day.refunds), fees: text.money(day.fees),
            feesDetail: day.feesReturned.isZero ? nil : text.t("console_deposit_fees_detail", ["returned": text.money(day.feesReturned)]),
            shortfallTaken: text.money(day.shortfallTaken), net: text.money(day.deposit), shortfallCarried: text.money(day.shortfallCarried))
    }

    /// Deposited so far, the shortfall now, and the next deposit expected.
    func totals(_ days: [DepositDay], currency: Currency) -> [ConsoleDeposits.Total] {
        let deposited = days.filter { $0.status == .deposited }
        var sum: Int64 = 0
        var overflow = false
        for day in deposited where !overflow { (sum, overflow) = sum.addingReportingOverflow(day.deposit.minorUnits) }
        var totals: [ConsoleDeposits.Total] = []
        if !overflow {
            totals.append(.init(label: text.t("console_deposit_total_deposited"), value: text.money(Money(minorUnits: sum, currency: currency)),
                                detail: text.t(deposited.count == 1 ? "console_deposit_count_one" : "console_deposit_count", ["count": "\(deposited.count)"])))
        }
        let lastFinal = days.last { $0.status != .expected }
        totals.append(.init(label: text.t("console_deposit_total_shortfall"),
                            value: text.money(lastFinal?.shortfallCarried ?? Money(minorUnits: 0, currency: currency)),
                            detail: lastFinal.map { text.t("console_deposit_after", ["day": text.day($0.day)]) }))
        if let next = days.first(where: { $0.status == .expected && $0.deposit.isPositive }) {
            totals.append(.init(label: text.t("console_deposit_total_next"), value: text.money(next.deposit), detail: text.day(next.day)))
        }
        return totals
    }

    /// One day, line by line, each line with the request it comes from.
    func detail(_ day: DepositDay, settings: BusinessSettings) -> ConsoleDeposit {
        let lines = day.lines.map { line in
            ConsoleDeposit.Line(
                kind: line.kind.rawValue, label: text.depositLine(line.kind), reference: line.reference?.value,
                href: line.reference.map { "/staff/requests/\(ConsoleRoutes.path($0.value))" }, document: text.document(line),
                method: line.method.map(text.methodName) ?? "", amount: text.money(line.amount))
        }
        let figures: [(String, Money)] = [
            ("gross", day.gross), ("refunds", day.refunds), ("fees", day.fees), ("fees_returned", day.feesReturned),
            ("shortfall_taken", day.shortfallTaken), ("net", day.deposit), ("shortfall_carried", day.shortfallCarried),
        ]
        let total = day.lines.reduce(Int64(0)) { $0 &+ $1.amount.minorUnits }
        let outcome: String
        switch day.status {
        case .deposited: outcome = text.t("console_deposit_outcome_deposited")
        case .noDeposit: outcome = text.t("console_deposit_outcome_none", ["amount": text.money(day.shortfallCarried)])
        case .expected: outcome = text.t("console_deposit_outcome_expected")
        }
        let address = settings.address
        return ConsoleDeposit(
            title: title(day), company: settings.companyName,
            address: [address.street, "\(address.city) \(address.province) \(address.postalCode)"]
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ", "),
            day: text.day(day.day, full: true), statusKey: day.status.rawValue, statusLabel: text.depositStatus(day.status),
            figures: figures.map { .init(key: $0.0, label: text.t("console_deposit_\($0.0)"), value: text.money($0.1)) },
            lines: lines, total: text.money(Money(minorUnits: total, currency: day.deposit.currency)), outcome: outcome,
            backHref: Self.listHref(day.businessKey, page: nil),
            note: text.t("console_deposit_note", ["zone": settings.timeZone.identifier]))
    }

    /// "Deposit velo-laurier-3", "No deposit", "Expected deposit": the page shows the day beneath.
    func title(_ day: DepositDay) -> String {
        switch day.status {
        case .deposited: text.t("console_deposit_title", ["number": day.id?.description ?? ""])
        case .noDeposit: text.t("console_deposit_title_none")
        case .expected: text.t("console_deposit_title_expected")
        }
    }

    /// The browser's title: the heading and the day (a day without a deposit has no number).
    func pageTitle(_ day: DepositDay) -> String {
        day.status == .deposited ? title(day) : "\(title(day)) — \(text.day(day.day))"
    }

    /// Where a request's payment and refunds went, one line each.
    func request(_ placement: RequestDeposits, businessKey: String) -> [ConsoleRequestDeposit] {
        let label = text.t("console_deposit_fact_payment")
        switch placement.status {
        case .notPaid: return []
        case .offline: return [.init(label: label, text: text.t("console_deposit_offline"), href: nil)]
        case .untracked, .tracked: break
        }
        var result: [ConsoleRequestDeposit] = []
        if let payment = placement.payment {
            result.append(place(payment, label: label, businessKey: businessKey, kind: "payment"))
        } else {
            result.append(.init(label: label, text: text.t("console_deposit_untracked"), href: nil))
        }
        for refund in placement.refunds {
            let label = text.t("console_deposit_fact_refund", ["number": "\(refund.settlement.number)",
                                                               "amount": text.money(refund.settlement.amount)])
            result.append(place(refund, label: label, businessKey: businessKey, kind: "refund"))
        }
        return result
    }

    private func place(_ item: RequestDeposits.Item, label: String, businessKey: String, kind: String) -> ConsoleRequestDeposit {
        let day = text.day(item.day)
        let dayHref = "/staff/deposits/" + Self.segment("\(businessKey)-\(item.day.iso)")
        switch item.placement {
        case .deposited(let id):
            return .init(label: label, text: text.t("console_deposit_\(kind)_in", ["number": id.description, "day": day]),
                         href: "/staff/deposits/" + Self.segment(id.description))
        case .noDeposit: return .init(label: label, text: text.t("console_deposit_\(kind)_none", ["day": day]), href: dayHref)
        case .expected: return .init(label: label, text: text.t("console_deposit_\(kind)_expected", ["day": day]), href: dayHref)
        }
    }

    /// The page of a day: `KEY-N` once deposited, else `KEY-YYYY-MM-DD`.
    static func href(_ day: DepositDay) -> String {
        "/staff/deposits/" + segment(day.id?.description ?? "\(day.businessKey)-\(day.day.iso)")
    }

    /// A deposit's name as one path segment (business keys are file names: anything may need escaping).
    static func segment(_ name: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    static func listHref(_ key: String, page: Int?) -> String {
        var components = URLComponents()
        components.path = "/staff/deposits"
        components.queryItems = [URLQueryItem(name: "business", value: key)] + (page.map { [URLQueryItem(name: "page", value: "\($0)")] } ?? [])
        return components.string ?? "/staff/deposits"
    }
}
