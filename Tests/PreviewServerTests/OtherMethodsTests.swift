import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer

/// A checkout or API path asked with a method it does not take: 405 naming the ones it does
/// (with the security headers), not a 404 that says the page does not exist.
@Suite struct OtherMethodsTests {
    @Test(arguments: [
        ("/checkout/T/", HTTPRequest.Method.put, "GET, HEAD, POST"), ("/checkout/T/", .delete, "GET, HEAD, POST"),
        ("/checkout/T/challenge", .get, "POST"), ("/checkout/T/done", .post, "GET, HEAD"),
        ("/api/requests/T", .post, "GET, HEAD"), ("/api/requests/T/payments", .get, "POST"),
        ("/api/requests/T/challenges/1", .patch, "POST"),
    ])
    func answersMethodNotAllowed(path: String, method: HTTPRequest.Method, allow: String) async throws {
        let workspace = try CheckoutWorkspace([("CO-300", "10.00")])
        let token = try workspace.token("CO-300")
        try await workspace.withClient { client in
            let response = try await client.execute(uri: path.replacingOccurrences(of: "/T", with: "/\(token)"), method: method)
            #expect(response.status == .methodNotAllowed, "\(method) \(path)")
            #expect(response.headers[.allow] == allow)
            RouterTests.expectSecurityHeaders(response)
        }
    }

    /// The methods a path takes still reach it.
    @Test func takenMethodsStillAnswer() async throws {
        let workspace = try CheckoutWorkspace([("CO-301", "10.00")])
        let token = try workspace.token("CO-301")
        try await workspace.withClient { client in
            let page = try await client.execute(uri: "/checkout/\(token)/", method: .get)
            #expect(page.status == .ok)
            let info = try await client.execute(uri: "/api/requests/\(token)", method: .get)
            #expect(info.status == .ok)
            let unknown = try await client.execute(uri: "/checkout/nope-\(token)/", method: .put)
            #expect(unknown.status == .methodNotAllowed)
        }
    }
}
