import Foundation
@testable import PreviewServer
import StaffAccess
import Testing

/// `/staff/events` on a real socket, with live reload off: a payment through the checkout API
/// reaches an open stream; the stream ends when the session does, and on graceful shutdown.
/// Every wait is on a condition (the text arriving), never on a duration.
@Suite("Staff console: live events on a socket")
struct ConsoleEventsStreamTests {
    static func server(_ ws: CheckoutWorkspace) throws -> PreviewServer {
        let site = try PreviewSite(paths: ws.paths, options: .init())
        return site.server(PreviewServerConfiguration(host: "127.0.0.1", port: 0, outputDirectory: ws.paths.output, defaultLanguage: .fr,
                                                      liveReload: false, heartbeatInterval: .milliseconds(200)))
    }

    static func open(_ session: String) -> String {
        "GET /staff/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: \(ConsoleGate.sessionCookie)=\(session)\r\n\r\n"
    }

    static func pay(port: Int, token: String) async throws -> String {
        let body = #"{"cvc":"123","exp":"12/34","method":"card","name":"Client","number":"4242424242424242"}"#
        let request = "POST /api/requests/\(token)/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: events-test-1\r\n"
            + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
        let (bytes, _) = try await RawClient.exchange(port: port, request, timeout: .seconds(20)) { _ in false }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a customer's payment through the checkout API reaches an open stream, worded for the staff member")
    func paymentReachesTheStream() async throws {
        let ws = try ConsoleTests.workspace()
        let session = try await ConsoleStaffTests.staff(ws).signIn(name: "Marie", password: "correct horse battery")
        let token = try ws.token("CO-1")
        let live = try await LiveServer.start(try Self.server(ws))
        do {
            try await RawConnection.with(port: live.port) { connection in
                try await connection.send(Self.open(session.id))
                let head = try await connection.text { $0.contains("retry: 2000") }
                #expect(head.hasPrefix("HTTP/1.1 200"))
                #expect(head.lowercased().contains("content-type: text/event-stream"))
                let paid = try await Self.pay(port: live.port, token: token)
                #expect(paid.hasPrefix("HTTP/1.1 201"), "\(paid.prefix(200))")
                guard paid.hasPrefix("HTTP/1.1 201") else { return }
                let stream = try await connection.text { $0.contains("event: paid") && $0.contains("\n\n", after: "event: paid") }
                #expect(stream.contains(#""reference":"CO-1""#))
                #expect(stream.contains(#""status":"paid""#))
                #expect(stream.contains(#""statusLabel":"Payée""#))
                #expect(stream.contains("CO-1 payée : 125,00"))
                #expect(!stream.contains("4242424242424242"))
                _ = try await connection.text { $0.contains(": heartbeat") }
            }
        } catch {
            await live.stop()
            throw error
        }
        await live.stop()
    }

    @Test("the stream ends with an end event once the session is over")
    func endsWithTheSession() async throws {
        let ws = try ConsoleTests.workspace()
        let staff = ConsoleStaffTests.staff(ws)
        let session = try await staff.signIn(name: "Marie", password: "correct horse battery")
        let live = try await LiveServer.start(try Self.server(ws))
        do {
            try await RawConnection.with(port: live.port) { connection in
                try await connection.send(Self.open(session.id))
                _ = try await connection.text { $0.contains("retry: 2000") }
                // Signed out elsewhere (another server, or the CLI changing the password).
                try await staff.signOut(sessionID: session.id)
                let text = try await connection.text { $0.contains("event: end") && $0.contains("\r\n0\r\n\r\n") }
                #expect(text.contains("data: signed-out"))
            }
        } catch {
            await live.stop()
            throw error
        }
        await live.stop()
    }

    @Test("a graceful shutdown ends an open stream, and the server stops")
    func endsOnShutdown() async throws {
        let ws = try ConsoleTests.workspace()
        let session = try await ConsoleStaffTests.staff(ws).signIn(name: "Marie", password: "correct horse battery")
        let live = try await LiveServer.start(try Self.server(ws))
        try await RawConnection.with(port: live.port) { connection in
            try await connection.send(Self.open(session.id))
            _ = try await connection.text { $0.contains("retry: 2000") }
            async let stopped: Void = live.stop()
            let rest = String(decoding: try await connection.untilClosed(), as: UTF8.self)
            await stopped
            #expect(rest.hasSuffix("\r\n0\r\n\r\n"), "the stream's last chunk, then the connection closed")
            #expect(!rest.contains("event: end"), "still signed in: the browser reconnects to the next server")
        }
    }
}

extension String {
    /// Whether `needle` occurs after the first `marker`.
    func contains(_ needle: String, after marker: String) -> Bool {
        guard let start = range(of: marker) else { return false }
        return self[start.upperBound...].contains(needle)
    }
}
