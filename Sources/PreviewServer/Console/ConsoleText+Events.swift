import Billing
import Operations

extension ConsoleText {
    /// A ledger event as a line of the request's history, in the staff member's language.
    func event(_ event: RequestEvent) -> String {
        switch event {
        case .requested(let amount): t("console_event_requested", ["amount": money(amount)])
        case .messageSent: t("console_event_message_sent")
        case .paid(let payment):
            t("console_event_paid", ["amount": money(payment.amount), "method": method(payment.method), "number": "\(payment.receiptNumber)"])
        case .refunded(let refund):
            t("console_event_refunded", ["amount": money(refund.amount), "number": "\(refund.number)"]) + (refund.reason.map { " (\($0))" } ?? "")
        case .voided(let reason): t("console_event_voided") + (reason.map { " (\($0))" } ?? "")
        case .reminded: t("console_event_reminded")
        case .confirmationSent: t("console_event_confirmation_sent")
        case .notified: t("console_event_notified")
        case .linkRotated: t("console_event_link_rotated")
        case let .updatedFromImport(amount, file): t("console_event_updated_from_import", ["amount": money(amount), "file": file])
        }
    }

    func method(_ method: PaymentMethod) -> String {
        switch method.kind {
        case .card: [method.cardBrand, method.last4.map { "•••• \($0)" }].compactMap { $0 }.joined(separator: " ")
        case .applePay: "Apple Pay"
        case .googlePay: "Google Pay"
        case .affirm: "Affirm"
        case .cash, .cheque, .etransfer: t("console_method_\(method.kind.rawValue)")
        }
    }
}
