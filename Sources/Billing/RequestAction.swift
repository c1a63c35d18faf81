/// What staff, a customer or the CLI asked to do with a request, when a rule refuses it.
package enum RequestAction: Sendable, Equatable {
    case pay
    /// The amount asked for; zero when none was named (`--full` on a request with nothing paid).
    case refund(Money)
    case void
    case remind
    case confirm
    case sendLink
    case printReceipt
}

/// Why a rule refused an action, with the values that explain it (no sentences: each
/// front end words it in its own language).
package enum Refusal: Sendable, Equatable {
    /// The request's status does not allow the action.
    case status(RequestStatus)
    case nothingDue
    case amountNotDue(amount: Money, due: Money)
    case affirmDisabled
    case affirmOutOfRange(minimum: Money, maximum: Money)
    case nothingRefundable(alreadyRefunded: Money)
    case amountNotPositive
    case overRefundable(refundable: Money)
    case affirmRefundWindow(days: Int, paidDaysAgo: Int)
    case reminderLimit(total: Int)
    case reminderToday(perDay: Int)
}
