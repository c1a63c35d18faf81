import Billing
import Store

/// What a payment or refund brings to deposits, stored in the transaction that records it,
/// with the business's settings of that moment (Billing's `SettlementRules`).
extension RequestService {
    func recordSettlement(of payment: Payment, entry: LedgerEntry, context: RequestDetails,
                          in tx: LedgerTransaction) throws(OperationError) {
        let settlement: Settlement?
        do throws(BillingError) {
            settlement = try SettlementRules(settings: context.business).settlement(of: payment, entry: entry, businessKey: context.businessKey)
        } catch { throw .notAllowed(reference: entry.reference.value, error) }
        guard let settlement else { return }
        try storeCall { () throws(StoreError) in try tx.record(settlement) }
    }

    /// `context` is the request as it was before this refund.
    func recordSettlement(ofRefund entry: LedgerEntry, context: RequestDetails, in tx: LedgerTransaction) throws(OperationError) {
        guard case .refunded(let refund) = entry.event, let payment = context.state.payment else { return }
        let earlier = try storeCall { () throws(StoreError) in try tx.settlements(for: entry.reference) }
        let paymentSettlement = earlier.first { $0.kind == .payment }
        let settlement = SettlementRules(settings: context.business).settlement(
            of: refund, entry: entry, payment: payment, paymentSettlement: paymentSettlement,
            refundedBefore: context.state.refunded, businessKey: paymentSettlement?.businessKey ?? context.businessKey)
        guard let settlement else { return }
        try storeCall { () throws(StoreError) in try tx.record(settlement) }
    }
}
