import Billing

/// One line of a deposit, as a bookkeeper ticks it off against the bank statement.
package struct DepositLine: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case payment
        case fee
        case refund
        case feeReturned = "fee_returned"
        case shortfallTaken = "shortfall_taken"
    }

    package var kind: Kind
    /// Signed: what the line adds to the deposit. Payments and fees returned add; fees,
    /// refunds and the shortfall taken subtract.
    package var amount: Money
    /// The request the line comes from; nil for the shortfall taken.
    package var reference: Reference?
    /// The receipt number (payment, fee) or refund-note number (refund, fee returned).
    package var number: Int?
    package var method: PaymentMethod.Kind?
    /// The ledger event of the payment or refund; nil for the shortfall taken.
    package var sequence: Int64?
    /// For the shortfall taken: the day the shortfall began.
    package var since: CalendarDate?

    package init(kind: Kind, amount: Money, reference: Reference? = nil, number: Int? = nil, method: PaymentMethod.Kind? = nil,
                sequence: Int64? = nil, since: CalendarDate? = nil) {
        self.kind = kind
        self.amount = amount
        self.reference = reference
        self.number = number
        self.method = method
        self.sequence = sequence
        self.since = since
    }
}
