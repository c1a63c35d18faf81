import Foundation

/// What one payment or refund handled by the processor brings to the business's deposits.
/// Everything is fixed when it is recorded, with the settings of that moment (fee schedule,
/// delay, holidays, time zone): a later change of the settings never moves or alters it.
package struct Settlement: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case payment
        case refund
    }

    /// The ledger event it belongs to.
    package var sequence: Int64
    package var businessKey: String
    package var reference: Reference
    package var kind: Kind
    package var method: PaymentMethod.Kind
    /// The receipt number of a payment, the refund-note number of a refund.
    package var number: Int
    /// Positive: what was paid, or refunded.
    package var amount: Money
    /// A payment's fee; a refund's fee returned.
    package var fee: Money
    /// A payment's percentage part of its fee (the most its refunds may give back); zero on a refund.
    package var percentFee: Money
    /// The business day it counts: a payment's settlement day, a refund's day.
    package var day: CalendarDate
    package var at: Date

    package init(sequence: Int64, businessKey: String, reference: Reference, kind: Kind, method: PaymentMethod.Kind,
                number: Int, amount: Money, fee: Money, percentFee: Money, day: CalendarDate, at: Date) {
        self.sequence = sequence
        self.businessKey = businessKey
        self.reference = reference
        self.kind = kind
        self.method = method
        self.number = number
        self.amount = amount
        self.fee = fee
        self.percentFee = percentFee
        self.day = day
        self.at = at
    }
}
