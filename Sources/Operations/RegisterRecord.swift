import Billing
import Foundation
import Messaging
import Store

extension RequestService {
    /// Gives an existing record (written by hand or by an importer) its ledger entry and link,
    /// and optionally texts it. A record already registered is only (re)sent.
    public func register(_ referenceText: String, send: Bool, reply: String?) throws(OperationError) -> CreatedRequest {
        let reference = try parseReference(referenceText)
        guard let loaded = try loadRecord(reference) else {
            throw .notFound(.record(file: WorkspacePaths.invoiceFile(reference.value)))
        }
        let business = businesses.settings(for: loaded.businessKey)!
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let invoice = loaded.invoice
            let total: Money
            do throws(BillingError) { total = try invoice.totals(taxes: business.taxes, currency: business.currency).total } catch {
                throw .notAllowed(reference: reference.value, error)
            }
            let existing = try storeCall { () throws(StoreError) in try tx.request(reference: reference) }
            let token: RequestToken
            if let existing { token = existing.token } else {
                token = try storeCall { () throws(StoreError) in
                    try tx.createRequest(reference: invoice.reference, amount: total, customerName: invoice.customer.name,
                                         customerPhone: invoice.customer.phone, at: now, by: actor)
                }
            }
            var amount = total
            if existing != nil {
                let details = try context(reference, in: tx)
                if send && details.state.status != .open {
                    throw .notAllowed(reference: reference.value, .notAllowed(.sendLink, .status(details.state.status)))
                }
                amount = details.state.amountDue
            }
            let link = business.link(token: token.value)
            let message = try RequestMessages(business: business, replies: replies)
                .compose(.paymentRequest, reply: reply, invoice: invoice, amount: amount, link: link)
            let outcome = send ? try deliver(message, kind: .request, to: invoice.customer.phone, reference: invoice.reference, in: tx, at: now) : nil
            return CreatedRequest(reference: invoice.reference, link: link, message: message, outcome: outcome, amount: amount)
        }
    }
}
