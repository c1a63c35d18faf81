import Foundation
import Hummingbird
import Testing
@testable import PreviewServer

/// The fast path (static requests answered in the channel pipeline) against the router (the
/// same server with the fast path off): over real loopback sockets, every case must get the same
/// bytes from both, Date header aside, and the fast path must really have answered.
@Suite(.timeLimit(.minutes(5))) struct FastPathDifferentialTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// The requests, sent at once on one connection.
        var requests: [String]
        /// One per expected response.
        var methods: [String]
        /// Requests the fast path must answer; nil: at least one (pipelining after a route).
        var fast: Int?
        /// Read until the server closes (and expect it to).
        var untilClosed = false
        var description: String { name }
    }

    static let token = TempSite.token

    static func request(_ method: String, _ target: String, _ headers: [String] = [], body: String? = nil,
                        version: String = "HTTP/1.1") -> String {
        var text = "\(method) \(target) \(version)\r\n" + (version == "HTTP/1.1" ? "Host: 127.0.0.1\r\n" : "")
        for header in headers { text += header + "\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        return text + "\r\n" + (body ?? "")
    }

    static func single(_ name: String, _ method: String, _ target: String, _ headers: [String] = [],
                       body: String? = nil, version: String = "HTTP/1.1", fast: Int = 1) -> Case {
        Case(name: name, requests: [request(method, target, headers, body: body, version: version)], methods: [method], fast: fast)
    }

    static let cases: [Case] = [
        single("page", "GET", "/"),
        single("neutral page, French browser", "GET", "/p/\(token)/", ["Accept-Language: fr-CA,fr;q=0.9"]),
        single("neutral page, English browser", "GET", "/p/\(token)/", ["Accept-Language: en-CA,en;q=0.9"]),
        single("?lang=fr sets the cookie", "GET", "/p/\(token)/?lang=fr", ["Accept-Language: en"]),
        single("the cookie decides", "GET", "/p/\(token)/receipt/", ["Cookie: a=1; paypage_lang=en", "Accept-Language: fr"]),
        single("no page in the language", "GET", "/p/\(TempSite.neutralOnly)/", ["Accept-Language: en"]),
        single("localized page", "GET", "/p/\(token)/en/"),
        single("asset", "GET", "/style.css"),
        single("fingerprinted asset", "GET", "/app.0123456789.css"),
        single("symlink inside the root", "GET", "/inside.css"),
        single("directory without slash", "GET", "/docs?x=1"),
        single("file with a slash", "GET", "/style.css/"),
        single("missing", "GET", "/missing"),
        single("missing token", "GET", "/p/ZZZZZZZZZZZZZZZZZZZZZZ/"),
        single("traversal", "GET", "/%2e%2e/secret.txt"),
        single("escaping symlink", "GET", "/leak.txt"),
        single("staff page on loopback", "GET", "/staff/"),
        single("POST without a body", "POST", "/index.html"),
        single("DELETE", "DELETE", "/style.css"),
        single("OPTIONS *", "OPTIONS", "*"),
        single("POST with a body goes to the router", "POST", "/index.html", body: "a=1&b=2", fast: 0),
        single("GET with a body goes to the router", "GET", "/", body: "abc", fast: 0),
        single("body over the limit", "POST", "/", body: String(repeating: "x", count: 70 * 1024), fast: 0),
        Case(name: "chunked body goes to the router",
             requests: ["POST /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"],
             methods: ["POST"], fast: 0),
        single("HEAD asset", "HEAD", "/style.css"),
        single("HEAD neutral page", "HEAD", "/p/\(token)/", ["Accept-Language: en"]),
        single("HEAD missing", "HEAD", "/missing"),
        single("HEAD redirect", "HEAD", "/docs"),
        single("range", "GET", "/data.txt", ["Range: bytes=2-5"]),
        single("suffix range", "GET", "/data.txt", ["Range: bytes=-4"]),
        single("unsatisfiable range", "GET", "/data.txt", ["Range: bytes=100-"]),
        single("ignored range", "GET", "/data.txt", ["Range: bytes=0-1,3-4"]),
        single("HEAD with a range", "HEAD", "/data.txt", ["Range: bytes=2-5"]),
        single("HTTP/1.0", "GET", "/style.css", version: "HTTP/1.0"),
        single("HTTP/1.0 keep-alive", "GET", "/", ["Connection: keep-alive"], version: "HTTP/1.0"),
        single("absolute form", "GET", "http://127.0.0.1/style.css"),
        single("route", "GET", "/api/ping", fast: 0),
        single("unknown route", "GET", "/api/nothing", fast: 0),
        Case(name: "pipelined static requests", requests: [
            request("GET", "/"), request("GET", "/style.css"), request("HEAD", "/docs/"), request("GET", "/docs"),
            request("GET", "/p/\(token)/", ["Accept-Language: en"]),
        ], methods: ["GET", "GET", "HEAD", "GET", "GET"], fast: 5),
        Case(name: "pipelined, routes and static mixed", requests: [
            request("GET", "/style.css"), request("GET", "/api/slow"), request("GET", "/"), request("HEAD", "/data.txt"),
            request("GET", "/api/ping"), request("GET", "/missing"), request("POST", "/api/echo", body: "hello"),
            request("GET", "/p/\(token)/", ["Accept-Language: fr"]),
        ], methods: ["GET", "GET", "GET", "HEAD", "GET", "GET", "POST", "GET"], fast: nil),
        Case(name: "Connection: close", requests: [request("GET", "/", ["Connection: close"]), request("GET", "/style.css")],
             methods: ["GET"], fast: 1, untilClosed: true),
        Case(name: "Connection: close on a route", requests: [
            request("GET", "/api/slow", ["Connection: close"]), request("GET", "/style.css"),
        ], methods: ["GET"], fast: 0, untilClosed: true),
        Case(name: "Connection: close behind a route", requests: [
            request("GET", "/api/slow"), request("GET", "/style.css", ["Connection: close"]), request("GET", "/"),
        ], methods: ["GET", "GET"], fast: 0, untilClosed: true),
        // Hummingbird keeps the connection for this spelling, but NIO's parser refuses what
        // follows: Hummingbird answers 400 (without a Date) and closes.
        Case(name: "another spelling of close", requests: [
            request("GET", "/", ["Connection: Close"]), request("GET", "/style.css"),
        ], methods: ["GET", "GET"], fast: 1, untilClosed: true),
    ]

    static func routes(_ router: Router<PreviewRequestContext>) {
        router.get("/api/ping") { _, _ in "pong" }
        router.get("/api/slow") { _, _ in
            // Long enough for a wrongly taken fast path to overtake it.
            try await Task.sleep(for: .milliseconds(100))
            return "slow"
        }
        router.post("/api/echo") { request, _ in
            String(buffer: try await request.body.collect(upTo: 1024))
        }
    }

    @Test func fastPathAnswersAsTheRouterDoes() async throws {
        try await TempSite.with { site in
            var routed = PreviewServer(configuration: site.configuration(), routes: Self.routes)
            routed.usesStaticFastPath = false
            let fast = try await LiveServer.start(PreviewServer(configuration: site.configuration(), routes: Self.routes))
            let router = try await LiveServer.start(routed)
            defer { Task { await fast.stop(); await router.stop() } }
            for testCase in Self.cases {
                let before = fast.counter.count
                let expected = try await Self.run(testCase, port: router.port)
                let actual = try await Self.run(testCase, port: fast.port)
                let answered = fast.counter.count - before
                #expect(actual.responses.map(\.withoutDate) == expected.responses.map(\.withoutDate), "\(testCase)")
                #expect(actual.responses.count == testCase.methods.count, "\(testCase)")
                #expect(actual.closed == testCase.untilClosed && expected.closed == testCase.untilClosed, "\(testCase)")
                for (ours, theirs) in zip(actual.responses, expected.responses) {
                    let dates = ours.values("Date")
                    #expect(dates.count == theirs.values("Date").count, "\(testCase)")
                    #expect(dates.allSatisfy(Self.isIMFFixdate), "\(testCase): \(dates)")
                }
                if let count = testCase.fast {
                    #expect(answered == count, "\(testCase): the fast path answered \(answered)")
                } else {
                    #expect(answered >= 1, "\(testCase): the fast path answered none")
                }
            }
            await fast.stop()
            await router.stop()
        }
    }

    /// RFC 9110's IMF-fixdate, the form Hummingbird writes.
    static func isIMFFixdate(_ text: String) -> Bool {
        text.wholeMatch(of: /(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] [A-Z][a-z]{2} [0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-6][0-9] GMT/) != nil
    }

    static func run(_ testCase: Case, port: Int) async throws -> (responses: [RawResponse], closed: Bool) {
        try await RawClient.responses(
            port: port, testCase.requests.joined(), methods: testCase.methods, untilClosed: testCase.untilClosed)
    }
}
