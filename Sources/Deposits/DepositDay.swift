import Billing

/// One business day of one business: what settled, what was refunded, the fees, and the
/// deposit made of it, or none when that came to zero or less (the shortfall then carries).
package struct DepositDay: Sendable, Hashable, Codable {
    package enum Status: String, Sendable, Hashable, Codable {
        /// The day has passed and a deposit was made: it has a number and never changes.
        case deposited
        /// The day has passed with nothing to deposit: the shortfall carries to the next day.
        case noDeposit = "no_deposit"
        /// Today or later: what is expected so far; it may still change and has no number yet.
        case expected
    }

    package var businessKey: String
    package var day: CalendarDate
    package var status: Status
    /// The deposit's number in the business's sequence, once its day has passed.
    package var number: Int?
    package var lines: [DepositLine]
    /// Payments settling that day.
    package var gross: Money
    /// Refunds counted that day (positive).
    package var refunds: Money
    /// Fees of the payments settling that day (positive).
    package var fees: Money
    /// Fees given back with that day's refunds (positive).
    package var feesReturned: Money
    /// The shortfall carried in from earlier days and taken from this one (positive).
    package var shortfallTaken: Money
    /// The deposit: what remains when positive, else zero.
    package var deposit: Money
    /// The shortfall carried to the next day (positive, zero when none).
    package var shortfallCarried: Money

    package var id: DepositID? { number.map { DepositID(businessKey: businessKey, number: $0) } }

    /// Payments − refunds − fees + fees returned: the day's own activity, before the shortfall.
    package var activity: Money {
        Money(minorUnits: gross.minorUnits - refunds.minorUnits - fees.minorUnits + feesReturned.minorUnits, currency: gross.currency)
    }

    /// Fees less fees returned.
    package var netFees: Money { Money(minorUnits: fees.minorUnits - feesReturned.minorUnits, currency: fees.currency) }
}
