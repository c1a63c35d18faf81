import Foundation

/// A request's state, folded from its ledger entries in order.
public struct RequestState: Sendable, Hashable {
    public struct DatedRefund: Sendable, Hashable {
        public var refund: Refund
        public var at: Date
    }

    /// The amount of the request: the snapshot's total once paid, else the current invoice's.
    public private(set) var amount: Money
    public private(set) var payment: Payment?
    public private(set) var paidAt: Date?
    public private(set) var refunds: [DatedRefund] = []
    public private(set) var reminders: [Date] = []
    public private(set) var voidedAt: Date?
    public private(set) var confirmationSent = false

    public init(currentAmount: Money, entries: [LedgerEntry]) {
        amount = currentAmount
        for entry in entries { apply(entry) }
    }

    public mutating func apply(_ entry: LedgerEntry) {
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

    public var status: RequestStatus {
        if payment != nil {
            if refunded.isZero { return .paid }
            return refundable.isZero ? .refunded : .partiallyRefunded
        }
        return voidedAt != nil ? .voided : .open
    }

    public var paid: Money { payment?.amount ?? .zero(amount.currency) }

    public var refunded: Money {
        Money(minorUnits: refunds.reduce(0) { $0 + $1.refund.amount.minorUnits }, currency: amount.currency)
    }

    /// What was paid minus what was refunded.
    public var refundable: Money { Money(minorUnits: paid.minorUnits - refunded.minorUnits, currency: amount.currency) }

    /// What the customer still owes: the amount while open, nothing otherwise.
    public var amountDue: Money { status == .open ? amount : .zero(amount.currency) }
}
