/// How the processor pays a business out: its fees per online method, how many business days
/// a payment takes to settle, the days it does not pay, and what a refund gives back.
package struct DepositPolicy: Sendable, Hashable {
    /// Fees of the online methods; a method not listed costs nothing. Offline payments
    /// (cash, cheque, e-transfer) never reach the processor.
    package var fees: [PaymentMethod.Kind: ProcessorFee]
    /// Business days between a payment's local date and its deposit.
    package var settlementDelay: Int
    /// Days without deposits besides Saturdays and Sundays.
    package var holidays: Set<CalendarDate>
    /// Whether a refund gives back the same share of the payment's percentage fee (the fixed
    /// part never comes back).
    package var refundsReturnPercentFee: Bool

    package init(fees: [PaymentMethod.Kind: ProcessorFee] = [:], settlementDelay: Int = 2, holidays: Set<CalendarDate> = [],
                refundsReturnPercentFee: Bool = false) {
        self.fees = fees
        self.settlementDelay = settlementDelay
        self.holidays = holidays
        self.refundsReturnPercentFee = refundsReturnPercentFee
    }

    /// The methods a processor handles, in the order settings list them.
    package static let onlineMethods: [PaymentMethod.Kind] = PaymentMethod.Kind.allCases.filter { !$0.isOffline }

    package var calendar: BusinessCalendar { BusinessCalendar(holidays: holidays) }
}
