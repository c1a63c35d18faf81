import Billing
import Foundation
import Store

/// A request as staff see it in lists and in `request show`.
package struct RequestOverview: Sendable, Codable {
    package var reference: String
    package var business: String
    /// The business's key (`main`, or the file name under `Records/businesses/`).
    package var businessKey: String
    package var customerName: String
    package var customerPhone: PhoneNumber
    package var status: RequestStatus
    package var amount: Money
    package var amountDue: Money
    package var refundable: Money
    package var paid: Money
    package var refunded: Money
    /// What the rules allow staff to do now.
    package var actions: StaffActions
    package var link: String
    package var createdAt: Date
    package var history: [HistoryLine]

    package struct HistoryLine: Sendable, Codable {
        package var at: Date
        package var text: String
        /// Who did it ("Marie", "the customer", "root (command line)"); nil for older events.
        package var by: String?
    }
}

extension RequestService {
    /// One request with its history.
    package func overview(_ reference: String) throws(OperationError) -> RequestOverview {
        overview(try context(reference))
    }

    /// The overview of a request already read (no second read of its record and events).
    package func overview(_ context: RequestDetails) -> RequestOverview {
        overview(context.row, entries: context.entries, amount: context.totals.total, businessKey: context.businessKey)
    }

    /// Every request, filtered by status and by customer name or phone; the ledger is read in one query.
    package func list(status: RequestStatus? = nil, customer: String? = nil) throws(OperationError) -> [RequestOverview] {
        let rows: [RequestRow]
        if let customer { rows = try findCustomer(customer) } else { rows = try storeCall { () throws(StoreError) in try ledger.requests() } }
        let entries = try storeCall { () throws(StoreError) in try ledger.allEntries() }
        let grouped = Dictionary(grouping: entries, by: { $0.reference.key })
        // Open requests follow their record (as `show` and `pay` do); records are read once.
        let records = Dictionary(reader.loadInvoices(businesses: businesses).invoices.map { ($0.invoice.reference.key, $0) },
                                 uniquingKeysWith: { first, _ in first })
        return rows.map { row in
            let events = grouped[row.reference.key] ?? []
            let paidKey = events.lazy.compactMap { entry -> String? in
                if case .paid(let payment) = entry.event { return payment.snapshot.businessKey ?? Businesses.mainKey }
                return nil
            }.first
            let record = records[row.reference.key]
            let key = paidKey ?? record?.businessKey ?? Businesses.mainKey
            var amount = row.amount
            if paidKey == nil, let record, let business = businesses.settings(for: record.businessKey),
               let total = try? record.invoice.totals(taxes: business.taxes, currency: business.currency).total {
                amount = total
            }
            return overview(row, entries: events, amount: amount, businessKey: key)
        }
        .filter { status == nil || $0.status == status }
        .sorted { $0.createdAt > $1.createdAt }
    }

    func overview(_ row: RequestRow, entries: [LedgerEntry], amount: Money, businessKey: String) -> RequestOverview {
        let business = businesses.settings(for: businessKey) ?? businesses.main
        let state = RequestState(currentAmount: amount, entries: entries)
        return RequestOverview(
            reference: row.reference.value, business: business.companyName, businessKey: businessKey, customerName: row.customerName,
            customerPhone: row.customerPhone, status: state.status, amount: state.amount, amountDue: state.amountDue,
            refundable: state.refundable, paid: state.paid, refunded: state.refunded,
            actions: RequestRules(settings: business, now: clock()).staffActions(state), link: business.link(token: row.token.value), createdAt: row.createdAt,
            history: entries.map { .init(at: $0.at, text: EventText.staff($0.event), by: $0.actor?.displayName) })
    }
}

/// How each ledger event reads in a staff history.
package enum EventText {
    package static func staff(_ event: RequestEvent) -> String {
        switch event {
        case .requested(let amount): "requested \(MoneyFormat.plain(amount))"
        case let .messageSent(kind, id): "text queued (\(kind), #\(id))"
        case .paid(let payment): "paid \(MoneyFormat.plain(payment.amount)) by \(MethodText.staff(payment.method)), authorization \(payment.authorizationCode), receipt #\(payment.receiptNumber)"
        case .refunded(let refund): "refunded \(MoneyFormat.plain(refund.amount)) (refund #\(refund.number)\(refund.reason.map { ": \($0)" } ?? ""))"
        case .voided(let reason): "voided" + (reason.map { ": \($0)" } ?? "")
        case .reminded: "reminder sent"
        case .confirmationSent: "confirmation sent"
        case .notified: "staff notified"
        case .linkRotated: "link rotated (the old link no longer works)"
        case let .updatedFromImport(amount, file): "updated from import (\(file)): now \(MoneyFormat.plain(amount))"
        }
    }
}
