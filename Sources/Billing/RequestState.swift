import Foundation

/// A request's state, folded from its ledger entries in order.
package struct RequestState: Sendable, Hashable {
    package struct DatedRefund: Sendable, Hashable {
        package var refund: Refund
        package var at: Date
    }

    /// The amount of the request: the snapshot's total once paid, else the current invoice's.
    package private(set) var amount: Money
    package private(set) var payment: Payment?
    package private(set) var paidAt: Date?
    package private(set) var refunds: [DatedRefund] = []
    package private(set) var reminders: [Date] = []
    package private(set) var voidedAt: Date?
    package private(set) var confirmationSent = false

    package init(currentAmount: Money, entries: [LedgerEntry]) {
        amount = currentAmount
        for entry in entries { apply(entry) }
    }

    package mutating func apply(_ entry: LedgerEntry) {
        switch entry.event {
        case .paid(let payment):
            self.payment = payment
            paidAt = entry.at
            amount = payment.snapshot.totals.total
        case .refunded(let refund):
            refunds.append(DatedRefund(refund: refund, at: entry.at))
        case .voided:
            voidedAt = entry.at
        case .reminded:
            reminders.append(entry.at)
        case .confirmationSent:
            confirmationSent = true
        case .requested, .messageSent, .notified, .linkRotated, .updatedFromImport:
            break
        }
    }

    package var status: RequestStatus {
        if payment != nil {
            if refunded.isZero { return .paid }
            return refundable.isZero ? .refunded : .partiallyRefunded
        }
        return voidedAt != nil ? .voided : .open
    }

    package var paid: Money { payment?.amount ?? .zero(amount.currency) }

    package var refunded: Money {
        Money(minorUnits: refunds.reduce(0) { $0 + $1.refund.amount.minorUnits }, currency: amount.currency)
    }

    /// What was paid minus what was refunded.
    package var refundable: Money { Money(minorUnits: paid.minorUnits - refunded.minorUnits, currency: amount.currency) }

    /// What the customer still owes: the amount while open, nothing otherwise.
    package var amountDue: Money { status == .open ? amount : .zero(amount.currency) }
}
