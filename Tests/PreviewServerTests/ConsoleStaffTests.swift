import Billing
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
import StaffAccess
import Store
import Testing

/// The owners' staff page, one's own account, notifications and the two-step sign-in, through
/// the router (no sockets).
@Suite("Staff console: staff, account, notifications, two-factor")
struct ConsoleStaffTests {
    static func workspace() throws -> CheckoutWorkspace {
        let ws = try ConsoleTests.workspace()  // Marie, clerk, fr
        _ = try staff(ws).addAccount(name: "Luc", role: .owner, language: .en, password: "another long one")
        return ws
    }

    static func staff(_ ws: CheckoutWorkspace) -> StaffService {
        StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
    }

    static func cookie(_ session: String) -> String { "\(ConsoleGate.sessionCookie)=\(session)" }

    static func post(_ client: any TestClientProtocol, _ path: String, _ cookie: String, _ fields: [(String, String)]) async throws -> TestResponse {
        var headers = Web.form
        headers[.cookie] = cookie
        return try await client.execute(uri: path, method: .post, headers: headers, body: Web.encode(fields))
    }

    @Test("a clerk gets a plain 403 on the staff page and its forms; an owner sees every account")
    func ownersOnly() async throws {
        let ws = try Self.workspace()
        let accounts = try Self.staff(ws).accounts()
        try await ws.withClient { client in
            let clerk = Self.cookie(try #require(try await ConsoleTests.signIn(client, "Marie", "correct horse battery").session))
            let csrf = try #require(Web.hidden(Web.text(try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: clerk])), "csrf"))
            for path in ["/staff/staff", "/staff/staff/\(accounts[0].member.id)", "/staff/staff/\(accounts[0].member.id)/remove"] {
                let page = try await client.execute(uri: path, method: .get, headers: [.cookie: clerk])
                #expect(page.status == .forbidden, "\(path)")
                #expect(!Web.text(page).contains("Luc"), "\(path)")
            }
            let add = try await Self.post(client, "/staff/staff", clerk, [("csrf", csrf), ("name", "Eve"), ("role", "owner"), ("password", "eve's long password")])
            #expect(add.status == .forbidden)
            let remove = try await Self.post(client, "/staff/staff/\(accounts[1].member.id)/remove", clerk, [("csrf", csrf)])
            #expect(remove.status == .forbidden)
            let list = try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: clerk])
            #expect(!Web.text(list).contains("href=\"/staff/staff\""), "no staff link for a clerk")

            let owner = Self.cookie(try #require(try await ConsoleTests.signIn(client, "Luc", "another long one").session))
            let page = try await client.execute(uri: "/staff/staff", method: .get, headers: [.cookie: owner])
            #expect(page.status == .ok)
            #expect(Web.text(page).contains("Marie") && Web.text(page).contains("<html lang=\"en\""))
        }
        #expect(try Self.staff(ws).accounts().map(\.member.name) == ["Marie", "Luc"])
    }

    @Test("an owner adds, resets and removes with the CLI's rules: never the last owner, and sessions end")
    func ownerManagesStaff() async throws {
        let ws = try Self.workspace()
        let staff = Self.staff(ws)
        let marie = try #require(try staff.account(named: "Marie"))
        let luc = try #require(try staff.account(named: "Luc"))
        try await ws.withClient { client in
            let owner = Self.cookie(try #require(try await ConsoleTests.signIn(client, "Luc", "another long one").session))
            let marieSession = try #require(try await ConsoleTests.signIn(client, "Marie", "correct horse battery").session)
            let csrf = try #require(Web.hidden(Web.text(try await client.execute(uri: "/staff/staff", method: .get, headers: [.cookie: owner])), "csrf"))
            let noToken = try await Self.post(client, "/staff/staff", owner, [("name", "Eve"), ("role", "clerk"), ("password", "eve's long password")])
            #expect(noToken.status == .forbidden)
            let short = try await Self.post(client, "/staff/staff", owner, [("csrf", csrf), ("name", "Eve"), ("role", "clerk"), ("password", "short")])
            #expect(short.status == .unprocessableContent)
            #expect(Web.text(short).contains(Web.escaped(Web.t("en", "console_staff_error_password_short", ["minimum": "8"]))))
            let added = try await Self.post(client, "/staff/staff", owner, [("csrf", csrf), ("name", "Eve"), ("role", "clerk"), ("language", "fr"),
                                                                            ("password", "eve's long password")])
            #expect(added.status == .seeOther)
            let taken = try await Self.post(client, "/staff/staff", owner, [("csrf", csrf), ("name", "EVE"), ("role", "clerk"), ("password", "eve's long password")])
            #expect(taken.status == .unprocessableContent)
            // A new password for Marie ends her session.
            let reset = try await Self.post(client, "/staff/staff/\(marie.id)/password", owner, [("csrf", csrf), ("password", "a brand new one")])
            #expect(reset.status == .seeOther)
            let after = try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: Self.cookie(marieSession)])
            #expect(after.status == .seeOther)
            // The last owner stays.
            let last = try await Self.post(client, "/staff/staff/\(luc.id)/remove", owner, [("csrf", csrf)])
            #expect(last.status == .conflict)
            #expect(Web.text(last).contains(Web.escaped(Web.t("en", "console_staff_error_last_owner", ["name": "Luc"]))))
            let removed = try await Self.post(client, "/staff/staff/\(marie.id)/remove", owner, [("csrf", csrf)])
            #expect(removed.status == .seeOther && removed.headers[.location] == "/staff/staff?done=removed")
        }
        #expect(try staff.accounts().map(\.member.name) == ["Luc", "Eve"])
        _ = try await staff.signIn(name: "Eve", password: "eve's long password")
    }

    @Test("everyone changes their own password with the current one; a wrong one changes nothing")
    func ownPassword() async throws {
        let ws = try Self.workspace()
        try await ws.withClient { client in
            let clerk = Self.cookie(try #require(try await ConsoleTests.signIn(client, "Marie", "correct horse battery").session))
            let page = try await client.execute(uri: "/staff/account", method: .get, headers: [.cookie: clerk])
            #expect(page.status == .ok && Web.text(page).contains("<html lang=\"fr\""))
            let csrf = try #require(Web.hidden(Web.text(page), "csrf"))
            let wrong = try await Self.post(client, "/staff/account/password", clerk, [("csrf", csrf), ("current", "not my password"), ("password", "a new password")])
            #expect(wrong.status == .forbidden)
            let done = try await Self.post(client, "/staff/account/password", clerk, [("csrf", csrf), ("current", "correct horse battery"), ("password", "a new password")])
            #expect(done.status == .seeOther)
            #expect(try await client.execute(uri: "/staff/account", method: .get, headers: [.cookie: clerk]).status == .ok, "this session stays")
        }
        _ = try await Self.staff(ws).signIn(name: "Marie", password: "a new password")
    }

    @Test("a payment is listed unread, then read after \"mark all read\"; the bar counts it")
    func notifications() async throws {
        let ws = try Self.workspace()
        _ = try ws.service.acting(as: .customer).pay("CO-1", method: .offline(.cash), authorizationCode: "T-1")
        try await ws.withClient { client in
            let owner = Self.cookie(try #require(try await ConsoleTests.signIn(client, "Luc", "another long one").session))
            let page = try await client.execute(uri: "/staff/notifications", method: .get, headers: [.cookie: owner])
            let html = Web.text(page)
            #expect(page.status == .ok)
            #expect(html.contains("console-notification is-unread") && html.contains("CO-1"))
            #expect(html.contains("id=\"console-unread\" class=\"console-badge\">1<"))
            let csrf = try #require(Web.hidden(html, "csrf"))
            let through = try #require(Web.hidden(html, "through"))
            let read = try await Self.post(client, "/staff/notifications/read", owner, [("csrf", csrf), ("through", through)])
            #expect(read.status == .seeOther)
            let after = Web.text(try await client.execute(uri: "/staff/notifications", method: .get, headers: [.cookie: owner]))
            #expect(!after.contains("is-unread") && after.contains("CO-1"))
            #expect(after.contains("class=\"console-badge\" hidden>"))
        }
    }

    @Test("no session: /staff/events answers 401 and no data, for browsers and scripts")
    func eventsNeedASession() async throws {
        let ws = try Self.workspace()
        try await ws.withClient { client in
            for headers: HTTPFields in [[:], [.accept: "text/event-stream"], [.cookie: "\(ConsoleGate.sessionCookie)=\(String(repeating: "a", count: 43))"]] {
                let answer = try await client.execute(uri: "/staff/events", method: .get, headers: headers)
                #expect(answer.status == .unauthorized)
                #expect(answer.headers[.contentType]?.hasPrefix("text/event-stream") != true)
            }
            for path in ["/staff/notifications", "/staff/staff", "/staff/account", "/staff/staff/1", "/staff/staff/1/remove"] {
                let answer = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
                #expect(answer.status == .unauthorized, "\(path)")
            }
        }
    }
}
