import Foundation
import Testing
@testable import PreviewServer

/// The connection's lifetime when every request takes the fast path: Hummingbird's connection
/// state handler (idle timeout, close on graceful shutdown) must still see them all.
@Suite(.timeLimit(.minutes(1))) struct FastPathConnectionTests {
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
        try await withServer(idleTimeout: .seconds(1)) { server in
            let clock = ContinuousClock()
            let (busy, idle, trailing) = try await RawConnection.with(port: server.port) { connection in
                let start = clock.now
                for _ in 0..<6 {
                    try await connection.send(Self.request)
                    #expect(try await connection.response().status == 200)
                    try await Task.sleep(for: .milliseconds(300))
                }
                let busy = clock.now - start
                let quiet = clock.now
                let trailing = try await connection.untilClosed()
                return (busy, clock.now - quiet, trailing.count)
            }
            #expect(busy > .milliseconds(1500), "kept open through \(busy) of requests 300 ms apart")
            #expect(idle < .seconds(3), "closed \(idle) after the last request (idle timeout 1 s)")
            #expect(trailing == 0)
            #expect(server.counter.count == 6)
        }
    }

    @Test func gracefulShutdownClosesAnIdleConnection() async throws {
        try await withServer(idleTimeout: .seconds(30)) { server in
            let clock = ContinuousClock()
            let waited = try await RawConnection.with(port: server.port) { connection in
                try await connection.send(Self.request)
                #expect(try await connection.response().status == 200)
                let start = clock.now
                let stopping = Task { await server.stop() }
                _ = try await connection.untilClosed()
                await stopping.value
                return clock.now - start
            }
            #expect(waited < .seconds(10), "closed \(waited) after shutdown began (idle timeout 30 s)")
            #expect(server.counter.count == 1)
        }
    }
}
