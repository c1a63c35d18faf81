import Billing
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer
import Publishing

/// The checkout's HTML forms (`GET /checkout/<token>/`), through the router without sockets.
@Suite struct CheckoutPageTests {
    static let labels: [(String, String)] = [("fr", "Nom sur la carte"), ("en", "Name on card")]

    @Test(arguments: ["fr", "en"])
    func cardFormHasBannerLabelsAndAutocomplete(language: String) async throws {
        let workspace = try CheckoutWorkspace([("CO-100", "125.00")])
        let token = try workspace.token("CO-100")
        try await workspace.withClient { client in
            let response = try await client.execute(uri: "/checkout/\(token)/?method=card&lang=\(language)", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentLanguage] == language)
            #expect(response.headers[.cacheControl] == "no-store")
            RouterTests.expectSecurityHeaders(response)
            let html = Web.text(response)
            #expect(html.contains("<html lang=\"\(language)\""))
            #expect(html.contains("class=\"test-banner\""))
            #expect(html.contains(Web.escaped(Web.t(language, "co_test_banner"))))
            for key in ["co_card_title", "co_card_name", "co_card_number", "co_card_exp", "co_card_cvc"] {
                #expect(html.contains(">\(Web.escaped(Web.t(language, key)))<"), "\(key)")
            }
            for (id, autocomplete) in [("cc-name", "cc-name"), ("cc-number", "cc-number"), ("cc-exp", "cc-exp"), ("cc-csc", "cc-csc")] {
                #expect(html.contains("<label for=\"\(id)\">"), "label for \(id)")
                #expect(html.contains("id=\"\(id)\""), "\(id)")
                #expect(html.contains("autocomplete=\"\(autocomplete)\""), "\(autocomplete)")
            }
            // Number, expiry and CVC bring up the numeric keypad; the name does not.
            #expect(html.components(separatedBy: "inputmode=\"numeric\"").count - 1 == 3)
            #expect(html.contains("name=\"number\" type=\"text\" inputmode=\"numeric\" autocomplete=\"cc-number\""))
            #expect(!html.contains("aria-invalid"))
            let amount = Web.money(12_500, language)
            #expect(html.contains(Web.escaped(Web.t(language, "co_pay_button", ["amount": amount]))))
            // Hints are tied to their fields from the start.
            #expect(html.contains("aria-describedby=\"cc-number-hint\""))
            #expect(html.contains("id=\"cc-number-hint\""))
            // Every method is offered (125.00 is within the Affirm range).
            for method in ["card", "apple_pay", "google_pay", "affirm"] {
                #expect(html.contains("href=\"/checkout/\(token)/?method=\(method)&amp;lang=\(language)\""), "\(method)")
            }
            // The form posts to the same-origin checkout with a fresh attempt key.
            #expect(html.contains("action=\"/checkout/\(token)/\""))
            let attempt = try #require(Web.hidden(html, "attempt"))
            #expect(CheckoutAPI.validKey(attempt) != nil)
        }
    }

    @Test(arguments: ["fr", "en"], ["apple_pay", "google_pay"])
    func walletSheet(language: String, method: String) async throws {
        let workspace = try CheckoutWorkspace([("CO-101", "125.00")])
        let token = try workspace.token("CO-101")
        try await workspace.withClient { client in
            let response = try await client.execute(uri: "/checkout/\(token)/?method=\(method)&lang=\(language)", method: .get)
            #expect(response.status == .ok)
            let html = Web.text(response)
            let wallet = Web.t(language, "co_method_\(method)")
            #expect(html.contains(Web.escaped(Web.t(language, "co_test_banner"))))
            #expect(html.contains(Web.escaped(Web.t(language, "co_wallet_sheet", ["wallet": wallet]))))
            #expect(html.contains("name=\"method\" value=\"\(method)\""))
            for action in ["approve", "cancel", "fail"] {
                #expect(html.contains("name=\"action\" value=\"\(action)\""), "\(action)")
            }
            #expect(html.contains(Web.escaped(Web.t(language, "co_wallet_approve", ["wallet": wallet]))))
            #expect(html.contains("aria-current=\"page\">\(wallet)<"))
            #expect(!html.contains("autocomplete=\"cc-number\""))
        }
    }

    @Test(arguments: ["fr", "en"])
    func affirmPlans(language: String) async throws {
        let workspace = try CheckoutWorkspace([("CO-102", "600.00")])
        let token = try workspace.token("CO-102")
        try await workspace.withClient { client in
            let response = try await client.execute(uri: "/checkout/\(token)/?method=affirm&lang=\(language)", method: .get)
            #expect(response.status == .ok)
            let html = Web.text(response)
            #expect(html.contains(Web.escaped(Web.t(language, "co_test_banner"))))
            #expect(html.contains(Web.escaped(Web.t(language, "co_affirm_title"))))
            for months in [3, 6, 12] { #expect(html.contains("name=\"months\" value=\"\(months)\""), "\(months)") }
            // 3 months at 0 %: 200.00 a month.
            let monthly = Web.money(20_000, language)
            #expect(html.contains(Web.escaped(Web.t(language, "co_affirm_plan", ["months": "3", "monthly": monthly]))))
            #expect(html.contains("name=\"credit\" value=\"approve\" checked"))
            #expect(html.contains("name=\"credit\" value=\"decline\""))
        }
    }

    /// Affirm's minimum is 50.00: a 35.00 request offers no Affirm tab, and asking for it by
    /// URL shows the card form instead of plans it could never pay with.
    @Test func affirmNotOfferedBelowMinimum() async throws {
        let workspace = try CheckoutWorkspace([("CO-103", "35.00")])
        let token = try workspace.token("CO-103")
        try await workspace.withClient { client in
            let card = Web.text(try await client.execute(uri: "/checkout/\(token)/?lang=en", method: .get))
            #expect(card.contains("method=apple_pay"))
            #expect(!card.contains("method=affirm"))
            #expect(!card.contains(">Affirm<"))
            let asked = Web.text(try await client.execute(uri: "/checkout/\(token)/?method=affirm&lang=en", method: .get))
            #expect(!asked.contains("name=\"months\""))
            #expect(!asked.contains("value=\"affirm\""))
            #expect(asked.contains("autocomplete=\"cc-number\""))
            let info = Web.object(try await client.execute(uri: "/api/requests/\(token)", method: .get))
            #expect(info["methods"] as? [String] == ["card", "apple_pay", "google_pay"])
            #expect(info["affirmPlans"] == nil)
        }
    }

    /// Affirm is offered from its minimum (50.00) up to its maximum (30 000.00), both included.
    @Test(arguments: [("49.99", false), ("50.00", true), ("30000.00", true), ("30000.01", false)])
    func affirmRange(amount: String, offered: Bool) async throws {
        let workspace = try CheckoutWorkspace([("CO-107", amount)])
        let token = try workspace.token("CO-107")
        try await workspace.withClient { client in
            let html = Web.text(try await client.execute(uri: "/checkout/\(token)/?method=affirm&lang=en", method: .get))
            #expect(html.contains("method=affirm&amp;lang=en\" aria-current") == offered)
            #expect(html.contains("name=\"months\"") == offered)
            let info = Web.object(try await client.execute(uri: "/api/requests/\(token)", method: .get))
            #expect((info["methods"] as? [String])?.contains("affirm") == offered)
        }
    }

    @Test func languageFollowsAcceptLanguageThenCustomer() async throws {
        let workspace = try CheckoutWorkspace([("CO-104", "125.00")], language: "en")
        let token = try workspace.token("CO-104")
        try await workspace.withClient { client in
            let french = try await client.execute(uri: "/checkout/\(token)/", method: .get, headers: [.acceptLanguage: "fr-CA,fr;q=0.9"])
            #expect(french.headers[.contentLanguage] == "fr")
            #expect(Web.text(french).contains("Payer par carte"))
            #expect(french.headers[.vary] == "Accept-Language, Cookie")
            #expect(french.headers[.setCookie] == nil)
            let english = try await client.execute(uri: "/checkout/\(token)/", method: .get)
            #expect(english.headers[.contentLanguage] == "en")
            #expect(Web.text(english).contains("Pay by card"))
            // ?lang wins and is remembered; the cookie then wins over Accept-Language.
            let chosen = try await client.execute(uri: "/checkout/\(token)/?lang=fr", method: .get, headers: [.acceptLanguage: "en"])
            #expect(chosen.headers[.contentLanguage] == "fr")
            #expect(chosen.headers[.setCookie] == "paypage_lang=fr; Path=/; SameSite=Lax; HttpOnly")
            let remembered = try await client.execute(uri: "/checkout/\(token)/", method: .get,
                                                      headers: [.acceptLanguage: "en", .cookie: "paypage_lang=fr"])
            #expect(remembered.headers[.contentLanguage] == "fr")
        }
    }

    @Test(arguments: ["fr", "en"])
    func voidedRequestOffersNoWayToPay(language: String) async throws {
        let workspace = try CheckoutWorkspace([("CO-105", "125.00")])
        _ = try workspace.service.void("CO-105", reason: "duplicate")
        _ = try SitePublisher(paths: workspace.paths).publish(only: [try Reference("CO-105")])
        let token = try workspace.token("CO-105")
        try await workspace.withClient { client in
            for method in ["card", "apple_pay", "google_pay", "affirm"] {
                let response = try await client.execute(uri: "/checkout/\(token)/?method=\(method)&lang=\(language)", method: .get)
                #expect(response.status == .ok)
                let html = Web.text(response)
                #expect(html.contains(Web.escaped(Web.t(language, "co_test_banner"))))
                #expect(html.contains(Web.escaped(Web.t(language, "banner_voided_title"))))
                #expect(html.contains(Web.escaped(Web.t(language, "co_closed"))))
                for control in ["<form", "<button", "<input", "co-methods", "cc-number", "name=\"months\""] {
                    #expect(!html.contains(control), "\(method): \(control)")
                }
            }
            // Posting anyway is refused and records nothing.
            let post = try await client.execute(uri: "/checkout/\(token)/", method: .post, headers: Web.form, body: Web.encode([
                ("method", "card"), ("attempt", "attempt-void-0001"), ("lang", language), ("name", "A B"),
                ("number", "4242424242424242"), ("exp", "12/34"), ("cvc", "123"),
            ]))
            #expect(post.status == .conflict)
            #expect(!Web.text(post).contains("<form"))
            // The static request page has no link to the checkout either.
            let page = try await client.execute(uri: "/p/\(token)/\(language)/", method: .get)
            #expect(page.status == .ok)
            #expect(!Web.text(page).contains("/checkout/"))
            #expect(!Web.text(page).contains("<form"))
        }
        #expect(try workspace.paidCount("CO-105") == 0)
        #expect(try workspace.state("CO-105").status == .voided)
    }

    @Test func unknownTokensAllLookAlike() async throws {
        let workspace = try CheckoutWorkspace([("CO-106", "125.00")])
        let old = try workspace.token("CO-106")
        _ = try workspace.service.rotateLink("CO-106")
        try await workspace.withClient { client in
            var bodies: Set<String> = []
            for token in ["ZZZZZZZZZZZZZZZZZZZZZZ", "x", old, "%2e%2e"] {
                let page = try await client.execute(uri: "/checkout/\(token)/", method: .get)
                #expect(page.status == .notFound, "\(token)")
                let post = try await client.execute(uri: "/checkout/\(token)/", method: .post, headers: Web.form,
                                                    body: Web.encode([("method", "card")]))
                #expect(post.status == .notFound, "\(token)")
                bodies.insert(Web.text(page))
                bodies.insert(Web.text(post))
            }
            #expect(bodies.count == 1)
        }
    }
}

extension CheckoutPageTests {
    /// The checkout keeps its themes loaded between requests, yet an edited theme shows at once.
    @Test func anEditedThemeShowsOnTheNextRequest() async throws {
        let workspace = try CheckoutWorkspace([("CO-140", "125.00")])
        let token = try workspace.token("CO-140")
        let strings = workspace.root.appendingPathComponent("Themes/default/strings/en.json")
        try await workspace.withClient { client in
            let before = try await client.execute(uri: "/checkout/\(token)/?method=card&lang=en", method: .get)
            #expect(Web.text(before).contains(">Pay by card<"))
            let again = try await client.execute(uri: "/checkout/\(token)/?method=card&lang=en", method: .get)
            #expect(Web.text(again).contains(">Pay by card<"))
            let text = try String(contentsOf: strings, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\"Pay by card\"", with: "\"Pay with a card\"").utf8).write(to: strings)
            let after = try await client.execute(uri: "/checkout/\(token)/?method=card&lang=en", method: .get)
            #expect(Web.text(after).contains(">Pay with a card<"))
        }
    }
}
