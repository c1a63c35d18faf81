import Billing
import Foundation
import Operations
import PageModels
import Theming

/// The console's words in the staff member's language, from the theme's string tables, and
/// every refusal said plainly (the typed errors carry the values, the tables the sentences).
struct ConsoleText: Sendable {
    let theme: Theme
    let language: Language

    var table: [String: String] { theme.strings(for: language.rawValue) ?? [:] }

    /// A missing key shows as `⟦key⟧`, as on every other page (`Strings`).
    func t(_ key: String, _ values: [String: String] = [:]) -> String {
        Strings(table: table, language: language)(key, values)
    }

    /// `key`, or `key_one` when `count` is 1 ("1 request", not "1 requests"); `count` is among the values.
    func t(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        t(count == 1 ? key + "_one" : key, values.merging(["count": "\(count)"]) { own, _ in own })
    }

    func money(_ amount: Money) -> String { MoneyFormat.format(amount, language) }

    func date(_ date: Date, timeZone: TimeZone) -> String {
        let style = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: Locale(identifier: language == .fr ? "fr_CA" : "en_CA"),
                                     timeZone: timeZone)
        return date.formatted(style)
    }

    /// A phone number as typed, written as a clerk reads it out: "(514) 555-0123" in North
    /// America; text that is not a number stays as it is.
    func phone(_ text: String) -> String { (try? PhoneNumber(text))?.display ?? text }

    func status(_ status: RequestStatus) -> String { t("status_\(status.rawValue)") }

    func actor(_ actor: EventActor?) -> String? {
        switch actor {
        case .staff(let name)?: name
        case .customer?: t("console_actor_customer")
        case .systemUser(let name)?: t("console_actor_cli", ["name": name])
        case .importer?: t("console_actor_import")
        case .demo?: t("console_actor_demo")
        case nil: nil
        }
    }

    /// "Not done: only 85,00 $ can still be refunded"
    func refusal(_ error: OperationError) -> String {
        t("console_refused", ["reason": reason(error)])
    }

    func reason(_ error: OperationError) -> String {
        switch error {
        case .notAllowed(_, .notAllowed(_, let refusal)): reason(refusal)
        case .conflict(.optedOut): t("console_reason_opted_out")
        case .conflict(.unfilledText(let texts)): t("console_reason_unfilled", ["text": texts.joined(separator: ", ")])
        case .invalidField("amount", _): t("console_reason_invalid_amount")
        case .notFound: t("console_not_found")
        default: t("console_reason_other", ["detail": error.description])
        }
    }

    func reason(_ refusal: Refusal) -> String {
        switch refusal {
        case .status(let status): t("console_reason_status_\(status.rawValue)")
        case .nothingDue, .amountNotDue: t("console_reason_nothing_due")
        case .affirmDisabled, .affirmOutOfRange: t("console_reason_other", ["detail": refusal.englishReason(.pay)])
        case .nothingRefundable: t("console_reason_nothing_refundable")
        case .amountNotPositive: t("console_reason_amount_not_positive")
        case .overRefundable(let refundable): t("console_reason_over_refundable", ["amount": money(refundable)])
        case let .affirmRefundWindow(days, ago): t("console_reason_affirm_window", ["days": "\(days)", "ago": "\(ago)"])
        case .reminderLimit(let total): t("console_reason_reminder_limit", ["count": "\(total)"])
        case .reminderToday(let perDay): t("console_reason_reminder_today", ["count": "\(perDay)"])
        }
    }
}
