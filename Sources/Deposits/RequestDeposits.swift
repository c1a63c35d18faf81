import Billing

/// Where one request's money went: the deposit its payment went into, or the day it is
/// expected, and the same for each refund. What a request's page shows.
package struct RequestDeposits: Sendable, Hashable {
    package enum Status: String, Sendable, Hashable {
        case notPaid = "not_paid"
        /// Cash, cheque or e-transfer: never in a deposit.
        case offline
        /// Paid before fees were stored with payments (a ledger from an older PayPage): the
        /// payment is in no deposit; its later refunds still count.
        case untracked
        case tracked
    }

    package enum Placement: Sendable, Hashable {
        /// In this deposit, made on the item's day.
        case deposited(DepositID)
        /// Its day has passed with no deposit: the day's refunds and fees exceeded its payments,
        /// and the shortfall carried.
        case noDeposit
        /// Its day is today or later.
        case expected
    }

    package struct Item: Sendable, Hashable {
        package var settlement: Settlement
        package var placement: Placement
        /// The business day it counts (settles, for a payment).
        package var day: CalendarDate { settlement.day }
    }

    package var reference: Reference
    package var status: Status
    package var payment: Item?
    package var refunds: [Item]
}
