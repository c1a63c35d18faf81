import Billing
import Checkout
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Operations
import Testing
@testable import PreviewServer

/// Paying through the checkout's HTML forms (`POST /checkout/<token>/`): every card outcome,
/// the wallets, Affirm, and what the ledger and the rebuilt pages show afterwards.
@Suite struct CheckoutPaymentTests {
    static let reference = "CO-200"

    static func card(_ number: String, exp: String = "12/34", cvc: String = "123", name: String = "Marie Tremblay",
                     language: String = "fr", attempt: String = "attempt-\(UUID().uuidString)") -> ByteBuffer {
        Web.encode([("method", "card"), ("attempt", attempt), ("lang", language), ("name", name),
                    ("number", number), ("exp", exp), ("cvc", cvc)])
    }

    static func post(_ client: any TestClientProtocol, _ token: String, _ body: ByteBuffer) async throws -> TestResponse {
        try await client.execute(uri: "/checkout/\(token)/", method: .post, headers: Web.form, body: body)
    }

    /// After a 303 to the done page: it shows the approval with the ledger's authorization code.
    static func expectApproved(_ client: any TestClientProtocol, _ response: TestResponse, token: String, language: String,
                               workspace: CheckoutWorkspace, reference: String = CheckoutPaymentTests.reference,
                               method: String) async throws {
        #expect(response.status == .seeOther)
        let location = try #require(response.headers[.location])
        #expect(location == "/checkout/\(token)/done?lang=\(language)")
        let done = try await client.execute(uri: location, method: .get)
        #expect(done.status == .ok)
        let html = Web.text(done)
        let payment = try #require(try workspace.state(reference).payment)
        #expect(html.contains(Web.escaped(Web.t(language, "co_test_banner"))))
        #expect(html.contains(Web.escaped(Web.t(language, "co_done_title"))))
        #expect(html.contains(payment.authorizationCode))
        #expect(html.contains(Web.escaped(method)), "\(method)")
        #expect(html.contains("href=\"/p/\(token)/receipt/\(language)/\""))
        #expect(!html.contains("<form"))
        #expect(try workspace.paidCount(reference) == 1)
        #expect(try workspace.kinds(reference).contains("notified"))
        // The request's pages were rebuilt at once: paid, with its receipt.
        let page = Web.text(try await client.execute(uri: "/p/\(token)/\(language)/", method: .get))
        #expect(page.contains("banner-paid"))
        #expect(page.contains(Web.escaped(Web.t(language, "banner_paid_title"))))
        #expect(!page.contains("/checkout/"))
        let receipt = try await client.execute(uri: "/p/\(token)/receipt/\(language)/", method: .get)
        #expect(receipt.status == .ok)
        #expect(Web.text(receipt).contains(payment.authorizationCode))
    }

    /// Declined, refused or invalid: nothing paid, nothing notified, still open.
    static func expectNothingRecorded(_ workspace: CheckoutWorkspace, _ reference: String = CheckoutPaymentTests.reference) throws {
        let kinds = try workspace.kinds(reference)
        #expect(!kinds.contains("paid"))
        #expect(!kinds.contains("notified"))
        #expect(!kinds.contains("confirmation_sent"))
        #expect(try workspace.state(reference).status == .open)
    }

    @Test(arguments: ["fr", "en"])
    func successfulCard(language: String) async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let response = try await Self.post(client, token, Self.card("4242 4242 4242 4242", language: language))
            try await Self.expectApproved(client, response, token: token, language: language, workspace: workspace, method: "Visa •••• 4242")
            // Paid now: the checkout page says so and offers nothing more.
            let again = Web.text(try await client.execute(uri: "/checkout/\(token)/?lang=\(language)", method: .get))
            #expect(again.contains(Web.escaped(Web.t(language, "banner_paid_title"))))
            #expect(!again.contains("<form"))
        }
        // The automatic confirmation went out (enabled in the demo business).
        #expect(try workspace.kinds(Self.reference).contains("confirmation_sent"))
    }

    /// A double click (the same form posted twice) charges once and lands on the same page.
    @Test func doubleClickChargesOnce() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let body = Self.card("4242424242424242", attempt: "attempt-double-click-1")
            async let first = Self.post(client, token, body)
            async let second = Self.post(client, token, body)
            let answers = try await [first, second]
            for answer in answers {
                #expect(answer.status == .seeOther)
                #expect(answer.headers[.location] == "/checkout/\(token)/done?lang=fr")
            }
        }
        #expect(try workspace.paidCount(Self.reference) == 1)
    }

    static let declines: [(String, DeclineReason)] = [
        ("4000000000000002", .cardDeclined), ("4000000000009995", .insufficientFunds), ("4000000000009987", .lostCard),
        ("4000000000009979", .stolenCard), ("4000000000000069", .expiredCard), ("4000000000000127", .incorrectCVC),
        ("4000000000000119", .processingError),
        // Luhn-valid but not a test number: refused with the simulator's message.
        ("4111111111111111", .notATestCard), ("5105105105105100", .notATestCard),
    ]

    @Test(arguments: declines)
    func declinedCard(number: String, reason: DeclineReason) async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            for language in ["fr", "en"] {
                let response = try await Self.post(client, token, Self.card(number, language: language))
                #expect(response.status.code == 402)
                let html = Web.text(response)
                let message = reason.message(language == "fr" ? .fr : .en)
                #expect(html.contains("role=\"alert\""))
                #expect(html.contains(Web.escaped(message)), "\(number) \(language)")
                #expect(html.contains(Web.escaped(Web.t(language, "co_test_banner"))))
                // The form is shown again, with a new attempt key, the name kept and the number not.
                #expect(html.contains("autocomplete=\"cc-number\""))
                #expect(html.contains("value=\"Marie Tremblay\""))
                #expect(!html.contains(number))
                #expect(!html.contains(String(number.suffix(8))))
            }
        }
        try Self.expectNothingRecorded(workspace)
    }

    @Test func simulatorMessageForRealLookingCards() {
        #expect(DeclineReason.notATestCard.message(.en).contains("simulator"))
        #expect(DeclineReason.notATestCard.message(.fr).contains("simulateur"))
        #expect(DeclineReason.lostCard.message(.en) == DeclineReason.cardDeclined.message(.en))
    }

    @Test(arguments: [true, false])
    func authenticationChallenge(approve: Bool) async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let response = try await Self.post(client, token, Self.card("4000 0027 6000 3184", language: "en"))
            #expect(response.status == .ok)
            let html = Web.text(response)
            #expect(html.contains("Test mode"))
            #expect(html.contains(Web.escaped(Web.t("en", "co_challenge_title"))))
            #expect(html.contains("Visa •••• 3184"))
            #expect(html.contains("action=\"/checkout/\(token)/challenge\""))
            #expect(!html.contains("autocomplete=\"cc-number\""))
            try Self.expectNothingRecorded(workspace)
            let id = try #require(Web.hidden(html, "id"))
            let attempt = try #require(Web.hidden(html, "attempt"))
            let answer = try await client.execute(uri: "/checkout/\(token)/challenge", method: .post, headers: Web.form,
                                                  body: Web.encode([("id", id), ("attempt", attempt), ("lang", "en"),
                                                                    ("approve", approve ? "true" : "false")]))
            if approve {
                try await Self.expectApproved(client, answer, token: token, language: "en", workspace: workspace, method: "Visa •••• 3184")
            } else {
                #expect(answer.status.code == 402)
                #expect(Web.text(answer).contains(Web.escaped(DeclineReason.authenticationFailed.message(.en))))
                try Self.expectNothingRecorded(workspace)
            }
            // An unknown challenge id is not a payment.
            let bogus = try await client.execute(uri: "/checkout/\(token)/challenge", method: .post, headers: Web.form,
                                                 body: Web.encode([("id", "nope"), ("attempt", "attempt-bogus-0001"), ("lang", "en"),
                                                                   ("approve", "true")]))
            #expect(bogus.status == .gone)
        }
        #expect(try workspace.paidCount(Self.reference) == (approve ? 1 : 0))
    }

    /// Each invalid field gets `aria-invalid` and its message tied by `aria-describedby`.
    @Test(arguments: [
        ("4242 4242 4242 4241", "12/34", "123", ["cc-number"]),
        ("1234", "12/34", "123", ["cc-number"]),
        ("4242424242424242", "13/34", "123", ["cc-exp"]),
        ("4242424242424242", "01/20", "123", ["cc-exp"]),
        ("4242424242424242", "12/34", "12", ["cc-csc"]),
        ("", "", "", ["cc-number", "cc-exp", "cc-csc"]),
    ])
    func invalidFields(number: String, exp: String, cvc: String, fields: [String]) async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            for language in ["fr", "en"] {
                let response = try await Self.post(client, token, Self.card(number, exp: exp, cvc: cvc, language: language))
                #expect(response.status == .unprocessableContent)
                let html = Web.text(response)
                #expect(html.contains(Web.escaped(Web.t(language, "co_errors_title"))))
                for id in fields {
                    let hint = id == "cc-exp" ? "" : " \(id)-hint"
                    #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"\(id)-error\(hint)\""), "\(id) \(language)")
                    #expect(html.contains("<p class=\"co-error\" id=\"\(id)-error\">"), "\(id) \(language)")
                }
                for id in ["cc-number", "cc-exp", "cc-csc"] where !fields.contains(id) {
                    #expect(!html.contains("id=\"\(id)-error\""), "\(id) \(language)")
                }
                #expect(html.components(separatedBy: "aria-invalid=\"true\"").count - 1 == fields.count)
                #expect(!html.contains("value=\"\(cvc)\"") || cvc.isEmpty)
            }
        }
        try Self.expectNothingRecorded(workspace)
    }

    @Test(arguments: ["apple_pay", "google_pay"])
    func walletOutcomes(method: String) async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        let wallet = Web.t("fr", "co_method_\(method)")
        try await workspace.withClient { client in
            func sheet(_ action: String) -> ByteBuffer {
                Web.encode([("method", method), ("attempt", "attempt-\(UUID().uuidString)"), ("lang", "fr"), ("action", action)])
            }
            let cancelled = try await Self.post(client, token, sheet("cancel"))
            #expect(cancelled.status == .ok)
            #expect(Web.text(cancelled).contains(Web.escaped(Web.t("fr", "co_cancelled"))))
            #expect(Web.text(cancelled).contains("name=\"action\" value=\"approve\""))
            try Self.expectNothingRecorded(workspace)

            let failed = try await Self.post(client, token, sheet("fail"))
            #expect(failed.status.code == 402)
            #expect(Web.text(failed).contains(Web.escaped(DeclineReason.walletFailed.message(.fr))))
            try Self.expectNothingRecorded(workspace)

            let bad = try await Self.post(client, token, sheet("steal"))
            #expect(bad.status == .badRequest)
            try Self.expectNothingRecorded(workspace)

            let approved = try await Self.post(client, token, sheet("approve"))
            let card = method == "apple_pay" ? WalletKind.applePay.simulatedDeviceCard : WalletKind.googlePay.simulatedDeviceCard
            try await Self.expectApproved(client, approved, token: token, language: "fr", workspace: workspace,
                                          method: "\(wallet) (\(card.brand.displayName) •••• \(card.last4))")
        }
        #expect(try workspace.state(Self.reference).payment?.method.kind.rawValue == method)
    }

    @Test(arguments: [3, 6, 12])
    func affirmApproved(months: Int) async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "600.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let response = try await Self.post(client, token, Web.encode([
                ("method", "affirm"), ("attempt", "attempt-affirm-\(months)"), ("lang", "fr"), ("months", String(months)), ("credit", "approve"),
            ]))
            try await Self.expectApproved(client, response, token: token, language: "fr", workspace: workspace, method: "Affirm")
            let plan = try #require(try workspace.state(Self.reference).payment?.method.affirmPlan)
            #expect(plan.months == months)
            let done = Web.text(try await client.execute(uri: "/checkout/\(token)/done?lang=fr", method: .get))
            let format = { (money: Money) in MoneyFormat.format(money, .fr) }
            let expected = Web.t("fr", "co_done_plan", [
                "months": String(months), "monthly": format(plan.monthlyPayment),
                "apr": AffirmQuote.Option(plan: plan).aprText(.fr), "total": format(plan.totalPaid),
            ])
            #expect(done.contains(Web.escaped(expected)))
            #expect(done.contains("Votre plan Affirm : \(months) versements mensuels de"))
        }
    }

    @Test func affirmDeclined() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "600.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let response = try await Self.post(client, token, Web.encode([
                ("method", "affirm"), ("attempt", "attempt-affirm-no"), ("lang", "en"), ("months", "6"), ("credit", "decline"),
            ]))
            #expect(response.status.code == 402)
            #expect(Web.text(response).contains(Web.escaped(DeclineReason.affirmDeclined.message(.en))))
        }
        try Self.expectNothingRecorded(workspace)
    }

    @Test func affirmBelowMinimumIsDeclined() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "35.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let response = try await Self.post(client, token, Web.encode([
                ("method", "affirm"), ("attempt", "attempt-affirm-35"), ("lang", "en"), ("months", "3"), ("credit", "approve"),
            ]))
            #expect(response.status.code == 402)
            #expect(!Web.text(response).contains("name=\"months\""))
        }
        try Self.expectNothingRecorded(workspace)
    }

    /// A declined card, then a good one on the same page: the second attempt pays.
    @Test func retryAfterDecline() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let declined = try await Self.post(client, token, Self.card("4000000000000002", language: "en"))
            #expect(declined.status.code == 402)
            let attempt = try #require(Web.hidden(Web.text(declined), "attempt"))
            let paid = try await Self.post(client, token, Self.card("4242424242424242", language: "en", attempt: attempt))
            try await Self.expectApproved(client, paid, token: token, language: "en", workspace: workspace, method: "Visa •••• 4242")
        }
    }

    /// The form's attempt key is only used when it is a well-formed key; an empty one must not
    /// be shared by every request's forms.
    @Test func malformedAttemptKeysDoNotCollide() async throws {
        let workspace = try CheckoutWorkspace([("CO-201", "125.00"), ("CO-202", "80.00")])
        try await workspace.withClient { client in
            for reference in ["CO-201", "CO-202"] {
                let token = try workspace.token(reference)
                let response = try await Self.post(client, token, Self.card("4242424242424242", language: "en", attempt: ""))
                #expect(response.status == .seeOther, "\(reference)")
            }
        }
        #expect(try workspace.paidCount("CO-201") == 1)
        #expect(try workspace.paidCount("CO-202") == 1)
    }

    /// A failed authentication cannot be answered again into a payment: not by the other
    /// button of the same page, nor by another attempt.
    @Test func failedChallengeCannotBeApprovedLater() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let page = Web.text(try await Self.post(client, token, Self.card("4000002760003184", language: "en")))
            let id = try #require(Web.hidden(page, "id"))
            let attempt = try #require(Web.hidden(page, "attempt"))
            func answer(_ approve: Bool, attempt: String) async throws -> TestResponse {
                try await client.execute(uri: "/checkout/\(token)/challenge", method: .post, headers: Web.form,
                                         body: Web.encode([("id", id), ("attempt", attempt), ("lang", "en"), ("approve", approve ? "true" : "false")]))
            }
            let failed = try await answer(false, attempt: attempt)
            #expect(failed.status.code == 402)
            let replay = try await answer(false, attempt: attempt)
            #expect(replay.status.code == 402)
            let otherButton = try await answer(true, attempt: attempt)
            #expect(otherButton.status == .conflict)
            #expect(Web.text(otherButton).contains(Web.escaped(Web.t("en", "co_challenge_expired"))))
            #expect(Web.text(otherButton).contains("Test mode"))
            let otherAttempt = try await answer(true, attempt: "attempt-another-0001")
            #expect(otherAttempt.status == .gone)
            #expect(Web.text(otherAttempt).contains(Web.escaped(Web.t("en", "co_challenge_expired"))))
        }
        try Self.expectNothingRecorded(workspace)
    }

    /// A stale form posted again with another card reuses its attempt key: a clear message in
    /// the checkout page (not the ledger's path), and nothing charged.
    @Test func attemptKeyReusedWithAnotherCard() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let declined = try await Self.post(client, token, Self.card("4000000000000002", language: "fr", attempt: "attempt-stale-0001"))
            #expect(declined.status.code == 402)
            let reused = try await Self.post(client, token, Self.card("4242424242424242", language: "fr", attempt: "attempt-stale-0001"))
            #expect(reused.status == .conflict)
            let html = Web.text(reused)
            #expect(html.contains("Mode test"))
            #expect(html.contains("role=\"alert\""))
            #expect(html.contains("autocomplete=\"cc-number\""))
            #expect(!html.contains(".paypage"))
            #expect(!html.contains("sqlite"))
        }
        try Self.expectNothingRecorded(workspace)
    }

    @Test func headAnswersLikeGet() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            for uri in ["/checkout/\(token)/?lang=en", "/checkout/\(token)/done", "/api/requests/\(token)"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == .ok, "\(uri)")
                #expect(head.body.readableBytes == 0, "\(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                RouterTests.expectSecurityHeaders(head)
            }
            let unknown = try await client.execute(uri: "/checkout/ZZZZZZZZZZZZZZZZZZZZZZ/", method: .head)
            #expect(unknown.status == .notFound)
        }
    }

    /// Paid at the counter meanwhile: the done page names the method in the page's language.
    @Test func donePageAfterAnOfflinePayment() async throws {
        let workspace = try CheckoutWorkspace([(Self.reference, "125.00")])
        _ = try workspace.service.markPaid(Self.reference, method: .etransfer)
        let token = try workspace.token(Self.reference)
        try await workspace.withClient { client in
            let french = Web.text(try await client.execute(uri: "/checkout/\(token)/done?lang=fr", method: .get))
            #expect(french.contains("Virement Interac"))
            #expect(!french.contains("etransfer"))
            let english = Web.text(try await client.execute(uri: "/checkout/\(token)/done?lang=en", method: .get))
            #expect(!english.contains("etransfer"))
        }
    }
}
