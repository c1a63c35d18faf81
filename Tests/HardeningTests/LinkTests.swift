import Billing
import Foundation
import Operations
import Store
import Testing

/// Item 6: tokens never reach the server's output; a voided link says so and cannot be paid;
/// a rotated token and an unknown one answer the very same 404.
@Suite("Links", .serialized)
struct LinkTests {
    @Test("voided, rotated and unknown links through `paypage serve`; serve prints no token")
    func links() throws {
        try #require(Hardening.binary != nil, "build the paypage binary first")
        let workspace = try HardeningWorkspace("links")
        #expect(try workspace.run(["demo"]).status == 0)
        for reference in ["L-OPEN", "L-VOID", "L-ROTATE"] {
            let created = try workspace.run(["request", "new", "--customer", "Marie Tremblay", "--phone", "514-555-0100",
                                             "--reference", reference, "--amount", "75.00", "--no-send"])
            #expect(created.status == 0, "\(created)")
        }
        func token(_ reference: String) throws -> String {
            let ledger = try Ledger(fileURL: workspace.ledgerURL)
            defer { try? ledger.close() }
            return try #require(try ledger.request(reference: try Reference(reference))?.token.value)
        }
        let openToken = try token("L-OPEN"), voidToken = try token("L-VOID"), oldToken = try token("L-ROTATE")
        let serve = try ServeProcess(workspace)
        let port = serve.port

        // Requests to every page of every request, valid or not, with and without query strings.
        var allTokens = Set<String>()
        do {
            let ledger = try Ledger(fileURL: workspace.ledgerURL)
            allTokens = Set(try ledger.requests().map(\.token.value))
            try ledger.close()
        }
        for token in allTokens.sorted() {
            for suffix in ["/", "/fr/", "/en/", "/receipt/", "/receipt/en/", "/?lang=en"] {
                _ = try RawHTTP.get(port: port, "/p/\(token)\(suffix)", headers: ["Accept-Language: en-CA,en;q=0.9"])
            }
            _ = try RawHTTP.get(port: port, "/api/requests/\(token)")
            _ = try RawHTTP.get(port: port, "/checkout/\(token)")
        }
        let open = try RawHTTP.get(port: port, "/p/\(openToken)/")
        #expect(open.status == 200)

        // Void while serving: the page says so at once and the checkout refuses it.
        let voided = try workspace.run(["void", "L-VOID", "--reason", "duplicate"])
        #expect(voided.status == 0, "\(voided)")
        for page in ["/p/\(voidToken)/en/", "/p/\(voidToken)/fr/", "/p/\(voidToken)/"] {
            let response = try RawHTTP.get(port: port, page)
            #expect(response.status == 200)
            #expect(response.text.contains("status-voided"), "\(page) does not show the request as voided")
        }
        let enPage = try RawHTTP.get(port: port, "/p/\(voidToken)/en/").text
        #expect(enPage.contains("Cancelled") || enPage.contains("Voided"))
        let payVoided = try RawHTTP.post(port: port, "/api/requests/\(voidToken)/payments",
                                         json: #"{"method":"card","number":"4242424242424242","exp":"12/34","cvc":"123","name":"M"}"#,
                                         headers: ["Idempotency-Key: pay-voided-000001"])
        #expect(payVoided.status == 409 && payVoided.text.contains("refused"), "\(payVoided) \(payVoided.text)")

        // Rotate: the old token, an unknown well-formed token, a malformed one and a missing page look alike.
        let rotated = try workspace.run(["link", "rotate", "L-ROTATE"])
        #expect(rotated.status == 0, "\(rotated)")
        let newToken = try token("L-ROTATE")
        #expect(newToken != oldToken)
        #expect(try RawHTTP.get(port: port, "/p/\(newToken)/").status == 200)
        let unknown = "Zz0_Zz0_Zz0_Zz0_Zz0_Zz"
        let notFound = try ["/p/\(oldToken)/", "/p/\(oldToken)/en/", "/p/\(oldToken)/receipt/", "/p/\(unknown)/", "/p/\(unknown)/fr/",
                            "/p/short/", "/p/\(oldToken.dropLast())/", "/no-such-page", "/p/\(oldToken)/index.html"].map { target in
            (target, try RawHTTP.get(port: port, target))
        }
        for (target, response) in notFound {
            #expect(response.status == 404, "\(target) → \(response.status)")
            #expect(response.body == notFound[0].1.body, "\(target): a different 404 body")
            #expect(response.header("Content-Length") == notFound[0].1.header("Content-Length"))
            #expect(!response.text.contains(oldToken) && !response.text.contains(newToken))
        }
        let apiNotFound = try ["/api/requests/\(oldToken)", "/api/requests/\(unknown)", "/api/requests/short"].map {
            try RawHTTP.get(port: port, $0)
        }
        for response in apiNotFound {
            #expect(response.status == 404)
            #expect(response.body == apiNotFound[0].body, "API 404 bodies differ: \(response.text) vs \(apiNotFound[0].text)")
        }
        let checkoutOld = try RawHTTP.get(port: port, "/checkout/\(oldToken)")
        let checkoutUnknown = try RawHTTP.get(port: port, "/checkout/\(unknown)")
        #expect(checkoutOld.status == 404 && checkoutOld.body == checkoutUnknown.body)

        // The server's own output names no token, old or new.
        let result = try serve.stop()
        allTokens.insert(newToken)
        for token in allTokens {
            #expect(!result.stdout.contains(token) && !result.stderr.contains(token), "serve printed a token")
        }
        #expect(result.stderr.isEmpty, "serve wrote to stderr: \(result.stderr.prefix(500))")
    }
}
