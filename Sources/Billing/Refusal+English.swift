/// The English wording of refusals, shared by the CLI's messages and the JSON API's.
extension RequestAction {
    package var englishVerb: String {
        switch self {
        case .pay: "pay"
        case .refund(let amount): amount.isZero ? "refund" : "refund \(MoneyFormat.plain(amount))"
        case .void: "void"
        case .remind: "send a reminder"
        case .confirm: "send a confirmation"
        case .sendLink: "send the payment link"
        case .printReceipt: "print a receipt"
        }
    }
}

extension Refusal {
    package func englishReason(_ action: RequestAction) -> String {
        switch self {
        case .status(let status): Self.english(status, action)
        case .nothingDue: "nothing is due"
        case let .amountNotDue(amount, due): "the amount \(MoneyFormat.plain(amount)) is not the amount due \(MoneyFormat.plain(due))"
        case .affirmDisabled: "Affirm is not enabled"
        case let .affirmOutOfRange(minimum, maximum):
            "Affirm is available from \(MoneyFormat.plain(minimum)) to \(MoneyFormat.plain(maximum))"
        case .nothingRefundable(let refunded): "nothing is left to refund (already refunded \(MoneyFormat.plain(refunded)))"
        case .amountNotPositive: "the amount must be greater than zero"
        case .overRefundable(let refundable): "only \(MoneyFormat.plain(refundable)) is refundable"
        case let .affirmRefundWindow(days, ago): "Affirm refunds are accepted up to \(days) days after payment (paid \(ago) days ago)"
        case .reminderLimit(let total): "the limit of \(total) reminders is reached"
        case .reminderToday(let perDay): "a reminder was already sent today (limit \(perDay) a day)"
        }
    }

    private static func english(_ status: RequestStatus, _ action: RequestAction) -> String {
        switch (action, status) {
        case (.pay, .voided), (.refund, .voided): "the request was voided"
        case (.pay, _): "the request is already paid"
        case (.refund, _): "the request is not paid"
        case (.void, .voided): "the request is already voided"
        case (.void, _): "the request is paid; refund it instead"
        case (.confirm, _): "the request is not paid"
        default: "the request is \(status.rawValue.replacingOccurrences(of: "_", with: " "))"
        }
    }
}
