import Billing
import Checkout
import Foundation
import Operations

/// Builds the virtual terminal's page for one request: the card form (with what to correct), the
/// 3-D Secure step, or why the request cannot be paid. The number and the CVC are never put back
/// into the page; only the name and the expiry are kept.
struct ConsoleTerminalBuilder {
    enum Step {
        case form(errors: [FieldError], name: String, exp: String)
        case challenge(PendingChallenge)
        case refused(String)
    }

    let call: ConsoleCall
    let details: RequestDetails
    var text: ConsoleText { call.text }
    var reference: String { details.reference.value }
    var href: String { "/staff/requests/\(reference)/terminal" }

    /// Why a card cannot be taken for this request now (the rule the payment itself applies), or nil.
    var refusal: String? {
        let rules = RequestRules(settings: details.business, now: call.service.clock())
        do throws(BillingError) {
            try rules.checkPay(details.state, amount: details.state.amountDue, method: PaymentMethod(kind: .card))
            return nil
        } catch {
            if case .notAllowed(_, let refusal) = error { return text.t("console_refused", ["reason": text.reason(refusal)]) }
            return text.t("console_refused", ["reason": error.description])
        }
    }

    func page(_ step: Step) -> ConsoleTerminal {
        let due = details.state.amountDue
        var errors: [FieldError] = []
        var kept = (name: "", exp: "")
        if case let .form(found, name, exp) = step {
            errors = found
            kept = (name, exp)
        }
        func field(_ id: String, _ key: String, _ value: String, _ which: FieldError.Field, hint: String? = nil) -> ConsoleAction.Field {
            ConsoleAction.Field(id: id, name: id, label: text.t(key), value: value, hint: hint,
                                error: errors.first { $0.field == which }.map { message($0) }, multiline: false, options: [], hasOptions: false,
                                inputMode: id == "name" ? nil : "numeric")
        }
        let fields = [field("name", "console_terminal_name", kept.name, .name),
                      field("number", "console_terminal_number", "", .number, hint: text.t("console_terminal_number_hint")),
                      field("exp", "console_terminal_exp", kept.exp, .expiry, hint: text.t("console_terminal_exp_hint")),
                      field("cvc", "console_terminal_cvc", "", .cvc)]
        let summary = fields.compactMap { field in field.error.map { ConsoleView.Link(label: $0, href: "#\(field.id)", current: false) } }
            + errors.filter { ![.name, .number, .expiry, .cvc].contains($0.field) }.map { ConsoleView.Link(label: message($0), href: "#number", current: false) }
        var terminal = ConsoleTerminal(
            reference: reference, backHref: "/staff/requests/\(reference)",
            facts: [.init(label: text.t("console_fact_customer"), value: details.invoice.customer.name),
                    .init(label: text.t("console_fact_business"), value: details.business.companyName),
                    .init(label: text.t("console_fact_due"), value: text.money(due))],
            csrf: call.session.csrfToken, action: href, attempt: CheckoutPageBuilder.newAttempt(),
            errors: summary, hasErrors: !summary.isEmpty, name: fields[0], number: fields[1], exp: fields[2], cvc: fields[3],
            testCards: CheckoutPageBuilder.testCards.map { .init(label: $0.number, value: text.t($0.outcomeKey)) },
            payLabel: text.t("console_terminal_pay", ["amount": text.money(due)]), challenge: nil, refused: nil)
        switch step {
        case .form: break
        case .challenge(let challenge):
            terminal.challenge = .init(id: challenge.id, text: text.t("console_terminal_challenge_text", [
                "amount": text.money(challenge.amount), "card": "\(challenge.brand.displayName) •••• \(challenge.last4)"]),
                action: href + "/challenge")
        case .refused(let reason):
            terminal.refused = reason
        }
        return terminal
    }

    /// A field to correct, in the staff member's words when the theme has them.
    func message(_ error: FieldError) -> String {
        text.table["console_terminal_error_\(error.code.rawValue)"] ?? error.message(text.language)
    }

    /// A refusal by the card's bank, said to the staff member (lost and stolen cards by their real reason).
    func declined(_ reason: DeclineReason) -> String {
        text.table["console_terminal_declined_\(reason.rawValue)"] ?? reason.message(text.language)
    }
}
