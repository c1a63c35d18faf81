import Billing
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import StaffAccess

extension ConsoleAction {
    /// The actions with a form (or a confirmation) of their own: `/staff/requests/REF/<kind>`.
    enum Kind: String, CaseIterable, Sendable {
        case remind, refund, void
        case markPaid = "mark-paid"
    }
}

extension ConsoleRoutes {
    func actionForm(_ kind: ConsoleAction.Kind, _ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await signedIn(request) { call in
            let reference = context.parameters.get("ref") ?? ""
            do throws(OperationError) {
                let details = try call.service.context(reference)
                let forms = ConsoleForms(call: call, details: details)
                return show(call, forms.form(kind), reference: details.reference.value)
            } catch {
                if case .notFound = error { return ErrorPage.response(.notFound) }
                throw error
            }
        }
    }

    func actionSubmit(_ kind: ConsoleAction.Kind, _ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let reference = context.parameters.get("ref") ?? ""
            let details: RequestDetails
            do throws(OperationError) { details = try call.service.context(reference) } catch {
                if case .notFound = error { return ErrorPage.response(.notFound) }
                throw error
            }
            let forms = ConsoleForms(call: call, details: details)
            let page = "/staff/requests/\(details.reference.value)"
            do throws(OperationError) {
                switch kind {
                case .remind:
                    let body = form["body"].flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
                    _ = try call.service.remind(reference, body: body)
                    await afterChange(details.reference)
                    return ConsoleGate.redirect(page + "?done=remind")
                case .refund:
                    let full = form["kind"] != "partial"
                    let amountText = full ? nil : (form["amount"] ?? "")
                    if !full, amountText?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                        return show(call, forms.refundForm(error: call.text.t("console_refund_amount_missing"), form: form), reference: reference,
                                    status: .unprocessableContent)
                    }
                    guard form["confirm"] == "yes" else {
                        return show(call, try forms.refundConfirmation(full: full, amountText: amountText, reason: form["reason"]), reference: reference)
                    }
                    let result = try call.service.refund(reference, amount: amountText, reason: Self.nonEmpty(form["reason"]))
                    await afterChange(details.reference)
                    let amount = call.text.money(result.amount)
                    return ConsoleGate.redirect(page + "?done=refund&amount=" + (amount.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                case .void:
                    _ = try call.service.void(reference, reason: Self.nonEmpty(form["reason"]))
                    await afterChange(details.reference)
                    return ConsoleGate.redirect(page + "?done=void")
                case .markPaid:
                    let method = PaymentMethod.Kind(rawValue: form["method"] ?? "").flatMap { $0.isOffline ? $0 : nil } ?? .cash
                    _ = try call.service.markPaid(reference, method: method)
                    await afterChange(details.reference)
                    return ConsoleGate.redirect(page + "?done=mark_paid")
                }
            } catch {
                // Refused: the same form again, with the reason said plainly and nothing changed.
                var refused = forms.form(kind, keeping: form)
                refused.refused = false
                return show(call, refused, reference: reference, alert: call.text.refusal(error), status: ProblemStatus.of(error) == 422 ? .unprocessableContent : .conflict)
            }
        }
    }

    func send(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await signedIn(request) { call in
            guard call.session.accepts(csrfToken: form["csrf"]) else { return try await forbidden(call.session) }
            let reference = context.parameters.get("ref") ?? ""
            do throws(OperationError) {
                let details = try call.service.context(reference)
                _ = try call.service.sendLink(reference, reply: nil)
                return ConsoleGate.redirect("/staff/requests/\(details.reference.value)?done=send")
            } catch {
                if case .notFound = error { return ErrorPage.response(.notFound) }
                var view = call.page(reference, returnTo: "/staff/")
                view.alert = call.text.refusal(error)
                view.action = ConsoleAction(heading: call.text.t("console_send_again"), reference: reference, explanation: nil, fixedBefore: nil,
                                            fixedAfter: nil, fields: [], hidden: [], csrf: call.session.csrfToken, action: "", submitLabel: "",
                                            danger: false, cancelHref: "/staff/requests/\(reference)", refused: true)
                return render(call.theme, "console/action", view, status: .conflict)
            }
        }
    }

    private func show(_ call: ConsoleCall, _ action: ConsoleAction, reference: String, alert: String? = nil,
                      status: HTTPResponse.Status = .ok) -> Response {
        var view = call.page(action.heading, returnTo: "/staff/requests/\(reference)")
        view.action = action
        view.alert = alert
        return render(call.theme, "console/action", view, status: status)
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
