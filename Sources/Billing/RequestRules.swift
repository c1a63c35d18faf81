import Foundation

/// The rules of pay, refund, void, remind and confirm. Pure: the time is passed in.
package struct RequestRules: Sendable {
    package var settings: BusinessSettings
    package var now: Date

    package init(settings: BusinessSettings, now: Date) {
        self.settings = settings
        self.now = now
    }

    /// Pay only an open request, for exactly its amount due; Affirm only within its range.
    package func checkPay(_ state: RequestState, amount: Money, method: PaymentMethod) throws(BillingError) {
        let action = RequestAction.pay
        switch state.status {
        case .voided, .paid, .partiallyRefunded, .refunded: throw .notAllowed(action, .status(state.status))
        case .open: break
        }
        guard state.amountDue.isPositive else { throw .notAllowed(action, .nothingDue) }
        guard amount == state.amountDue else { throw .notAllowed(action, .amountNotDue(amount: amount, due: state.amountDue)) }
        if method.kind == .affirm {
            guard settings.affirm.enabled else { throw .notAllowed(action, .affirmDisabled) }
            guard settings.affirm.isEligible(amount) else {
                throw .notAllowed(action, .affirmOutOfRange(minimum: settings.affirm.minimum, maximum: settings.affirm.maximum))
            }
        }
    }

    /// Refund only after payment, never more than is refundable; Affirm within its window.
    package func checkRefund(_ state: RequestState, amount: Money) throws(BillingError) {
        // `--full` on an unpaid or fully refunded request asks for 0.00: the action names no amount then.
        let action = RequestAction.refund(amount)
        guard let payment = state.payment, let paidAt = state.paidAt else { throw .notAllowed(action, .status(state.status)) }
        guard state.refundable.isPositive else { throw .notAllowed(action, .nothingRefundable(alreadyRefunded: state.refunded)) }
        guard amount.isPositive else { throw .notAllowed(action, .amountNotPositive) }
        guard amount <= state.refundable else { throw .notAllowed(action, .overRefundable(refundable: state.refundable)) }
        if payment.method.kind == .affirm {
            let paidDay = CalendarDate(paidAt, in: settings.timeZone)
            let today = CalendarDate(now, in: settings.timeZone)
            let days = paidDay.days(until: today)
            guard days <= settings.affirm.refundWindowDays else {
                throw .notAllowed(action, .affirmRefundWindow(days: settings.affirm.refundWindowDays, paidDaysAgo: days))
            }
        }
    }

    /// Void only an open request.
    package func checkVoid(_ state: RequestState) throws(BillingError) {
        switch state.status {
        case .open: return
        default: throw .notAllowed(.void, .status(state.status))
        }
    }

    /// Remind only for open requests with a balance, within the business's limits.
    package func checkRemind(_ state: RequestState) throws(BillingError) {
        let action = RequestAction.remind
        guard state.status == .open else { throw .notAllowed(action, .status(state.status)) }
        guard state.amountDue.isPositive else { throw .notAllowed(action, .nothingDue) }
        let limits = settings.reminders
        guard state.reminders.count < limits.maxTotal else {
            throw .notAllowed(action, .reminderLimit(total: limits.maxTotal))
        }
        let today = CalendarDate(now, in: settings.timeZone)
        let sentToday = state.reminders.filter { CalendarDate($0, in: settings.timeZone) == today }.count
        guard sentToday < limits.maxPerDay else {
            throw .notAllowed(action, .reminderToday(perDay: limits.maxPerDay))
        }
    }

    /// A confirmation only for a request that was paid.
    package func checkConfirm(_ state: RequestState) throws(BillingError) {
        guard state.status.wasPaid else { throw .notAllowed(.confirm, .status(state.status)) }
    }
}
