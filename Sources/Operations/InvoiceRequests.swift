import Billing
import Foundation
import Messaging
import Store

/// An invoice record whose payment request was never texted to the customer (an import, or a
/// record written by hand): staff can request it with "Pay with invoice".
package struct WaitingInvoice: Sendable, Hashable {
    package var reference: String
    package var customerName: String
    package var customerPhone: PhoneNumber
    package var amount: Money
    package var businessKey: String
    /// Itemized (lines), not a quick amount.
    package var itemized: Bool
}

/// What staff see before sending: the text as it will go out, and the link when it exists.
package struct MessagePreview: Sendable, Hashable {
    package var message: ComposedMessage
    /// nil until the request is created (the preview then shows a stand-in of the same length).
    package var link: String?
    package var amount: Money
    package var customerName: String
    /// `[brackets]` still to fill in: sending is refused while any remain.
    package var unfilled: [String]
}

extension RequestService {
    /// Stands for a link not made yet, with as many characters as a real token (same segments).
    package static let linkStandIn = String(repeating: "x", count: 22)

    /// Invoice records not requested yet, newest file name last; records with problems are left out.
    package func waitingInvoices() throws(OperationError) -> [WaitingInvoice] {
        let loaded = reader.loadInvoices(businesses: businesses).invoices
        let rows = try storeCall { () throws(StoreError) in try ledger.requests() }
        let known = Dictionary(rows.map { ($0.reference.key, $0) }, uniquingKeysWith: { first, _ in first })
        var waiting: [WaitingInvoice] = []
        for record in loaded {
            guard let business = businesses.settings(for: record.businessKey),
                  let total = try? record.invoice.totals(taxes: business.taxes, currency: business.currency).total else { continue }
            if let row = known[record.invoice.reference.key] {
                let entries = try storeCall { () throws(StoreError) in try ledger.entries(for: row.reference) }
                guard Self.isWaiting(entries, total: total) else { continue }
            }
            let itemized = if case .itemized = record.invoice.content { true } else { false }
            waiting.append(WaitingInvoice(reference: record.invoice.reference.value, customerName: record.invoice.customer.name,
                                          customerPhone: record.invoice.customer.phone, amount: total, businessKey: record.businessKey,
                                          itemized: itemized))
        }
        return waiting.sorted { $0.reference.localizedStandardCompare($1.reference) == .orderedAscending }
    }

    /// Open, nothing paid, and no payment request texted yet.
    static func isWaiting(_ entries: [LedgerEntry], total: Money) -> Bool {
        let state = RequestState(currentAmount: total, entries: entries)
        let texted = entries.contains { if case .messageSent(let kind, _) = $0.event { kind == MessageKind.request.rawValue } else { false } }
        return state.status == .open && state.paid.isZero && !texted
    }

    /// The text "Pay with invoice" would send for this record, composed as `requestInvoice` does.
    package func previewInvoiceRequest(_ referenceText: String, choice: MessageChoice) throws(OperationError) -> MessagePreview {
        let (loaded, business, total) = try waitingRecord(referenceText)
        let row = try storeCall { () throws(StoreError) in try ledger.request(reference: loaded.invoice.reference) }
        if let row {
            let entries = try storeCall { () throws(StoreError) in try ledger.entries(for: row.reference) }
            guard Self.isWaiting(entries, total: total) else { throw .conflict(.alreadyRequested(reference: row.reference.value)) }
        }
        let link = row.map { business.link(token: $0.token.value) }
        let draft = try RequestMessages(business: business, replies: replies)
            .draft(.paymentRequest, choice: choice, invoice: loaded.invoice, amount: total, link: link ?? business.link(token: Self.linkStandIn))
        return MessagePreview(message: draft.message, link: link, amount: total, customerName: loaded.invoice.customer.name, unfilled: draft.unfilled)
    }

    /// "Pay with invoice": gives the record its link (if it has none) and, with `send`, texts it.
    /// Refused once its payment request was texted, or when it is paid or voided.
    package func requestInvoice(_ referenceText: String, choice: MessageChoice, send: Bool) throws(OperationError) -> CreatedRequest {
        let (loaded, business, total) = try waitingRecord(referenceText)
        let invoice = loaded.invoice
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let existing = try storeCall { () throws(StoreError) in try tx.request(reference: invoice.reference) }
            let token: RequestToken
            if let existing {
                let entries = try storeCall { () throws(StoreError) in try tx.entries(for: existing.reference) }
                guard Self.isWaiting(entries, total: total) else { throw .conflict(.alreadyRequested(reference: existing.reference.value)) }
                token = existing.token
            } else {
                token = try storeCall { () throws(StoreError) in
                    try tx.createRequest(reference: invoice.reference, amount: total, customerName: invoice.customer.name,
                                         customerPhone: invoice.customer.phone, at: now, by: actor)
                }
            }
            let link = business.link(token: token.value)
            let message = try RequestMessages(business: business, replies: replies)
                .compose(.paymentRequest, choice: choice, invoice: invoice, amount: total, link: link)
            let outcome = send ? try deliver(message, kind: .request, to: invoice.customer.phone, reference: invoice.reference, in: tx, at: now) : nil
            return CreatedRequest(reference: invoice.reference, link: link, message: message, outcome: outcome, amount: total)
        }
    }

    private func waitingRecord(_ referenceText: String) throws(OperationError) -> (LoadedInvoice, BusinessSettings, Money) {
        let reference = try parseReference(referenceText)
        guard let loaded = try loadRecord(reference) else { throw .notFound(.record(file: WorkspacePaths.invoiceFile(reference.value))) }
        guard let business = businesses.settings(for: loaded.businessKey) else {
            throw .notFound(.businessOfRequest(reference: reference.value, business: loaded.businessKey))
        }
        do throws(BillingError) {
            return (loaded, business, try loaded.invoice.totals(taxes: business.taxes, currency: business.currency).total)
        } catch { throw .notAllowed(reference: reference.value, error) }
    }
}
