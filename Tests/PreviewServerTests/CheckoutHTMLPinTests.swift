import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer

/// The checkout's HTML, byte for byte, for every kind of page it answers: forms, errors,
/// challenge, confirmation, closed. The random parts (token, attempt key, challenge id,
/// authorization code) are replaced by placeholders before comparing.
/// `PAYPAGE_UPDATE_GOLDEN=1 swift test --filter CheckoutHTMLPin` rewrites the files.
struct CheckoutHTMLPinTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("CheckoutGolden")
    static let updating = ProcessInfo.processInfo.environment["PAYPAGE_UPDATE_GOLDEN"] == "1"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var amount: String
        var status: Int
        var void = false
        /// The request sent; a POST body is form fields.
        var path: String
        var form: [(String, String)]? = nil
        /// Follow a 303 to the page it names.
        var follow = false

        var testDescription: String { name }
    }

    static func card(_ number: String, exp: String = "12/34", cvc: String = "123", language: String) -> [(String, String)] {
        [("method", "card"), ("attempt", "attempt-pin-0001"), ("lang", language), ("name", "Marie <Tremblay>"),
         ("number", number), ("exp", exp), ("cvc", cvc)]
    }

    static let cases: [Case] = [
        Case(name: "card-fr", amount: "125.00", status: 200, path: "?method=card&lang=fr"),
        Case(name: "card-en", amount: "35.00", status: 200, path: "?lang=en"),
        Case(name: "apple_pay-en", amount: "125.00", status: 200, path: "?method=apple_pay&lang=en"),
        Case(name: "google_pay-fr", amount: "125.00", status: 200, path: "?method=google_pay&lang=fr"),
        Case(name: "affirm-en", amount: "600.00", status: 200, path: "?method=affirm&lang=en"),
        Case(name: "affirm-fr", amount: "600.00", status: 200, path: "?method=affirm&lang=fr"),
        Case(name: "invalid-fr", amount: "125.00", status: 422, path: "", form: card("4242 4242 4242 4241", exp: "13/20", cvc: "1", language: "fr")),
        Case(name: "invalid-en", amount: "125.00", status: 422, path: "", form: card("", exp: "", cvc: "", language: "en")),
        Case(name: "declined-en", amount: "125.00", status: 402, path: "", form: card("4000 0000 0000 0002", language: "en")),
        Case(name: "challenge-fr", amount: "125.00", status: 200, path: "", form: card("4000 0027 6000 3184", language: "fr")),
        Case(name: "done-en", amount: "125.00", status: 200, path: "", form: card("4242 4242 4242 4242", language: "en"), follow: true),
        Case(name: "done-affirm-fr", amount: "600.00", status: 200, path: "", form: [
            ("method", "affirm"), ("attempt", "attempt-pin-0002"), ("lang", "fr"), ("months", "6"), ("credit", "approve"),
        ], follow: true),
        Case(name: "cancelled-fr", amount: "125.00", status: 200, path: "", form: [
            ("method", "apple_pay"), ("attempt", "attempt-pin-0003"), ("lang", "fr"), ("action", "cancel"),
        ]),
        Case(name: "bad-action-en", amount: "125.00", status: 400, path: "", form: [
            ("method", "google_pay"), ("attempt", "attempt-pin-0004"), ("lang", "en"), ("action", "steal"),
        ]),
        Case(name: "voided-fr", amount: "125.00", status: 200, void: true, path: "?method=card&lang=fr"),
        Case(name: "voided-post-en", amount: "125.00", status: 409, void: true, path: "", form: card("4242 4242 4242 4242", language: "en")),
    ]

    @Test(arguments: CheckoutHTMLPinTests.cases)
    func page(_ pin: Case) async throws {
        let reference = "PIN-1"
        let workspace = try CheckoutWorkspace([(reference, pin.amount)])
        if pin.void {
            _ = try workspace.service.void(reference, reason: "duplicate")
        }
        let token = try workspace.token(reference)
        try await workspace.withClient { client in
            var response: TestResponse
            if let form = pin.form {
                response = try await client.execute(uri: "/checkout/\(token)/\(pin.path)", method: .post, headers: Web.form, body: Web.encode(form))
            } else {
                response = try await client.execute(uri: "/checkout/\(token)/\(pin.path)", method: .get)
            }
            if pin.follow {
                #expect(response.status == .seeOther)
                let location = try #require(response.headers[.location])
                response = try await client.execute(uri: location, method: .get)
            }
            #expect(response.status.code == pin.status)
            var html = Web.text(response).replacingOccurrences(of: token, with: "TOKEN")
            if let code = try workspace.state(reference).payment?.authorizationCode { html = html.replacingOccurrences(of: code, with: "AUTHCODE") }
            for field in ["attempt", "id"] {
                if let value = Web.hidden(html, field) {
                    html = html.replacingOccurrences(of: "name=\"\(field)\" value=\"\(value)\"", with: "name=\"\(field)\" value=\"\(field.uppercased())\"")
                }
            }
            try Self.check(html, "\(pin.name).html")
        }
    }

    static func check(_ html: String, _ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: url)
            return
        }
        let golden = try #require(try? String(contentsOf: url, encoding: .utf8), "missing \(name): run with PAYPAGE_UPDATE_GOLDEN=1")
        #expect(html == golden, "\(name) differs from its golden file")
    }
}
