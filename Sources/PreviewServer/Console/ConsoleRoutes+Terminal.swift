import Billing
import Checkout
import Foundation
import HTTPTypes
import Hummingbird
import Operations
import Store

extension ConsoleRoutes {
    /// `/staff/requests/REF/terminal`: the card form, or why this request cannot be paid.
    func terminalPage(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        try await terminal(request, context, form: nil) { builder in
            if let refusal = builder.refusal { return (builder.page(.refused(refusal)), .conflict) }
            return (builder.page(.form(errors: [], name: "", exp: "")), .ok)
        }
    }

    /// Charges the card through the checkout simulator, as the signed-in staff member.
    func terminalCharge(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await terminal(request, context, form: form) { builder in
            if let refusal = builder.refusal { return (builder.page(.refused(refusal)), .conflict) }
            let card = CardDetails(number: form["number"] ?? "", expiry: form["exp"] ?? "", cvc: form["cvc"] ?? "", name: form["name"] ?? "")
            let service = builder.call.service
            return try await settle(builder, form: form) { () throws(OperationError) -> CheckoutResult in
                try CheckoutService.simulated(service).charge(builder.reference, source: .card(card),
                                                               idempotencyKey: form["attempt"].flatMap(CheckoutAPI.validKey))
            }
        }
    }

    /// The cardholder's answer to 3-D Secure, given on the console's page.
    func terminalChallenge(_ request: Request, _ context: PreviewRequestContext) async throws -> Response {
        let form = try await Self.form(request)
        return try await terminal(request, context, form: form) { builder in
            let attempt = form["attempt"].flatMap(CheckoutAPI.validKey)
            guard let challenge = await terminalChallenges.claim(form["id"] ?? "", token: builder.details.row.token.value, key: attempt) else {
                // Answered already, expired, or for another request: start again (or say why it cannot be paid now).
                if let refusal = builder.refusal { return (builder.page(.refused(refusal)), .conflict) }
                var page = builder.page(.form(errors: [], name: "", exp: ""))
                page.errors = [.init(label: builder.call.text.t("console_terminal_challenge_expired"), href: "#number", current: false)]
                page.hasErrors = true
                return (page, .gone)
            }
            let service = builder.call.service
            return try await settle(builder, form: form) { () throws(OperationError) -> CheckoutResult in
                try CheckoutService.simulated(service).completeChallenge(builder.reference, challenge: challenge, approve: form["approve"] == "true",
                                                                         idempotencyKey: attempt)
            }
        }
    }

    /// What a charge answered, as the next page (or, once paid, the request page with its notice).
    private func settle(_ builder: ConsoleTerminalBuilder, form: FormBody,
                        _ charge: () throws(OperationError) -> CheckoutResult) async throws -> (ConsoleTerminal, HTTPResponse.Status)? {
        let kept = (form["name"] ?? "", form["exp"] ?? "")
        func refused(_ alert: String, _ status: HTTPResponse.Status) -> (ConsoleTerminal, HTTPResponse.Status) {
            var page = builder.page(.form(errors: [], name: kept.0, exp: kept.1))
            page.errors = [.init(label: alert, href: "#number", current: false)]
            page.hasErrors = true
            return (page, status)
        }
        let result: CheckoutResult
        do throws(OperationError) { result = try charge() } catch {
            if case .store(.idempotencyConflict) = error { return refused(builder.call.text.t("console_terminal_attempt_used"), .conflict) }
            return refused(builder.call.text.refusal(error), .conflict)
        }
        switch result {
        case .paid:
            await afterChange(builder.details.reference)
            return nil
        case .declined(let reason): return refused(builder.declined(reason), CheckoutPages.paymentRequired)
        case .invalid(let errors): return (builder.page(.form(errors: errors, name: kept.0, exp: kept.1)), .unprocessableContent)
        case .challengeRequired(let challenge):
            await terminalChallenges.keep(challenge, token: builder.details.row.token.value)
            return (builder.page(.challenge(challenge)), .ok)
        case .cancelled: return (builder.page(.form(errors: [], name: kept.0, exp: kept.1)), .ok)
        case .refused:
            // Paid or voided meanwhile: said from the request as it is now.
            let now = try builder.call.service.context(builder.reference)
            let fresh = ConsoleTerminalBuilder(call: builder.call, details: now)
            return (fresh.page(.refused(fresh.refusal ?? builder.call.text.t("console_terminal_not_payable"))), .conflict)
        }
    }

    /// Signed in, CSRF-checked for a POST, the request found: `body` answers with the page and its
    /// status, or nil once paid (then the request page says so).
    private func terminal(_ request: Request, _ context: PreviewRequestContext, form: FormBody?,
                          _ body: (ConsoleTerminalBuilder) async throws -> (ConsoleTerminal, HTTPResponse.Status)?) async throws -> Response {
        try await signedIn(request) { call in
            if let form, !call.session.accepts(csrfToken: form["csrf"]) { return try await forbidden(call.session) }
            let details: RequestDetails
            do throws(OperationError) { details = try call.service.context(context.parameters.get("ref") ?? "") } catch {
                if case .notFound = error { return ErrorPage.response(.notFound) }
                throw error
            }
            let builder = ConsoleTerminalBuilder(call: call, details: details)
            guard let answer = try await body(builder) else {
                return ConsoleGate.redirect("/staff/requests/\(details.reference.value)?done=terminal")
            }
            let (terminal, status) = answer
            var view = call.page(call.text.t("console_terminal_title", ["reference": details.reference.value]), returnTo: builder.href)
            view.terminal = terminal
            return render(call.theme, "console/terminal", view, status: status)
        }
    }
}
