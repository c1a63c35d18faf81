import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOEmbedded
import Testing
@testable import PreviewServer

/// The connection's lifetime when every request takes the fast path: Hummingbird's connection
/// state handler (idle timeout, close on graceful shutdown) must still see them all.
///
/// No timing can fail these on a slow, shared machine: they wait for what must happen.
@Suite(.timeLimit(.minutes(3))) struct FastPathConnectionTests {
    static let request = "GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    func withServer(idleTimeout: Duration, _ body: (LiveServer) async throws -> Void) async throws {
        _ = try await withServerResult(idleTimeout: idleTimeout) { server in try await body(server); return true }
    }

    func withServerResult(idleTimeout: Duration, _ body: (LiveServer) async throws -> Bool) async throws -> Bool {
        try await TempSite.with { site in
            var configuration = site.configuration()
            configuration.idleTimeout = idleTimeout
            let server = try await LiveServer.start(PreviewServer(configuration: configuration))
            do {
                let result = try await body(server)
                await server.stop()
                return result
            } catch {
                await server.stop()
                throw error
            }
        }
    }

    /// Right after Hummingbird's connection state handler, so that its idle timeout, its count of
    /// requests in progress and its close after a graceful shutdown see the fast path's requests
    /// too (placed before it, a busy keep-alive connection would be closed after the idle timeout).
    /// The order is checked rather than timed: a timed check fails on a starved machine.
    @Test func theFastPathSitsRightAfterTheConnectionStateHandler() async throws {
        try await TempSite.with { site in
            let fastPath = StaticFastPath(site: StaticSite(configuration: site.configuration()),
                                          passThrough: PassThroughPrefixes(["/api"]), counter: StaticFastPath.Counter())
            let http1 = HTTP1Channel(responder: { _, _, _ in }, configuration: HTTPLimits.channelConfiguration(idleTimeout: .seconds(5)))
            let channel = EmbeddedChannel()
            _ = try PinnedHTTP1Channel(http1: http1, headDeadline: .seconds(10), fastPath: fastPath).setup(channel: channel, logger: Logger(label: "test")).wait()
            let handlers = channel.pipeline.debugDescription.split(separator: "\n").compactMap { row in
                ["HTTPConnectionStateHandler", "StaticFastPathHandler", "HTTP1ToHTTPServerCodec", "NIOAsyncChannelHandler"]
                    .first { row.contains($0) }
            }
            #expect(handlers == ["HTTP1ToHTTPServerCodec", "HTTPConnectionStateHandler", "StaticFastPathHandler", "NIOAsyncChannelHandler"],
                    "\(channel.pipeline.debugDescription)")
            _ = try? channel.finish()
        }
    }

    /// Only the direction a slow machine cannot fail: an idle connection is closed in the end.
    /// A starved machine may close it before the request is even read; that attempt proves
    /// nothing about the fast path, so it is tried again with a longer idle timeout.
    @Test func anIdleConnectionIsClosed() async throws {
        for seconds in [1, 5, 20] {
            let answered = try await withServerResult(idleTimeout: .seconds(seconds)) { server -> Bool in
                let status = try await RawConnection.with(port: server.port) { connection async throws -> Int? in
                    guard (try? await connection.send(Self.request)) != nil,
                          let response = try? await connection.response() else { return nil }
                    #expect(try await connection.untilClosed().isEmpty)
                    return response.status
                }
                guard let status else { return false }
                #expect(status == 200)
                #expect(server.counter.count == 1)
                return true
            }
            if answered { return }
        }
        Issue.record("the connection was closed before its request was answered, even with a 20 s idle timeout")
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
