import Billing
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Operations
@testable import PreviewServer
import StaffAccess
import Store
import Testing

/// The virtual terminal through the router (no sockets): the checkout simulator's test cards,
/// 3-D Secure answered on the console's page, refusals said plainly, the payment recorded as
/// the staff member's, and no card number kept anywhere.
@Suite("Staff console: virtual terminal")
struct ConsoleTerminalTests {
    static let visa = "4242424242424242", secure = "4000002760003184", declined = "4000000000000002"

    struct Desk {
        let client: any TestClientProtocol
        let cookie: String

        func get(_ path: String) async throws -> TestResponse {
            try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
        }

        /// Posts the card form as a clerk fills it in, from the terminal page just opened.
        func charge(_ reference: String, number: String, exp: String = "12/34", cvc: String = "123") async throws -> (TestResponse, String) {
            let page = Web.text(try await get("/staff/requests/\(reference)/terminal"))
            let fields = [("csrf", Web.hidden(page, "csrf") ?? ""), ("attempt", Web.hidden(page, "attempt") ?? ""), ("name", "Jeanne Roy"),
                          ("number", number), ("exp", exp), ("cvc", cvc)]
            let answer = try await ConsoleSettingsTests.post(client, cookie, "/staff/requests/\(reference)/terminal", fields)
            return (answer, Web.text(answer))
        }
    }

    static func withDesk(_ ws: CheckoutWorkspace, _ body: @escaping @Sendable (Desk) async throws -> Void) async throws {
        try await ws.withClient { client in
            let cookie = try await ConsoleSettingsTests.cookie(client, ConsoleSettingsTests.clerk)
            try await body(Desk(client: client, cookie: cookie))
        }
    }

    @Test("a clerk takes a test card: paid, recorded as the clerk's, with the brand and last 4 only")
    func pays() async throws {
        let ws = try ConsoleTests.workspace()
        try await Self.withDesk(ws) { desk in
            let request = Web.text(try await desk.get("/staff/requests/CO-1"))
            #expect(request.contains("href=\"/staff/requests/CO-1/terminal\""), "the request page links to the terminal")
            let form = try await desk.get("/staff/requests/CO-1/terminal")
            #expect(form.status == .ok)
            let html = Web.text(form)
            #expect(html.contains("class=\"test-banner\"") && html.contains(Web.escaped(Web.t("fr", "co_test_banner"))))
            #expect(html.contains(Web.escaped(Web.t("fr", "console_terminal_pay", ["amount": Web.money(12_500, "fr")]))))
            #expect(html.contains("4242 4242 4242 4242"), "the test cards are listed")
            let (paid, _) = try await desk.charge("CO-1", number: "4242 4242 4242 4242")
            #expect(paid.status == .seeOther)
            #expect(paid.headers[.location] == "/staff/requests/CO-1?done=terminal")
            let after = Web.text(try await desk.get("/staff/requests/CO-1?done=terminal"))
            #expect(after.contains(Web.escaped(Web.t("fr", "console_done_terminal", ["reference": "CO-1"]))))
            #expect(!after.contains("/terminal\""), "a paid request has no terminal link")
        }
        let entry = try #require(try ws.service.context("CO-1").entries.last { $0.event.kind == "paid" })
        #expect(entry.actor == .staff(name: "Marie"))
        guard case .paid(let payment) = entry.event else { return }
        #expect(payment.method.kind == .card && payment.method.cardBrand == "Visa" && payment.method.last4 == "4242")
        #expect(payment.amount == Money(minorUnits: 12_500, currency: .cad))
        try Self.expectNoCardNumbers(ws)
    }

    @Test("a 3-D Secure card asks for the cardholder's answer on the console's page, then pays")
    func challenge() async throws {
        let ws = try ConsoleTests.workspace()
        try await Self.withDesk(ws) { desk in
            let (asked, html) = try await desk.charge("CO-1", number: Self.secure)
            #expect(asked.status == .ok, "no redirect to the customer's page")
            #expect(asked.headers[.location] == nil)
            #expect(html.contains(Web.escaped(Web.t("fr", "console_terminal_challenge_title"))))
            #expect(html.contains("action=\"/staff/requests/CO-1/terminal/challenge\""))
            #expect(!html.contains(Self.secure) && !html.contains("4000 0027 6000 3184\" "), "the number is not put back")
            #expect(try ws.state("CO-1").status == .open)
            let id = try #require(Web.hidden(html, "id"))
            let fields = [("csrf", Web.hidden(html, "csrf") ?? ""), ("attempt", Web.hidden(html, "attempt") ?? ""), ("id", id)]
            // A forged id answers nothing.
            let forged = try await ConsoleSettingsTests.post(desk.client, desk.cookie, "/staff/requests/CO-1/terminal/challenge",
                                                             ConsoleSettingsTests.replacing(fields, "id", with: "3ds_forged") + [("approve", "true")])
            #expect(forged.status == .gone)
            #expect(try ws.state("CO-1").status == .open)
            let answered = try await ConsoleSettingsTests.post(desk.client, desk.cookie, "/staff/requests/CO-1/terminal/challenge", fields + [("approve", "true")])
            #expect(answered.status == .seeOther && answered.headers[.location] == "/staff/requests/CO-1?done=terminal")
        }
        #expect(try ws.state("CO-1").status == .paid)
        #expect(try ws.service.context("CO-1").entries.last { $0.event.kind == "paid" }?.actor == .staff(name: "Marie"))
        try Self.expectNoCardNumbers(ws)
    }

    @Test("refusals are said plainly in the clerk's language and charge nothing", arguments: [
        (declined, "12/34", "console_terminal_declined_card_declined", 402),
        ("4000000000009987", "12/34", "console_terminal_declined_lost_card", 402),
        ("4111111111111111", "12/34", "console_terminal_declined_not_a_test_card", 402),
        ("4242424242424241", "12/34", "console_terminal_error_number_luhn", 422),
        (visa, "01/20", "console_terminal_error_expiry_past", 422),
    ])
    func refused(number: String, exp: String, key: String, status: Int) async throws {
        let ws = try ConsoleTests.workspace()
        try await Self.withDesk(ws) { desk in
            let (answer, html) = try await desk.charge("CO-2", number: number, exp: exp)
            #expect(answer.status.code == status)
            #expect(html.contains(Web.escaped(Web.t("fr", key))), "\(key)")
            #expect(html.contains("role=\"alert\""))
            #expect(html.contains("value=\"Jeanne Roy\""), "the name is kept")
            #expect(!html.contains(number), "the number is never put back into the page")
            #expect(!html.contains("value=\"123\""), "nor the CVC")
        }
        #expect(try ws.state("CO-2").status == .open)
        #expect(try ws.paidCount("CO-2") == 0)
        try Self.expectNoCardNumbers(ws)
    }

    @Test("a paid or voided request has no terminal: said plainly, no card form")
    func notPayable() async throws {
        let ws = try ConsoleTests.workspace()
        _ = try ws.service.markPaid("CO-1", method: .cash)
        _ = try ws.service.void("CO-2", reason: nil)
        try await Self.withDesk(ws) { desk in
            for (reference, reason) in [("CO-1", "console_reason_status_paid"), ("CO-2", "console_reason_status_voided")] {
                let page = try await desk.get("/staff/requests/\(reference)/terminal")
                #expect(page.status == .conflict)
                #expect(Web.text(page).contains(Web.escaped(Web.t("fr", "console_refused", ["reason": Web.t("fr", reason)]))))
                #expect(!Web.text(page).contains("name=\"number\""))
                #expect(!Web.text(try await desk.get("/staff/requests/\(reference)")).contains("/terminal\""))
                let (charged, _) = try await desk.charge(reference, number: Self.visa)
                #expect(charged.status == .conflict)
            }
            let missing = try await desk.get("/staff/requests/NOPE-1/terminal")
            #expect(missing.status == .notFound)
        }
        #expect(try ws.paidCount("CO-1") == 1)
        #expect(try ws.state("CO-2").status == .voided)
    }

    @Test("without a session or the form's token, the terminal charges nothing")
    func gate() async throws {
        let ws = try ConsoleTests.workspace()
        try await ws.withClient { client in
            for path in ["/staff/requests/CO-1/terminal", "/staff/requests/CO-1/terminal/challenge"] {
                let page = try await client.execute(uri: path, method: .post, headers: Web.form,
                                                    body: Web.encode([("csrf", "x"), ("number", Self.visa), ("exp", "12/34"), ("cvc", "123")]))
                #expect(page.status == .seeOther && page.headers[.location] == "/staff/sign-in")
                let script = try await client.execute(uri: path, method: .post, headers: [.accept: "application/json"])
                #expect(script.status == .unauthorized)
            }
            let cookie = try await ConsoleSettingsTests.cookie(client, ConsoleSettingsTests.clerk)
            let forged = try await ConsoleSettingsTests.post(client, cookie, "/staff/requests/CO-1/terminal",
                                                             [("csrf", "forged"), ("number", Self.visa), ("exp", "12/34"), ("cvc", "123"), ("name", "X")])
            #expect(forged.status == .forbidden)
        }
        #expect(try ws.state("CO-1").status == .open)
    }

    /// The ledger's files (database and its write-ahead log) and the built site hold no test card number.
    static func expectNoCardNumbers(_ ws: CheckoutWorkspace) throws {
        let numbers = [visa, secure, declined, "4000000000009987", "4111111111111111"].map { Data($0.utf8) }
        var files = [ws.paths.ledger.path, ws.paths.ledger.path + "-wal"]
        if let walker = FileManager.default.enumerator(atPath: ws.paths.output.path) {
            for case let name as String in walker { files.append(ws.paths.output.appendingPathComponent(name).path) }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            for number in numbers { #expect(data.range(of: number) == nil, "\(file) holds a card number") }
        }
    }
}
