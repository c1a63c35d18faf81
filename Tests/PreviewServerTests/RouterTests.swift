import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PreviewServer

@Suite struct RouterTests {
    static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"),
        ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"), ("X-Robots-Tag", "noindex"),
        ("X-Frame-Options", "DENY"), ("Permissions-Policy", "payment=(self)"),
    ]

    func withClient(host: String = "127.0.0.1", liveReload: Bool = false,
                    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await TempSite.with { site in
            let server = PreviewServer(configuration: site.configuration(host: host, liveReload: liveReload))
            let app = Application(router: server.makeRouter())
            try await app.test(.router) { client in try await body(client) }
        }
    }

    static func header(_ response: TestResponse, _ name: String) -> String? {
        response.headers[HTTPField.Name(name)!]
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func expectSecurityHeaders(_ response: TestResponse) {
        for (name, value) in securityHeaders { #expect(header(response, name) == value, "\(name)") }
    }

    @Test func indexIsServed() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(Self.text(response).contains("<h1>Home</h1>"))
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            Self.expectSecurityHeaders(response)
        }
    }

    @Test(arguments: StaticPathTests.traversals + ["/leak.txt", "/outside/secret.txt", "/missing", "/p/nope/"])
    func traversalGets404(raw: String) async throws {
        try await withClient { client in
            let response = try await client.execute(uri: raw, method: .get)
            #expect(response.status == .notFound)
            #expect(!Self.text(response).contains(TempSite.secret))
        }
    }

    @Test func notFoundIsPlainAndSameForAnyTokenShape() async throws {
        try await withClient { client in
            let valid = try await client.execute(uri: "/p/ZZZZZZZZZZZZZZZZZZZZZZ/", method: .get)
            let invalid = try await client.execute(uri: "/p/x/", method: .get)
            #expect(valid.status == .notFound && invalid.status == .notFound)
            #expect(valid.body == invalid.body)
            #expect(valid.headers[.cacheControl] == "no-store")
            Self.expectSecurityHeaders(valid)
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func otherMethodsGet405(method: HTTPRequest.Method) async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/index.html", method: method)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD")
            Self.expectSecurityHeaders(response)
        }
    }

    @Test func headHasHeadersButNoBody() async throws {
        try await withClient { client in
            let get = try await client.execute(uri: "/style.css", method: .get)
            let head = try await client.execute(uri: "/style.css", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == "6")
            #expect(head.headers[.contentType] == get.headers[.contentType])
            let missing = try await client.execute(uri: "/missing", method: .head)
            #expect(missing.status == .notFound && missing.body.readableBytes == 0)
        }
    }

    @Test func directoryWithoutSlashRedirects() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/docs?x=1", method: .get)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/docs/?x=1")
            let index = try await client.execute(uri: "/docs/", method: .get)
            #expect(Self.text(index).contains("Docs"))
            let fileWithSlash = try await client.execute(uri: "/style.css/", method: .get)
            #expect(fileWithSlash.status == .notFound)
        }
    }

    @Test(arguments: [("127.0.0.1", HTTPResponse.Status.ok), ("::1", .ok), ("0.0.0.0", .notFound), ("192.168.1.5", .notFound)])
    func staffAndGalleryOnlyOnLoopback(host: String, expected: HTTPResponse.Status) async throws {
        try await withClient(host: host) { client in
            for uri in ["/staff/", "/gallery/"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == expected, "\(uri)")
                Self.expectSecurityHeaders(response)
            }
        }
    }

    @Test(arguments: [
        ([(String, String)](), "/", "fr", "Payer"),
        ([("Accept-Language", "en-US,en;q=0.9")], "/", "en", "Pay<"),
        ([("Accept-Language", "en-US"), ("Cookie", "paypage_lang=fr")], "/", "fr", "Payer"),
        ([("Accept-Language", "fr"), ("Cookie", "paypage_lang=fr")], "/?lang=en", "en", "Pay<"),
        ([("Accept-Language", "en")], "/receipt/", "en", "Receipt"),
        ([("Accept-Language", "fr;q=0, en;q=0.1")], "/receipt/", "en", "Receipt"),
    ])
    func languageNegotiation(headers: [(String, String)], suffix: String, language: String, marker: String) async throws {
        try await withClient { client in
            var fields = HTTPFields()
            for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
            let response = try await client.execute(uri: "/p/\(TempSite.token)\(suffix)", method: .get, headers: fields)
            #expect(response.status == .ok)
            #expect(Self.text(response).contains(marker))
            #expect(response.headers[.contentLanguage] == language)
            #expect(response.headers[.vary] == "Accept-Language, Cookie")
            #expect(response.headers[.cacheControl] == "no-store")
            if suffix.contains("lang=") {
                #expect(response.headers[.setCookie] == "paypage_lang=\(language); Path=/; SameSite=Lax; HttpOnly")
            } else {
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test func missingLanguageFallsBackToNeutralPage() async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/p/\(TempSite.neutralOnly)/", method: .get,
                                                    headers: [.acceptLanguage: "en"])
            #expect(response.status == .ok)
            #expect(Self.text(response).contains("only neutral"))
            #expect(response.headers[.vary] == "Accept-Language, Cookie")
        }
    }

    @Test(arguments: [
        ("/app.0123456789.css", "public, max-age=31536000, immutable", "text/css; charset=utf-8"),
        ("/style.css", "no-cache", "text/css; charset=utf-8"),
        ("/data.txt", "no-cache", "text/plain; charset=utf-8"),
        ("/docs/", "no-store", "text/html; charset=utf-8"),
        ("/staff/", "no-store", "text/html; charset=utf-8"),
    ])
    func cacheControl(uri: String, expected: String, contentType: String) async throws {
        try await withClient { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.headers[.cacheControl] == expected)
            #expect(response.headers[.contentType] == contentType)
        }
    }

    @Test(arguments: [
        ("bytes=0-3", HTTPResponse.Status.partialContent, "0123", "bytes 0-3/16"),
        ("bytes=-4", .partialContent, "cdef", "bytes 12-15/16"),
        ("bytes=10-", .partialContent, "abcdef", "bytes 10-15/16"),
        ("bytes=0-99999999999999999999999", .partialContent, "0123456789abcdef", "bytes 0-15/16"),
        ("bytes=16-", .rangeNotSatisfiable, nil, "bytes */16"),
        ("bytes=5-1", .ok, "0123456789abcdef", nil),
        ("bytes=0-1,3-4", .ok, "0123456789abcdef", nil),
    ] as [(String, HTTPResponse.Status, String?, String?)])
    func ranges(header: String, status: HTTPResponse.Status, body: String?, contentRange: String?) async throws {
        try await withClient { client in
            let response = try await client.execute(uri: "/data.txt", method: .get, headers: [.range: header])
            #expect(response.status == status)
            if let body {
                #expect(Self.text(response) == body)
                #expect(response.headers[.contentLength] == String(body.utf8.count))
            }
            #expect(response.headers[.contentRange] == contentRange)
            Self.expectSecurityHeaders(response)
        }
    }

    @Test func oversizedBodyGets413() async throws {
        try await withClient { client in
            let body = ByteBuffer(repeating: 0x41, count: 64 * 1024 + 1)
            let response = try await client.execute(uri: "/api/anything", method: .post, body: body)
            #expect(response.status == .contentTooLarge)
            Self.expectSecurityHeaders(response)
        }
    }

    @Test func liveReloadInjectsScriptAndServesIt() async throws {
        try await withClient(liveReload: true) { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(Self.text(page).contains("<script src=\"/__reload.js\" defer></script></body>"))
            #expect(page.headers[.contentLength] == String(page.body.readableBytes))
            let script = try await client.execute(uri: "/__reload.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(Self.text(script).contains("new EventSource(\"/__reload\")"))
            #expect(!Self.text(script).contains("innerHTML"))
            Self.expectSecurityHeaders(script)
        }
    }

    @Test func noInjectionWithoutLiveReload() async throws {
        try await withClient { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(!Self.text(page).contains("__reload.js"))
            let script = try await client.execute(uri: "/__reload.js", method: .get)
            #expect(script.status == .notFound)
        }
    }
}
