import Billing
import Deposits
import Foundation

extension ConsoleText {
    /// A business day as staff read it: "Thu, Dec 3, 2026" / "jeu. 3 déc. 2026". A day is
    /// already a local date in the business's time zone, so it is formatted as that date.
    func day(_ day: CalendarDate, full: Bool = false) -> String {
        let utc = TimeZone(identifier: "UTC")!
        let locale = Locale(identifier: language == .fr ? "fr_CA" : "en_CA")
        var style = Date.FormatStyle(date: full ? .complete : .abbreviated, time: .omitted, locale: locale, timeZone: utc)
        if !full { style = style.weekday(.abbreviated) }
        return day.noonUTC.formatted(style)
    }

    func depositStatus(_ status: DepositDay.Status) -> String { t("console_deposit_status_\(status.rawValue)") }

    func depositLine(_ kind: DepositLine.Kind) -> String { t("console_deposit_line_\(kind.rawValue)") }

    func methodName(_ kind: PaymentMethod.Kind) -> String {
        switch kind {
        case .card: t("console_deposit_method_card")
        case .applePay: "Apple Pay"
        case .googlePay: "Google Pay"
        case .affirm: "Affirm"
        case .cash, .cheque, .etransfer: t("console_method_\(kind.rawValue)")
        }
    }

    /// The receipt of a payment or its fee, the refund note of a refund or its fee returned,
    /// the day a shortfall began.
    func document(_ line: DepositLine) -> String {
        switch line.kind {
        case .payment, .fee: line.number.map { t("console_deposit_receipt", ["number": "\($0)"]) } ?? ""
        case .refund, .feeReturned: line.number.map { t("console_deposit_refund_note", ["number": "\($0)"]) } ?? ""
        case .shortfallTaken: line.since.map { t("console_deposit_since", ["day": day($0)]) } ?? ""
        }
    }

    /// Why deposits could not be worked out, in a sentence (the error carries the values).
    func reason(_ error: DepositError) -> String {
        switch error {
        case .noSuchDeposit, .noSuchDay, .invalidDepositName, .unknownBusiness, .businessNeeded: t("console_deposit_not_found")
        default: t("console_reason_other", ["detail": error.description])
        }
    }
}
