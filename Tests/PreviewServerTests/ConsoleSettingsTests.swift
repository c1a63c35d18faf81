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

/// The settings page through the router (no sockets): owners only, the business file edited in
/// place (every field the page does not show kept byte for byte), checked like `paypage check`,
/// the site rebuilt, and a test text queued through the outbox.
@Suite("Staff console: settings")
struct ConsoleSettingsTests {
    static let owner = ("Luc", "another long one")
    static let clerk = ("Marie", "correct horse battery")

    static func workspace() throws -> CheckoutWorkspace {
        let ws = try ConsoleTests.workspace()
        let staff = StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
        _ = try staff.addAccount(name: owner.0, role: .owner, language: .en, password: owner.1)
        return ws
    }

    /// The form as the page shows it now, ready to post back with changes.
    static func form(_ html: String) -> [(String, String)] {
        var fields: [(String, String)] = []
        guard let start = html.range(of: "<form class=\"card console-form settings-form\""),
              let end = html[start.upperBound...].range(of: "</form>") else { return [] }
        let form = String(html[start.lowerBound..<end.upperBound])
        for match in form.matches(of: /<input id="[^"]*" name="([^"]*)" type="checkbox" value="on"( checked)?/) where match.2 != nil {
            fields.append((String(match.1), "on"))
        }
        for match in form.matches(of: /<input (?:id="[^"]*" )?(?:type="hidden" )?name="([^"]*)" (?:type="(?:text|hidden)" )?(?:autocomplete="off" spellcheck="false" )?value="([^"]*)"/) {
            fields.append((String(match.1), String(match.2).replacingOccurrences(of: "&amp;", with: "&")))
        }
        for match in form.matches(of: /<select id="([^"]*)"[\s\S]*?<option value="([^"]*)" selected>/) {
            fields.append((String(match.1), String(match.2)))
        }
        return fields
    }

    static func post(_ client: any TestClientProtocol, _ cookie: String, _ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = Web.form
        headers[.cookie] = cookie
        return try await client.execute(uri: path, method: .post, headers: headers, body: Web.encode(fields))
    }

    static func cookie(_ client: any TestClientProtocol, _ who: (String, String)) async throws -> String {
        let session = try #require(try await ConsoleTests.signIn(client, who.0, who.1).session)
        return "\(ConsoleGate.sessionCookie)=\(session)"
    }

    static func replacing(_ fields: [(String, String)], _ name: String, with value: String?) -> [(String, String)] {
        fields.filter { $0.0 != name } + (value.map { [(name, $0)] } ?? [])
    }

    @Test("a clerk gets 403 on every settings address, said in their language, and nothing is written or queued")
    func clerkRefused() async throws {
        let ws = try Self.workspace()
        let file = ws.root.appendingPathComponent("Records/business.json")
        let before = try Data(contentsOf: file)
        let outbox = try ws.service.ledger.outbox().count
        try await ws.withClient { client in
            let cookie = try await Self.cookie(client, Self.clerk)
            let list = try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: cookie])
            #expect(!Web.text(list).contains("href=\"/staff/settings\""), "no Settings link for a clerk")
            let csrf = try #require(Web.hidden(Web.text(list), "csrf"))
            let page = try await client.execute(uri: "/staff/settings", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .forbidden)
            #expect(Web.text(page).contains("<html lang=\"fr\""))
            #expect(Web.text(page).contains(Web.escaped(Web.t("fr", "console_settings_owners_only"))))
            #expect(!Web.text(page).contains("affirm_minimum"), "no settings shown")
            for path in ["/staff/settings", "/staff/settings/test"] {
                let answer = try await Self.post(client, cookie, path, [("csrf", csrf), ("business", "main"), ("affirm_minimum", "999.00"),
                                                                        ("reminders_max_total", "9"), ("reminders_max_per_day", "2"),
                                                                        ("test_phone", "514 555 0199")])
                #expect(answer.status == .forbidden, "\(path)")
            }
        }
        #expect(try Data(contentsOf: file) == before)
        #expect(try ws.service.ledger.outbox().count == outbox)
    }

    @Test("an owner turns Affirm off: the customer's page drops Affirm, and the file changes in that one value only")
    func affirmOff() async throws {
        let ws = try Self.workspace()
        let token = try ws.token("CO-1")
        let file = ws.root.appendingPathComponent("Records/business.json")
        let before = try String(contentsOf: file, encoding: .utf8)
        try await ws.withClient { client in
            let customer = try await client.execute(uri: "/p/\(token)/fr/", method: .get)
            #expect(Web.text(customer).contains("method=affirm"), "Affirm is offered before")
            let cookie = try await Self.cookie(client, Self.owner)
            let page = try await client.execute(uri: "/staff/settings", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let html = Web.text(page)
            #expect(html.contains("href=\"/staff/settings\""), "owners see the Settings link")
            let fields = Self.form(html)
            #expect(fields.contains { $0 == ("affirm", "on") } && fields.contains { $0 == ("affirm_minimum", "50.00") }, "\(fields)")
            let saved = try await Self.post(client, cookie, "/staff/settings", Self.replacing(fields, "affirm", with: nil))
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/staff/settings?business=main&done=saved")
            let after = try await client.execute(uri: "/p/\(token)/fr/", method: .get)
            #expect(!Web.text(after).contains("method=affirm"), "Affirm is gone after the rebuild")
            let checkout = try await client.execute(uri: "/checkout/\(token)?method=affirm&lang=en", method: .get)
            #expect(!Web.text(checkout).contains("name=\"months\""), "and the checkout offers no plan")
            let shown = try await client.execute(uri: "/staff/settings?business=main&done=saved", method: .get, headers: [.cookie: cookie])
            #expect(!Self.form(Web.text(shown)).contains { $0.0 == "affirm" })
            // Posting the same values again changes nothing and says so.
            let again = try await Self.post(client, cookie, "/staff/settings", Self.form(Web.text(shown)))
            #expect(again.headers[.location] == "/staff/settings?business=main&done=unchanged")
        }
        let expected = before.replacingOccurrences(of: "\"affirm\": {\n    \"enabled\": true", with: "\"affirm\": {\n    \"enabled\": false")
        #expect(expected != before)
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)
    }

    @Test("invalid values: said beside their fields in the owner's language, and the file is not touched")
    func invalid() async throws {
        let ws = try Self.workspace()
        let file = ws.root.appendingPathComponent("Records/business.json")
        let before = try Data(contentsOf: file)
        try await ws.withClient { client in
            let cookie = try await Self.cookie(client, Self.owner)
            let fields = Self.form(Web.text(try await client.execute(uri: "/staff/settings", method: .get, headers: [.cookie: cookie])))
            var bad = Self.replacing(fields, "affirm_minimum", with: "fifty")
            bad = Self.replacing(bad, "reminders_max_per_day", with: "0")
            bad = Self.replacing(bad, "reminders_max_total", with: "2")
            let answer = try await Self.post(client, cookie, "/staff/settings", bad)
            #expect(answer.status == .unprocessableContent)
            let html = Web.text(answer)
            #expect(html.contains(Web.escaped(Web.t("en", "console_settings_not_saved"))))
            #expect(html.contains(Web.escaped(Web.t("en", "console_settings_error_minimum", ["maximum": Web.money(3_000_000, "en")]))))
            #expect(html.contains(Web.escaped(Web.t("en", "console_settings_error_reminders_per_day"))))
            #expect(html.contains("id=\"affirm_minimum\" name=\"affirm_minimum\" type=\"text\" autocomplete=\"off\" spellcheck=\"false\" value=\"fifty\""))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(!html.contains(Web.escaped(Web.t("en", "console_settings_error_reminders_total"))), "a valid field has no error")
            // Above Affirm's maximum: the file's own rule (maximum below the minimum) refuses it.
            let above = try await Self.post(client, cookie, "/staff/settings", Self.replacing(fields, "affirm_minimum", with: "40000"))
            #expect(above.status == .unprocessableContent)
            // A reply that does not exist.
            let reply = try await Self.post(client, cookie, "/staff/settings", Self.replacing(fields, "confirmation_reply", with: "no-such-reply"))
            #expect(reply.status == .unprocessableContent)
            #expect(Web.text(reply).contains(Web.escaped(Web.t("en", "console_settings_error_reply"))))
            // Without the form's token: 403.
            let forged = try await Self.post(client, cookie, "/staff/settings", Self.replacing(fields, "csrf", with: "forged"))
            #expect(forged.status == .forbidden)
        }
        #expect(try Data(contentsOf: file) == before)
    }

    @Test("a hand-edited file with fields of its own keeps them, stays readable by `paypage check`, and another business is picked by key")
    func handEdited() async throws {
        let ws = try Self.workspace()
        let file = ws.root.appendingPathComponent("Records/businesses/velo-laurier.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        // Extra fields the page knows nothing of, a tab-indented one, and no reminders object at all.
        #expect(text.hasPrefix("{\n"))
        text = "{\n  \"x-owner-note\": \"Rénové en 2024 — garder\",\n\t\"x-tabbed\":   [1,2 , {\"a\":null}],\n" + text.dropFirst(2)
        text = text.replacingOccurrences(of: #",\s*"reminders": \{[^}]*\}"#, with: "", options: .regularExpression)
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(WorkspaceCheck(paths: ws.paths).run().isEmpty)
        let main = try Data(contentsOf: ws.root.appendingPathComponent("Records/business.json"))
        try await ws.withClient { client in
            let cookie = try await Self.cookie(client, Self.owner)
            let page = Web.text(try await client.execute(uri: "/staff/settings?business=velo-laurier", method: .get, headers: [.cookie: cookie]))
            #expect(page.contains("<option value=\"velo-laurier\" selected>"))
            var fields = Self.replacing(Self.form(page), "reminders_max_total", with: "5")
            fields = Self.replacing(fields, "affirm_minimum", with: "120,5")
            let saved = try await Self.post(client, cookie, "/staff/settings", fields)
            #expect(saved.headers[.location] == "/staff/settings?business=velo-laurier&done=saved")
        }
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after.contains("  \"x-owner-note\": \"Rénové en 2024 — garder\",\n\t\"x-tabbed\":   [1,2 , {\"a\":null}],\n"))
        #expect(after.contains("\"minimum\": \"120.50\""))
        #expect(after.contains("\"reminders\": {\n    \"maxTotal\": 5\n  }\n}"), "\(after)")
        // Everything else as it was: undo the two edits and compare.
        let undone = after.replacingOccurrences(of: "\"minimum\": \"120.50\"", with: "\"minimum\": \"50.00\"")
            .replacingOccurrences(of: ",\n  \"reminders\": {\n    \"maxTotal\": 5\n  }\n}", with: "\n}")
        #expect(undone == text)
        #expect(try Data(contentsOf: ws.root.appendingPathComponent("Records/business.json")) == main, "the other business is untouched")
        #expect(WorkspaceCheck(paths: ws.paths).run().isEmpty)
        let settings = try RecordsReader(workspace: ws.root).loadBusinesses().all["velo-laurier"]
        #expect(settings?.reminders.maxTotal == 5 && settings?.affirm.minimum == Money(minorUnits: 12_050, currency: .cad))
    }

    @Test("a test message is queued through the outbox to any number; a bad number is said beside its field")
    func testMessage() async throws {
        let ws = try Self.workspace()
        try await ws.withClient { client in
            let cookie = try await Self.cookie(client, Self.owner)
            let page = Web.text(try await client.execute(uri: "/staff/settings", method: .get, headers: [.cookie: cookie]))
            let csrf = try #require(Web.hidden(page, "csrf"))
            let bad = try await Self.post(client, cookie, "/staff/settings/test", [("csrf", csrf), ("business", "main"), ("test_phone", "12")])
            #expect(bad.status == .unprocessableContent)
            #expect(Web.text(bad).contains(Web.escaped(Web.t("en", "console_settings_error_phone"))))
            #expect(try ws.service.ledger.outbox().filter { $0.kind == "test" }.isEmpty)
            let sent = try await Self.post(client, cookie, "/staff/settings/test",
                                           [("csrf", csrf), ("business", "main"), ("test_phone", "(514) 555-0199"), ("test_language", "en")])
            #expect(sent.status == .seeOther)
            let queued = try #require(try ws.service.ledger.outbox().last { $0.kind == "test" })
            #expect(queued.to.e164 == "+15145550199" && queued.status == .queued)
            #expect(queued.body.hasPrefix("Garage Tremblay") && queued.body.contains("test"))
            #expect(sent.headers[.location] == "/staff/settings?business=main&sent=\(queued.id ?? -1)")
            let shown = try await client.execute(uri: try #require(sent.headers[.location]), method: .get, headers: [.cookie: cookie])
            #expect(Web.text(shown).contains("role=\"status\""))
            #expect(Web.text(shown).contains(Web.escaped(queued.body)))
            // A number that opted out gets nothing, and the alert names it as the console writes phones.
            _ = try ws.service.optOut(phone: "514 555 0198")
            let refused = try await Self.post(client, cookie, "/staff/settings/test",
                                              [("csrf", csrf), ("business", "main"), ("test_phone", "514.555.0198"), ("test_language", "en")])
            #expect(refused.status == .conflict)
            #expect(Web.text(refused).contains(Web.escaped(Web.t("en", "console_settings_test_opted_out", ["phone": "(514) 555-0198"]))))
            #expect(try ws.service.ledger.outbox().filter { $0.kind == "test" }.count == 1)
        }
    }

    @Test("without a session the settings show nothing: pages go to sign-in, scripts get 401")
    func gate() async throws {
        let ws = try Self.workspace()
        try await ws.withClient { client in
            for (method, path) in [(HTTPRequest.Method.get, "/staff/settings"), (.post, "/staff/settings"), (.post, "/staff/settings/test")] {
                let page = try await client.execute(uri: path, method: method, headers: Web.form, body: Web.encode([("csrf", "x")]))
                #expect(page.status == .seeOther && page.headers[.location] == "/staff/sign-in")
                let script = try await client.execute(uri: path, method: method, headers: [.accept: "application/json"])
                #expect(script.status == .unauthorized)
            }
        }
    }
}
