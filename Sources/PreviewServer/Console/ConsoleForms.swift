import Billing
import Foundation
import Operations

/// The forms and confirmations of one request's actions, or the plain reason it is refused.
struct ConsoleForms {
    let call: ConsoleCall
    let details: RequestDetails
    var text: ConsoleText { call.text }
    var reference: String { details.reference.value }
    var rules: RequestRules { RequestRules(settings: details.business, now: call.service.clock()) }

    func form(_ kind: ConsoleAction.Kind, keeping form: FormBody = FormBody(fields: [:])) -> ConsoleAction {
        switch kind {
        case .remind: remindForm(form)
        case .refund: refundForm(error: nil, form: form)
        case .void: voidForm(form)
        case .markPaid: markPaidForm(form)
        }
    }

    func remindForm(_ form: FormBody) -> ConsoleAction {
        if let refusal = refusal({ () throws(BillingError) in try rules.checkRemind(details.state) }) {
            return refused(text.t("console_remind_title"), refusal)
        }
        let draft = try? call.service.reminderDraft(reference)
        var body = field("body", text.t("console_remind_text"), form["body"] ?? draft?.body ?? "", hint: text.t("console_remind_hint"), multiline: true)
        body.lang = draft?.language.rawValue
        var action = base(heading: text.t("console_remind_title"), submit: text.t("console_remind_send"), kind: .remind,
                          fields: [body], before: draft?.prefix, after: draft?.suffix)
        action.textLanguage = draft?.language.rawValue
        return action
    }

    func refundForm(error: String?, form: FormBody) -> ConsoleAction {
        let refundable = details.state.refundable
        if let refusal = refusal({ () throws(BillingError) in try rules.checkRefund(details.state, amount: refundable) }) {
            return refused(text.t("console_refund_title"), refusal)
        }
        let kinds = [ConsoleView.Option(value: "full", label: text.t("console_refund_full", ["amount": text.money(refundable)]), selected: form["kind"] != "partial"),
                     ConsoleView.Option(value: "partial", label: text.t("console_refund_partial"), selected: form["kind"] == "partial")]
        var kind = field("kind", text.t("console_refund_kind"), "")
        kind.options = kinds
        kind.hasOptions = true
        var amount = field("amount", text.t("console_refund_amount"), form["amount"] ?? "", hint: text.t("console_refund_refundable", ["amount": text.money(refundable)]))
        amount.inputMode = "decimal"
        amount.error = error
        // The refundable amount is said twice already: in the full refund's label and under the amount.
        return base(heading: text.t("console_refund_title"), submit: text.t("console_refund_review"), kind: .refund,
                    fields: [kind, amount, field("reason", text.t("console_refund_reason"), form["reason"] ?? "")])
    }

    /// The step before a refund: the amount checked by the rules, then "Yes, refund 40,00 $".
    func refundConfirmation(full: Bool, amountText: String?, reason: String?) throws(OperationError) -> ConsoleAction {
        let amount: Money
        if full {
            amount = details.state.refundable
        } else {
            do throws(BillingError) { amount = try Money.parse(amountText ?? "", currency: details.business.currency) } catch {
                throw .invalidField("amount", .invalid(error))
            }
        }
        do throws(BillingError) { try rules.checkRefund(details.state, amount: amount) } catch {
            throw .notAllowed(reference: reference, error)
        }
        let shown = text.money(amount)
        var action = base(heading: text.t("console_refund_confirm_title"), submit: text.t("console_refund_confirm", ["amount": shown]),
                          kind: .refund, fields: [])
        action.explanation = text.t("console_refund_confirm_text", ["amount": shown, "customer": details.invoice.customer.name, "reference": reference])
        action.hidden = [.init(name: "kind", value: full ? "full" : "partial"), .init(name: "amount", value: full ? "" : amount.decimalString),
                         .init(name: "reason", value: reason ?? ""), .init(name: "confirm", value: "yes")]
        action.danger = true
        return action
    }

    func voidForm(_ form: FormBody) -> ConsoleAction {
        if let refusal = refusal({ () throws(BillingError) in try rules.checkVoid(details.state) }) {
            return refused(text.t("console_void_title"), refusal)
        }
        var action = base(heading: text.t("console_void_title"), submit: text.t("console_void_confirm"), kind: .void,
                          fields: [field("reason", text.t("console_void_reason"), form["reason"] ?? "")])
        action.explanation = text.t("console_void_text", ["reference": reference, "amount": text.money(details.state.amount),
                                                          "customer": details.invoice.customer.name])
        action.danger = true
        return action
    }

    func markPaidForm(_ form: FormBody) -> ConsoleAction {
        if details.state.status != .open || !details.state.amountDue.isPositive {
            return refused(text.t("console_mark_paid_title"), .status(details.state.status))
        }
        var method = field("method", text.t("console_mark_paid_method"), "")
        method.options = [PaymentMethod.Kind.cash, .cheque, .etransfer].map {
            ConsoleView.Option(value: $0.rawValue, label: text.t("console_method_\($0.rawValue)"), selected: form["method"] == $0.rawValue)
        }
        method.hasOptions = true
        var action = base(heading: text.t("console_mark_paid_title"), submit: text.t("console_mark_paid_confirm"), kind: .markPaid, fields: [method])
        action.explanation = text.t("console_mark_paid_text", ["amount": text.money(details.state.amountDue)])
        return action
    }

    private func refusal(_ check: () throws(BillingError) -> Void) -> Refusal? {
        do { try check() } catch {
            if case .notAllowed(_, let refusal) = error { return refusal }
        }
        return nil
    }

    private func refused(_ heading: String, _ refusal: Refusal) -> ConsoleAction {
        var action = base(heading: heading, submit: "", kind: nil, fields: [])
        action.explanation = text.t("console_refused", ["reason": text.reason(refusal)])
        action.refused = true
        return action
    }

    private func base(heading: String, submit: String, kind: ConsoleAction.Kind?, fields: [ConsoleAction.Field],
                      before: String? = nil, after: String? = nil) -> ConsoleAction {
        let page = "/staff/requests/\(reference)"
        return ConsoleAction(heading: heading, reference: reference, explanation: nil, fixedBefore: before, fixedAfter: after, fields: fields,
                             hidden: [], csrf: call.session.csrfToken, action: kind.map { "\(page)/\($0.rawValue)" } ?? page,
                             submitLabel: submit, danger: false, cancelHref: page, refused: false)
    }

    private func field(_ name: String, _ label: String, _ value: String, hint: String? = nil, multiline: Bool = false) -> ConsoleAction.Field {
        ConsoleAction.Field(id: name, name: name, label: label, value: value, hint: hint, error: nil, multiline: multiline,
                            options: [], hasOptions: false, inputMode: nil)
    }
}
