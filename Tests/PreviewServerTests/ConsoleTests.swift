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

/// The staff console through the router (no sockets): the gate on every address, sign-in,
/// CSRF, and the actions recorded with who did them.
@Suite("Staff console")
struct ConsoleTests {
    /// Every console address a request could name (`/staff/events` answers 401 to browsers too:
    /// ConsoleStaffTests).
    static let routes: [(HTTPRequest.Method, String)] = [
        (.get, "/staff/"), (.get, "/staff"), (.get, "/staff/requests/CO-1"), (.get, "/staff/requests/CO-1/receipt"),
        (.get, "/staff/requests/CO-1/remind"), (.get, "/staff/requests/CO-1/refund"), (.get, "/staff/requests/CO-1/void"),
        (.get, "/staff/requests/CO-1/mark-paid"), (.get, "/staff/anything/else"),
        (.get, "/staff/deposits"), (.get, "/staff/deposits/"), (.get, "/staff/deposits?business=main&page=2"), (.get, "/staff/deposits/main-1"),
        (.get, "/staff/deposits/1"), (.get, "/staff/deposits/main-2026-12-03"),
        (.post, "/staff/requests/CO-1/remind"), (.post, "/staff/requests/CO-1/refund"), (.post, "/staff/requests/CO-1/void"),
        (.post, "/staff/requests/CO-1/mark-paid"), (.post, "/staff/requests/CO-1/send"), (.post, "/staff/sign-out"),
        (.post, "/staff/language"),
        (.get, "/staff/notifications"), (.post, "/staff/notifications/read"), (.get, "/staff/account"), (.post, "/staff/account/password"),
        (.get, "/staff/staff"), (.post, "/staff/staff"), (.get, "/staff/staff/1"), (.get, "/staff/staff/1/remove"),
        (.post, "/staff/staff/1/remove"), (.post, "/staff/staff/1/password"), (.post, "/staff/staff/1/totp-reset"),
    ]

    static func workspace() throws -> CheckoutWorkspace {
        let ws = try CheckoutWorkspace([("CO-1", "125.00"), ("CO-2", "80.00")])
        let staff = StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
        _ = try staff.addAccount(name: "Marie", role: .clerk, language: .fr, password: "correct horse battery")
        return ws
    }

    @Test("without a session no console address shows data: pages go to sign-in, scripts get 401")
    func gate() async throws {
        let ws = try Self.workspace()
        let before = try ws.kinds("CO-1")
        try await ws.withClient { client in
            for (method, path) in Self.routes {
                try await client.execute(uri: path, method: method, headers: Web.form, body: Web.encode([("csrf", "x"), ("amount", "1.00")])) { response in
                    #expect(response.status == .seeOther, "\(method) \(path)")
                    #expect(response.headers[.location] == "/staff/sign-in", "\(method) \(path)")
                    #expect(!Web.text(response).contains("CO-1"))
                }
                try await client.execute(uri: path, method: method, headers: [.accept: "application/json"]) { response in
                    #expect(response.status == .unauthorized, "\(method) \(path)")
                }
            }
        }
        #expect(try ws.kinds("CO-1") == before)
    }

    @Test("the one-time link signs in once; a refund without the CSRF token changes nothing; with it, it is recorded with who did it")
    func linkCSRFAndWho() async throws {
        let ws = try Self.workspace()
        _ = try ws.service.markPaid("CO-1", method: .cash)
        let staff = StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
        _ = try staff.addAccount(name: "Luc", role: .owner, language: .en, password: "another long one")
        let link = try #require(try staff.issueSignInLink())
        try await ws.withClient { client in
            let session = try await Self.redeem(client, link.token)
            #expect(session != nil)
            #expect(try await Self.redeem(client, link.token) == nil, "a used link signs in no one")
            let cookie = "\(ConsoleGate.sessionCookie)=\(session!)"
            let page = try await client.execute(uri: "/staff/requests/CO-1/refund", method: .get, headers: [.cookie: cookie])
            #expect(page.status == .ok)
            let csrf = try #require(Web.hidden(Web.text(page), "csrf"))
            var headers = Web.form
            headers[.cookie] = cookie
            let refused = try await client.execute(uri: "/staff/requests/CO-1/refund", method: .post, headers: headers,
                                                   body: Web.encode([("kind", "partial"), ("amount", "40.00"), ("confirm", "yes")]))
            #expect(refused.status == .forbidden)
            #expect(try ws.state("CO-1").refunded.isZero)
            let done = try await client.execute(uri: "/staff/requests/CO-1/refund", method: .post, headers: headers,
                                                body: Web.encode([("csrf", csrf), ("kind", "partial"), ("amount", "40.00"), ("confirm", "yes")]))
            #expect(done.status == .seeOther)
            #expect(try ws.state("CO-1").refunded == Money(minorUnits: 4_000, currency: .cad))
            let refund = try ws.service.context("CO-1").entries.last { $0.event.kind == "refunded" }
            #expect(refund?.actor == .staff(name: "Luc"))
            // More than is left: said plainly, nothing changes.
            let over = try await client.execute(uri: "/staff/requests/CO-1/refund", method: .post, headers: headers,
                                                body: Web.encode([("csrf", csrf), ("kind", "partial"), ("amount", "500.00"), ("confirm", "yes")]))
            #expect(over.status == .conflict)
            #expect(Web.text(over).contains(Web.escaped(Web.t("en", "console_reason_over_refundable", ["amount": Web.money(8_500, "en")]))))
            #expect(try ws.state("CO-1").refunded == Money(minorUnits: 4_000, currency: .cad))
        }
    }

    @Test("five wrong passwords lock the name: then even the right one is refused, with the same answer")
    func lockout() async throws {
        let ws = try Self.workspace()
        try await ws.withClient { client in
            var answers: [String] = []
            for _ in 0..<5 { answers.append(try await Self.signIn(client, "Marie", "wrong password").text) }
            let locked = try await Self.signIn(client, "Marie", "correct horse battery")
            #expect(locked.session == nil)
            let unknown = try await Self.signIn(client, "Nobody", "whatever it is")
            #expect(Set(answers + [locked.text, unknown.text]).count == 1, "locked, wrong and unknown look the same")
        }
    }

    @Test("a signed-in clerk sees the list; after sign-out the cookie opens nothing")
    func signOut() async throws {
        let ws = try Self.workspace()
        try await ws.withClient { client in
            let session = try #require(try await Self.signIn(client, "Marie", "correct horse battery").session)
            let cookie = "\(ConsoleGate.sessionCookie)=\(session)"
            let list = try await client.execute(uri: "/staff/?q=CO-2", method: .get, headers: [.cookie: cookie])
            #expect(list.status == .ok && Web.text(list).contains("CO-2") && !Web.text(list).contains(">CO-1<"))
            #expect(Web.text(list).contains("<html lang=\"fr\""))
            let csrf = try #require(Web.hidden(Web.text(list), "csrf"))
            var headers = Web.form
            headers[.cookie] = cookie
            _ = try await client.execute(uri: "/staff/sign-out", method: .post, headers: headers, body: Web.encode([("csrf", csrf)]))
            let after = try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: cookie])
            #expect(after.status == .seeOther && after.headers[.location] == "/staff/sign-in")
        }
    }

    /// Opens the link page, then presses Continue; the session id when it worked.
    static func redeem(_ client: any TestClientProtocol, _ token: String) async throws -> String? {
        let page = try await client.execute(uri: "/staff/sign-in/link?token=\(token)", method: .get)
        let csrf = Web.hidden(Web.text(page), "csrf") ?? ""
        var headers = Web.form
        headers[.cookie] = "\(ConsoleGate.preSessionCookie)=\(csrf)"
        let answer = try await client.execute(uri: "/staff/sign-in/link", method: .post, headers: headers,
                                              body: Web.encode([("csrf", csrf), ("token", token)]))
        return session(answer)
    }

    static func signIn(_ client: any TestClientProtocol, _ name: String, _ password: String) async throws -> (session: String?, text: String) {
        let page = try await client.execute(uri: "/staff/sign-in", method: .get)
        let csrf = Web.hidden(Web.text(page), "csrf") ?? ""
        var headers = Web.form
        headers[.cookie] = "\(ConsoleGate.preSessionCookie)=\(csrf)"
        let answer = try await client.execute(uri: "/staff/sign-in", method: .post, headers: headers,
                                              body: Web.encode([("csrf", csrf), ("name", name), ("password", password)]))
        // The answer's own fresh token and the name typed differ by design; the rest must not.
        var text = Web.text(answer).replacingOccurrences(of: "value=\"\(name)\"", with: "")
        if let fresh = Web.hidden(text, "csrf") { text = text.replacingOccurrences(of: fresh, with: "") }
        return (session(answer), text)
    }

    static func session(_ response: TestResponse) -> String? {
        for value in response.headers[values: .setCookie] where value.hasPrefix("\(ConsoleGate.sessionCookie)=") {
            let id = value.dropFirst(ConsoleGate.sessionCookie.count + 1).prefix { $0 != ";" }
            if !id.isEmpty { return String(id) }
        }
        return nil
    }
}
