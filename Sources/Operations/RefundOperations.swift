import Billing
import Foundation
import Messaging
import Store

public struct RefundResult: Sendable, Codable, Hashable {
    public var reference: String
    public var amount: Money
    public var number: Int
    /// What may still be refunded after this one.
    public var refundable: Money
    public var status: RequestStatus
}

extension RequestService {
    /// Refunds part or all of what was paid; never more than is refundable. `amount` nil means
    /// everything still refundable (`--full`). The customer gets a refund notice.
    public func refund(_ referenceText: String, amount amountText: String?, reason: String?) throws(OperationError) -> RefundResult {
        let reference = try parseReference(referenceText)
        let now = clock()
        return try transaction { tx throws(OperationError) in
            let context = try context(reference, in: tx)
            let amount: Money
            if let amountText {
                do throws(BillingError) { amount = try Money.parse(amountText, currency: context.business.currency) } catch {
                    throw .invalidField("amount", .invalid(error))
                }
            } else {
                amount = context.state.refundable
            }
            try check(reference) { () throws(BillingError) in try rules(context.business).checkRefund(context.state, amount: amount) }
            let number: Int
            let refundEntry: LedgerEntry
            do throws(StoreError) {
                number = try tx.nextNumber(.refund, scope: context.businessKey)
                let reasonText = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                refundEntry = try tx.append(.refunded(Refund(amount: amount, reason: reasonText, number: number)), to: reference, at: now, by: actor)
            } catch { throw .store(error) }
            try recordSettlement(ofRefund: refundEntry, context: context, in: tx)
            let message = try RequestMessages(business: context.business, replies: replies)
                .compose(.refund, reply: nil, invoice: context.invoice, amount: amount, link: context.link)
            _ = try deliver(message, kind: .refund, to: context.invoice.customer.phone, reference: reference, in: tx, at: now)
            let after = RequestState(currentAmount: context.totals.total, entries: context.entries + [
                LedgerEntry(sequence: 0, reference: reference, at: now, event: .refunded(Refund(amount: amount, reason: reason, number: number))),
            ])
            return RefundResult(reference: reference.value, amount: amount, number: number, refundable: after.refundable, status: after.status)
        }
    }
}
