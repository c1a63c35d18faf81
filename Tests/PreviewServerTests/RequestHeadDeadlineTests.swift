import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing
@testable import PreviewServer

/// A request head must arrive whole within the deadline of its first byte; a kept-alive
/// connection waiting for its next request is not on that clock.
@Suite(.timeLimit(.minutes(3))) struct RequestHeadDeadlineTests {
    /// A head far longer than the deadline takes to send a byte at a time.
    static let longHead = "GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Dribble: " + String(repeating: "z", count: 400) + "\r\n\r\n"
    static let request = "GET /style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    // MARK: The connection's pipeline, on a virtual clock

    /// The server's pipeline on an `EmbeddedChannel`, whose clock moves only when told to.
    static func embedded(fastPath: Bool, _ body: (EmbeddedChannel) throws -> Void) async throws {
        try await TempSite.with { site in
            let configuration = site.configuration()
            let staticPath = fastPath ? StaticFastPath(site: StaticSite(configuration: configuration),
                                                       passThrough: PassThroughPrefixes(["/api"]), counter: StaticFastPath.Counter()) : nil
            let http1 = HTTP1Channel(responder: { _, _, _ in }, configuration: HTTPLimits.channelConfiguration(idleTimeout: .seconds(30)))
            let channel = EmbeddedChannel()
            let requests = try await PinnedHTTP1Channel(http1: http1, headDeadline: .seconds(10), fastPath: staticPath)
                .setup(channel: channel, logger: Logger(label: "test")).get()
            try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).get()
            try body(channel)
            // Closed here: an embedded channel runs nothing until told to, a close from elsewhere included.
            if channel.isActive { try await channel.close().get() }
            channel.embeddedEventLoop.run()
            try? await requests.executeThenClose { _, _ in }  // as Hummingbird would, once the connection ends
        }
    }

    @Test func theDeadlineComesBeforeTheDecoderAndTheHeadIsSeenBeforeTheConnectionState() async throws {
        try await Self.embedded(fastPath: true) { channel in
            let handlers = channel.pipeline.debugDescription.split(separator: "\n").compactMap { row in
                ["BytesHandler", "HTTPDecoder<HTTPPart<HTTPRequestHead", "HTTP1ToHTTPServerCodec", "PartsHandler", "HTTPConnectionStateHandler",
                 "StaticFastPathHandler"]
                    .first { row.contains($0) }
            }
            #expect(handlers == ["BytesHandler", "HTTPDecoder<HTTPPart<HTTPRequestHead", "HTTP1ToHTTPServerCodec", "PartsHandler",
                                 "HTTPConnectionStateHandler", "StaticFastPathHandler"], "\(channel.pipeline.debugDescription)")
        }
    }

    @Test(arguments: [true, false])
    func aHeadSentAByteAtATimeIsCutOffAtTheDeadline(fastPath: Bool) async throws {
        try await Self.embedded(fastPath: fastPath) { channel in
            // A byte every 0.1 s, well within the idle timeout: only the head's deadline can close it.
            var elapsed = TimeAmount.nanoseconds(0)
            for byte in Self.longHead.utf8 where channel.isActive {
                try channel.writeInbound(ByteBuffer(bytes: [byte]))
                channel.embeddedEventLoop.advanceTime(by: .milliseconds(100))
                elapsed = elapsed + .milliseconds(100)
            }
            #expect(!channel.isActive)
            #expect(elapsed == .seconds(10), "closed after \(elapsed) of a head that takes \(Self.longHead.utf8.count / 10) s")
        }
    }

    @Test(arguments: [true, false])
    func aKeptAliveConnectionWaitsForItsNextRequestLongerThanTheDeadline(fastPath: Bool) async throws {
        try await Self.embedded(fastPath: fastPath) { channel in
            try channel.writeInbound(ByteBuffer(string: Self.request))
            channel.embeddedEventLoop.advanceTime(by: .seconds(20))
            #expect(channel.isActive)
            // The next head's first byte starts its clock.
            try channel.writeInbound(ByteBuffer(string: "G"))
            channel.embeddedEventLoop.advanceTime(by: .seconds(9))
            #expect(channel.isActive)
            channel.embeddedEventLoop.advanceTime(by: .seconds(1))
            #expect(!channel.isActive)
        }
    }

    @Test func aHeadSentInPartsWithinTheDeadlineStopsTheClock() async throws {
        try await Self.embedded(fastPath: false) { channel in
            let half = Self.request.utf8.count / 2
            try channel.writeInbound(ByteBuffer(string: String(Self.request.prefix(half))))
            channel.embeddedEventLoop.advanceTime(by: .seconds(9))
            try channel.writeInbound(ByteBuffer(string: String(Self.request.dropFirst(half))))
            channel.embeddedEventLoop.advanceTime(by: .seconds(20))
            #expect(channel.isActive)
        }
    }

    // MARK: A real server, both paths

    /// Sends `longHead` a byte at a time while reading; returns whether the whole head went out
    /// and what the server answered before it closed.
    static func dribble(port: Int) async throws -> (sentWholeHead: Bool, answer: [UInt8]) {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel,
                                                                configuration: .init(isOutboundHalfClosureEnabled: true))
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            let sender = Task {
                for byte in longHead.utf8 {
                    try await outbound.write(ByteBuffer(bytes: [byte]))
                    try await Task.sleep(for: .milliseconds(20))
                }
                // Done without being cut off: let the server answer and close, so the test ends.
                outbound.finish()
            }
            var answer: [UInt8] = []
            do {
                for try await chunk in inbound { answer += chunk.readableBytesView }
            } catch {}  // a reset is a close too
            sender.cancel()
            let sentWholeHead = (try? await sender.value) != nil
            return (sentWholeHead, answer)
        }
    }

    @Test(arguments: [true, false])
    func aRealServerClosesADribblingClient(fastPath: Bool) async throws {
        try await TempSite.with { site in
            var configuration = site.configuration()
            configuration.headDeadline = .milliseconds(300)
            var server = PreviewServer(configuration: configuration)
            server.usesStaticFastPath = fastPath
            let running = try await LiveServer.start(server)
            let (sentWholeHead, answer) = try await Self.dribble(port: running.port)
            #expect(!sentWholeHead, "the head went out whole, a byte every 20 ms, without being cut off")
            #expect(answer.isEmpty, "\(String(decoding: answer, as: UTF8.self))")
            // The server serves others as before.
            try await RawConnection.with(port: running.port) { connection in
                try await connection.send(Self.request)
                #expect(try await connection.response().status == 200)
            }
            #expect(running.counter.count == (fastPath ? 1 : 0))
            await running.stop()
        }
    }
}
