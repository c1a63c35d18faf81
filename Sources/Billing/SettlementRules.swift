import Foundation

/// The rules that place a payment or a refund in deposits. Pure: the time zone is the
/// business's and every moment is passed in.
///
/// - A day is a local date in the business's time zone.
/// - A payment settles on its local date plus the settlement delay in business days.
/// - A refund counts on its local date, or the next business day when that is not one.
/// - Offline payments (cash, cheque, e-transfer) and their refunds never reach a deposit.
package struct SettlementRules: Sendable {
    package var policy: DepositPolicy
    package var timeZone: TimeZone

    package init(policy: DepositPolicy, timeZone: TimeZone) {
        self.policy = policy
        self.timeZone = timeZone
    }

    package init(settings: BusinessSettings) {
        self.init(policy: settings.deposits, timeZone: settings.timeZone)
    }

    /// The business day a payment made at `date` is deposited.
    package func settlementDay(paidAt date: Date) -> CalendarDate {
        policy.calendar.adding(businessDays: policy.settlementDelay, to: CalendarDate(date, in: timeZone))
    }

    /// The business day a refund made at `date` counts.
    package func refundDay(refundedAt date: Date) -> CalendarDate {
        policy.calendar.businessDay(onOrAfter: CalendarDate(date, in: timeZone))
    }

    /// The processor's fee on a payment; nil for offline methods.
    package func fee(for method: PaymentMethod.Kind, on amount: Money) throws(BillingError) -> FeeCharge? {
        guard !method.isOffline else { return nil }
        return try (policy.fees[method] ?? .zero(amount.currency)).charge(on: amount)
    }

    /// The settlement of a payment recorded as `entry`; nil when it was paid offline.
    package func settlement(of payment: Payment, entry: LedgerEntry, businessKey: String) throws(BillingError) -> Settlement? {
        guard let fee = try fee(for: payment.method.kind, on: payment.amount) else { return nil }
        return Settlement(sequence: entry.sequence, businessKey: businessKey, reference: entry.reference, kind: .payment,
                          method: payment.method.kind, number: payment.receiptNumber, amount: payment.amount,
                          fee: fee.total, percentFee: fee.percentPart, day: settlementDay(paidAt: entry.at), at: entry.at)
    }

    /// The settlement of a refund recorded as `entry`; nil when its payment was offline.
    /// `paymentSettlement` is the payment's own (nil when the payment was recorded before fees
    /// were stored: nothing is returned then); `refundedBefore` is what earlier refunds took.
    package func settlement(of refund: Refund, entry: LedgerEntry, payment: Payment, paymentSettlement: Settlement?,
                           refundedBefore: Money, businessKey: String) -> Settlement? {
        guard !payment.method.kind.isOffline else { return nil }
        var returned = Money.zero(refund.amount.currency)
        if policy.refundsReturnPercentFee, let paid = paymentSettlement {
            returned = Self.feeReturned(percentFee: paid.percentFee, paid: paid.amount, refundedBefore: refundedBefore,
                                        refund: refund.amount)
        }
        return Settlement(sequence: entry.sequence, businessKey: businessKey, reference: entry.reference, kind: .refund,
                          method: payment.method.kind, number: refund.number, amount: refund.amount, fee: returned,
                          percentFee: .zero(refund.amount.currency), day: refundDay(refundedAt: entry.at), at: entry.at)
    }

    /// The share of the percentage fee a refund gives back. Worked out on the running total of
    /// refunds, so that partial refunds adding up to the payment give back exactly its
    /// percentage fee, never a cent more or less.
    package static func feeReturned(percentFee: Money, paid: Money, refundedBefore: Money, refund: Money) -> Money {
        guard paid.isPositive, percentFee.isPositive else { return .zero(refund.currency) }
        let before = min(max(0, refundedBefore.minorUnits), paid.minorUnits)
        let after = min(max(0, refundedBefore.minorUnits + refund.minorUnits), paid.minorUnits)
        let share = Rounding.proportionHalfUp(percentFee.minorUnits, after, paid.minorUnits)
            - Rounding.proportionHalfUp(percentFee.minorUnits, before, paid.minorUnits)
        return Money(minorUnits: share, currency: refund.currency)
    }
}
