import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
@testable import StaffAccess
import Testing

/// Signing in with a second factor through the router: the password leads to the code step (a
/// pending half session with its own cookie and CSRF token); a right code signs in, a reused or
/// wrong one does not.
@Suite("Staff console: two-factor sign-in")
struct ConsoleTwoFactorTests {
    /// Marie (clerk) with a confirmed second factor; returns her secret. The confirming code used
    /// the step of now; sign-ins in these tests use the next step (accepted: one step either side).
    static func enrol(_ ws: CheckoutWorkspace) throws -> TOTPSecret {
        let staff = ConsoleStaffTests.staff(ws)
        let enrolment = try staff.enrolTOTP(named: "Marie", issuer: "Test")
        let uri = try #require(URLComponents(string: enrolment.uri))
        #expect(uri.queryItems?.first { $0.name == "secret" }?.value == enrolment.base32)
        let secret = try #require(TOTPSecret(base32: enrolment.base32))
        try staff.confirmTOTP(named: "Marie", code: code(secret, TOTPSecret.step(at: Date())))
        return secret
    }

    static func code(_ secret: TOTPSecret, _ step: Int64) -> String { String(format: "%06d", secret.code(step: step)) }

    /// The password step; the pending cookie's value when it leads to the code step.
    static func password(_ client: any TestClientProtocol) async throws -> String? {
        let page = try await client.execute(uri: "/staff/sign-in", method: .get)
        let csrf = Web.hidden(Web.text(page), "csrf") ?? ""
        var headers = Web.form
        headers[.cookie] = "\(ConsoleGate.preSessionCookie)=\(csrf)"
        let answer = try await client.execute(uri: "/staff/sign-in", method: .post, headers: headers,
                                              body: Web.encode([("csrf", csrf), ("name", "Marie"), ("password", "correct horse battery")]))
        #expect(answer.status == .seeOther)
        #expect(ConsoleTests.session(answer) == nil, "no session before the code")
        guard answer.headers[.location] == "/staff/sign-in/code" else { return nil }
        for value in answer.headers[values: .setCookie] where value.hasPrefix("\(ConsoleRoutes.codeCookie)=") {
            return String(value.dropFirst(ConsoleRoutes.codeCookie.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The code step with `code`: the answer.
    static func submit(_ client: any TestClientProtocol, _ pending: String, _ code: String, csrf given: String? = nil) async throws -> TestResponse {
        let cookie = "\(ConsoleRoutes.codeCookie)=\(pending)"
        let page = try await client.execute(uri: "/staff/sign-in/code", method: .get, headers: [.cookie: cookie])
        let csrf = given ?? Web.hidden(Web.text(page), "csrf") ?? ""
        var headers = Web.form
        headers[.cookie] = cookie
        return try await client.execute(uri: "/staff/sign-in/code", method: .post, headers: headers, body: Web.encode([("csrf", csrf), ("code", code)]))
    }

    @Test("a right code signs in; the same code again, a wrong code or a missing token do not")
    func codeStep() async throws {
        let ws = try ConsoleTests.workspace()
        let secret = try Self.enrol(ws)
        // The console's clock stands still: a loaded machine may take minutes over this test,
        // and a code is good for one step either side of the server's time.
        let now = Date()
        ws.staffClock = { now }
        let next = Self.code(secret, TOTPSecret.step(at: now) + 1)
        let wrong = next == "000000" ? "111111" : "000000"
        try await ws.withClient { client in
            let first = try #require(try await Self.password(client))
            let page = try await client.execute(uri: "/staff/sign-in/code", method: .get, headers: [.cookie: "\(ConsoleRoutes.codeCookie)=\(first)"])
            #expect(page.status == .ok && Web.text(page).contains("inputmode=\"numeric\""))
            let noToken = try await Self.submit(client, first, next, csrf: "")
            #expect(noToken.status == .forbidden && ConsoleTests.session(noToken) == nil)
            let refused = try await Self.submit(client, first, wrong)
            #expect(refused.status == .unauthorized && ConsoleTests.session(refused) == nil)
            #expect(Web.text(refused).contains(Web.escaped(Web.t("fr", "console_totp_failed"))))
            let signedIn = try await Self.submit(client, first, next)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/staff/")
            let session = try #require(ConsoleTests.session(signedIn))
            #expect(try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: "\(ConsoleGate.sessionCookie)=\(session)"]).status == .ok)
            // The pending step is used up, and the code cannot serve twice.
            let gone = try await Self.submit(client, first, next)
            #expect(gone.status == .unauthorized && ConsoleTests.session(gone) == nil, "a used pending step goes back to the password")
            let second = try #require(try await Self.password(client))
            let reused = try await Self.submit(client, second, next)
            #expect(reused.status == .unauthorized && ConsoleTests.session(reused) == nil)
        }
    }

    @Test("without a pending step the code page goes back to the password")
    func noPendingStep() async throws {
        let ws = try ConsoleTests.workspace()
        try await ws.withClient { client in
            let page = try await client.execute(uri: "/staff/sign-in/code", method: .get)
            #expect(page.status == .seeOther && page.headers[.location] == "/staff/sign-in")
        }
    }
}
