import Foundation
import Testing
@testable import PreviewServer

/// The connection's lifetime when every request takes the fast path: Hummingbird's connection
/// state handler (idle timeout, close on graceful shutdown) must still see them all.
///
/// Timings are checked so that a slow, shared machine cannot fail them: a close is a failure
/// only when the client had not been idle for the timeout.
@Suite(.timeLimit(.minutes(3))) struct FastPathConnectionTests {
    static let request = "GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    func withServer(idleTimeout: Duration, _ body: (LiveServer) async throws -> Void) async throws {
        try await TempSite.with { site in
            var configuration = site.configuration()
            configuration.idleTimeout = idleTimeout
            let server = try await LiveServer.start(PreviewServer(configuration: configuration))
            do {
                try await body(server)
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }
    }

    @Test func aBusyConnectionOutlivesTheIdleTimeoutThenAnIdleOneCloses() async throws {
        let idleTimeout = Duration.seconds(1)
        try await withServer(idleTimeout: idleTimeout) { server in
            let clock = ContinuousClock()
            try await RawConnection.with(port: server.port) { connection in
                let start = clock.now
                // The server's last activity on the connection (answering) came after this
                // client's last send: the time since that send bounds how long it was idle.
                var lastSent = clock.now
                while clock.now - start < idleTimeout * 2 {
                    try await Task.sleep(for: .milliseconds(100))
                    let pause = clock.now - lastSent
                    lastSent = clock.now
                    do {
                        try await connection.send(Self.request)
                        #expect(try await connection.response().status == 200)
                    } catch {
                        // Closed: right only if the connection may really have been idle that long.
                        #expect(pause >= idleTimeout, "closed after \(clock.now - start) of requests \(pause) apart: \(error)")
                        return
                    }
                }
                #expect(try await connection.untilClosed().isEmpty)
                #expect(clock.now - lastSent >= idleTimeout, "closed before the idle timeout")
            }
        }
    }

    @Test func gracefulShutdownClosesAnIdleConnection() async throws {
        // Far longer than the test may last: only the shutdown can close the connection.
        try await withServer(idleTimeout: .seconds(600)) { server in
            try await RawConnection.with(port: server.port) { connection in
                try await connection.send(Self.request)
                #expect(try await connection.response().status == 200)
                let stopping = Task { await server.stop() }
                #expect(try await connection.untilClosed().isEmpty)
                await stopping.value
            }
            #expect(server.counter.count == 1)
        }
    }
}
