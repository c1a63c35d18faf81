/// What staff may do with a request now, as ``RequestRules`` decide: the console shows an
/// action only when its rule would allow it.
package struct StaffActions: Sendable, Equatable, Codable {
    package var sendLink: Bool
    package var remind: Bool
    package var refund: Bool
    package var void: Bool
    package var markPaid: Bool
    package var receipt: Bool

    package init(sendLink: Bool, remind: Bool, refund: Bool, void: Bool, markPaid: Bool, receipt: Bool) {
        self.sendLink = sendLink
        self.remind = remind
        self.refund = refund
        self.void = void
        self.markPaid = markPaid
        self.receipt = receipt
    }
}

extension RequestRules {
    package func staffActions(_ state: RequestState) -> StaffActions {
        StaffActions(
            sendLink: state.status == .open,
            remind: (try? checkRemind(state)) != nil,
            refund: (try? checkRefund(state, amount: state.refundable)) != nil,
            void: (try? checkVoid(state)) != nil,
            markPaid: state.status == .open && state.amountDue.isPositive,
            receipt: state.status.wasPaid)
    }
}
