import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PreviewServer
import StaffAccess
import Testing

/// A signed-in console session for router tests: GET and POST with its cookie and CSRF token.
struct ConsoleSession {
    let client: any TestClientProtocol
    let cookie: String
    let csrf: String

    /// Two requests (CO-1, CO-2), the clerk Marie (fr) and the owner Luc (en).
    static func workspace() throws -> CheckoutWorkspace {
        let ws = try ConsoleTests.workspace()
        let staff = StaffService(ledger: ws.service.ledger, hasher: PasswordHasher(cost: 4))
        _ = try staff.addAccount(name: "Luc", role: .owner, language: .en, password: "another long one")
        return ws
    }

    static let passwords = ["Marie": "correct horse battery", "Luc": "another long one"]

    static func signIn(_ client: any TestClientProtocol, _ name: String) async throws -> ConsoleSession {
        let session = try #require(try await ConsoleTests.signIn(client, name, passwords[name] ?? "").session)
        let cookie = "\(ConsoleGate.sessionCookie)=\(session)"
        let page = try await client.execute(uri: "/staff/", method: .get, headers: [.cookie: cookie])
        return ConsoleSession(client: client, cookie: cookie, csrf: try #require(Web.hidden(Web.text(page), "csrf")))
    }

    func get(_ path: String) async throws -> TestResponse {
        try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
    }

    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        var headers = Web.form
        headers[.cookie] = cookie
        return try await client.execute(uri: path, method: .post, headers: headers, body: Web.encode((csrf ? [("csrf", self.csrf)] : []) + fields))
    }

    /// The preview's text (the first SMS bubble), unescaped.
    static func bubble(_ html: String) -> String? {
        guard let match = html.firstMatch(of: /<p class="sms-bubble"[^>]*>([^<]*)<\/p>/) else { return nil }
        return unescape(String(match.1))
    }

    static func bubbles(_ html: String) -> [String] {
        html.matches(of: /<p class="sms-bubble"[^>]*>([^<]*)<\/p>/).map { unescape(String($0.1)) }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// An itemized invoice record, as an import writes it (not texted yet).
    static func writeInvoice(_ ws: CheckoutWorkspace, _ reference: String, customer: String, phone: String) throws {
        let record: [String: Any] = [
            "reference": reference, "source": "import",
            "customer": ["name": customer, "phone": phone, "language": "fr", "meta": ["vehicle": "Honda Civic 2019"]],
            "lines": [["description": "Vidange", "unitPrice": "89.95"], ["description": "Filtre", "quantity": "1", "unitPrice": "12.50"]],
        ]
        let data = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: ws.root.appendingPathComponent("Records/invoices/\(reference).json"))
    }
}
