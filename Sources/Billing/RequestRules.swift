import Foundation

/// The rules of pay, refund, void, remind and confirm. Pure: the time is passed in.
public struct RequestRules: Sendable {
    public var settings: BusinessSettings
    public var now: Date

    public init(settings: BusinessSettings, now: Date) {
        self.settings = settings
        self.now = now
    }

    private func format(_ money: Money) -> String { MoneyFormat.plain(money) }

    /// Pay only an open request, for exactly its amount due; Affirm only within its range.
    public func checkPay(_ state: RequestState, amount: Money, method: PaymentMethod) throws(BillingError) {
        let action = "pay"
        switch state.status {
        case .voided: throw .notAllowed(action: action, reason: "the request was voided")
        case .paid, .partiallyRefunded, .refunded: throw .notAllowed(action: action, reason: "the request is already paid")
        case .open: break
        }
        guard state.amountDue.isPositive else { throw .notAllowed(action: action, reason: "nothing is due") }
        guard amount == state.amountDue else {
            throw .notAllowed(action: action, reason: "the amount \(format(amount)) is not the amount due \(format(state.amountDue))")
        }
        if method.kind == .affirm {
            guard settings.affirm.enabled else { throw .notAllowed(action: action, reason: "Affirm is not enabled") }
            guard settings.affirm.isEligible(amount) else {
                throw .notAllowed(action: action, reason: "Affirm is available from \(format(settings.affirm.minimum)) to \(format(settings.affirm.maximum))")
            }
        }
    }

    /// Refund only after payment, never more than is refundable; Affirm within its window.
    public func checkRefund(_ state: RequestState, amount: Money) throws(BillingError) {
        // `--full` on an unpaid or fully refunded request asks for 0.00: name no amount then.
        let action = amount.isZero ? "refund" : "refund \(format(amount))"
        guard let payment = state.payment, let paidAt = state.paidAt else {
            throw .notAllowed(action: action, reason: state.status == .voided ? "the request was voided" : "the request is not paid")
        }
        guard state.refundable.isPositive else {
            throw .notAllowed(action: action, reason: "nothing is left to refund (already refunded \(format(state.refunded)))")
        }
        guard amount.isPositive else { throw .notAllowed(action: action, reason: "the amount must be greater than zero") }
        guard amount <= state.refundable else {
            throw .notAllowed(action: action, reason: "only \(format(state.refundable)) is refundable")
        }
        if payment.method.kind == .affirm {
            let paidDay = CalendarDate(paidAt, in: settings.timeZone)
            let today = CalendarDate(now, in: settings.timeZone)
            let days = paidDay.days(until: today)
            guard days <= settings.affirm.refundWindowDays else {
                throw .notAllowed(action: action, reason: "Affirm refunds are accepted up to \(settings.affirm.refundWindowDays) days after payment (paid \(days) days ago)")
            }
        }
    }

    /// Void only an open request.
    public func checkVoid(_ state: RequestState) throws(BillingError) {
        switch state.status {
        case .open: return
        case .voided: throw .notAllowed(action: "void", reason: "the request is already voided")
        default: throw .notAllowed(action: "void", reason: "the request is paid; refund it instead")
        }
    }

    /// Remind only for open requests with a balance, within the business's limits.
    public func checkRemind(_ state: RequestState) throws(BillingError) {
        let action = "send a reminder"
        guard state.status == .open else { throw .notAllowed(action: action, reason: "the request is \(state.status.rawValue.replacingOccurrences(of: "_", with: " "))") }
        guard state.amountDue.isPositive else { throw .notAllowed(action: action, reason: "nothing is due") }
        let limits = settings.reminders
        guard state.reminders.count < limits.maxTotal else {
            throw .notAllowed(action: action, reason: "the limit of \(limits.maxTotal) reminders is reached")
        }
        let today = CalendarDate(now, in: settings.timeZone)
        let sentToday = state.reminders.filter { CalendarDate($0, in: settings.timeZone) == today }.count
        guard sentToday < limits.maxPerDay else {
            throw .notAllowed(action: action, reason: "a reminder was already sent today (limit \(limits.maxPerDay) a day)")
        }
    }

    /// A confirmation only for a request that was paid.
    public func checkConfirm(_ state: RequestState) throws(BillingError) {
        guard state.status.wasPaid else { throw .notAllowed(action: "send a confirmation", reason: "the request is not paid") }
    }
}
